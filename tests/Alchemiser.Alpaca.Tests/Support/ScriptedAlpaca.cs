using System.Net;
using System.Text;
using Alchemiser.Core.Time;

namespace Alchemiser.Alpaca.Tests.Support;

/// <summary>
/// An in-memory Alpaca: answers from a script, one step per request, and records every request. When the script is
/// used up it answers with <see cref="Otherwise"/>, or fails the test.
/// </summary>
public sealed class ScriptedAlpaca(IClock? clock = null) : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly List<RecordedRequest> _requests = [];
    private Func<RecordedRequest, HttpResponseMessage>? _otherwise;

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Answers the next request with <paramref name="status"/>, <paramref name="body"/> and <paramref name="headers"/>.</summary>
    public ScriptedAlpaca Respond(int status, string body = "", params (string Name, string Value)[] headers)
    {
        Enqueue(_ => Task.FromResult(Response(status, body, headers)));
        return this;
    }

    /// <summary>Answers the next request with 200 and the fixture <paramref name="name"/>.</summary>
    public ScriptedAlpaca RespondFixture(string name, int status = 200) => Respond(status, Fixture.Text(name));

    /// <summary>Alpaca's error body <c>{"code": code, "message": message}</c> with <paramref name="status"/>.</summary>
    public ScriptedAlpaca RespondError(int status, int? code, string message, params (string Name, string Value)[] headers) =>
        Respond(status, code is { } c ? $"{{\"code\":{c},\"message\":\"{message}\"}}" : $"{{\"message\":\"{message}\"}}", headers);

    /// <summary>Takes the next request in and never answers: it ends only when the client gives up on it.</summary>
    public ScriptedAlpaca Hang()
    {
        Enqueue(async ct =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    /// <summary>Takes the next request in and fails it as the network would.</summary>
    public ScriptedAlpaca FailNetwork(string message = "Connection reset by peer")
    {
        Enqueue(_ => Task.FromException<HttpResponseMessage>(new HttpRequestException(message)));
        return this;
    }

    /// <summary>How every request past the script is answered.</summary>
    public ScriptedAlpaca Otherwise(Func<RecordedRequest, HttpResponseMessage> answer)
    {
        _otherwise = answer;
        return this;
    }

    /// <summary>A response with <paramref name="status"/>, a JSON <paramref name="body"/> and <paramref name="headers"/>.</summary>
    public static HttpResponseMessage Response(int status, string body = "", params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var uri = request.RequestUri!;
        var recorded = new RecordedRequest(request.Method.Method, uri.Host, uri.AbsolutePath, QueryOf(uri), headers, body, clock?.UtcNow);
        Func<CancellationToken, Task<HttpResponseMessage>>? step;
        lock (_gate)
        {
            _requests.Add(recorded);
            _script.TryDequeue(out step);
        }

        if (step is not null)
        {
            return await step(cancellationToken);
        }

        return _otherwise?.Invoke(recorded) ?? throw new InvalidOperationException($"no scripted answer left for {recorded.Method} {recorded.Path}");
    }

    private void Enqueue(Func<CancellationToken, Task<HttpResponseMessage>> step)
    {
        lock (_gate)
        {
            _script.Enqueue(step);
        }
    }

    private static Dictionary<string, string> QueryOf(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty, StringComparer.Ordinal);
}
