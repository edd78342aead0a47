using System.Net;
using System.Text;

namespace Alchemiser.Aws.Tests.Support;

/// <summary>An HTTP handler that answers from a script, one response per request, and records what it was sent.</summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public List<RecordedRequest> Requests { get; } = [];

    public ScriptedHandler Respond(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        _script.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        });
        return this;
    }

    /// <summary>An attempt that never answers: it ends only when the caller cancels it.</summary>
    public ScriptedHandler Hang()
    {
        _script.Enqueue(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body));
        if (_script.Count == 0)
        {
            throw new InvalidOperationException($"no scripted response left for request {Requests.Count}");
        }

        return await _script.Dequeue()(request, cancellationToken);
    }
}

/// <summary>One request as the handler saw it.</summary>
public sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body);
