using System.Net.Http.Headers;
using Alchemiser.Aws.Signing;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Alchemiser.Aws.Http;

/// <summary>
/// The signed HTTP core of the hand-written AWS clients: builds the request for an <see cref="AwsOperation"/>, signs
/// it with SigV4 (fresh date and credentials per attempt), bounds every attempt by
/// <see cref="AwsClientOptions.AttemptTimeout"/>, retries throttling, 5xx, timeouts and network errors with
/// exponential backoff and jitter (Polly), and turns any other failure into an <see cref="AwsServiceException"/>.
/// </summary>
public sealed class AwsHttpClient
{
    private readonly HttpClient _http;
    private readonly IAwsCredentialSource _credentials;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _pipeline;

    /// <summary>A client over <paramref name="http"/> (whose own timeout should be infinite or longer than the attempts').</summary>
    public AwsHttpClient(HttpClient http, IAwsCredentialSource credentials, AwsClientOptions options, TimeProvider? timeProvider = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _time = timeProvider ?? TimeProvider.System;
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<AwsServiceException>(e => e.IsTransient)
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
            });
        }

        _pipeline = builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>The region, endpoints, timeout and retry settings.</summary>
    public AwsClientOptions Options { get; }

    /// <summary>Sends <paramref name="operation"/> and returns the response body of the first successful attempt.</summary>
    /// <exception cref="AwsServiceException">AWS refused the call, or every attempt failed or timed out.</exception>
    public async Task<string> SendAsync(AwsOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await _pipeline.ExecuteAsync(ct => AttemptAsync(operation, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new AwsServiceException(
                operation.Service, operation.Operation, 0, "RequestTimeout", $"no answer within {Options.AttemptTimeout.TotalSeconds:0.###} s", operation.ErrorCategory, e);
        }
        catch (HttpRequestException e)
        {
            throw new AwsServiceException(operation.Service, operation.Operation, 0, "NetworkError", e.Message, operation.ErrorCategory, e);
        }
    }

    private async ValueTask<string> AttemptAsync(AwsOperation operation, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        var uri = Options.EndpointFor(operation.Service);
        var headers = new List<KeyValuePair<string, string>> { new("Content-Type", operation.ContentType) };
        if (operation.Target is not null)
        {
            headers.Add(new("X-Amz-Target", operation.Target));
        }

        var signature = SigV4Signer.Sign(
            new SignableRequest("POST", uri, headers, operation.Body),
            credentials,
            new SigningScope(Options.Region, operation.Service),
            _time.GetUtcNow());

        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        var content = new ReadOnlyMemoryContent(operation.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(operation.ContentType);
        request.Content = content;
        if (operation.Target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", operation.Target);
        }

        foreach (var header in signature.HeadersToAdd)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return body;
        }

        var queryError = response.Headers.TryGetValues("x-amzn-query-error", out var values) ? values.FirstOrDefault() : null;
        var (code, message) = AwsErrorReader.Read(body, queryError);
        throw new AwsServiceException(operation.Service, operation.Operation, (int)response.StatusCode, code, message, operation.ErrorCategory);
    }
}
