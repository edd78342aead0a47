using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alchemiser.Core.Errors;
using Alchemiser.Core.Logging;
using Alchemiser.Core.Time;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Alchemiser.Alpaca.Http;

/// <summary>
/// The HTTP core of <see cref="AlpacaClient"/>: resolves the credentials once (on the first request) and sends them as
/// Alpaca's key headers, takes a turn of the <see cref="AlpacaRequestBudget"/> before every attempt and feeds it the
/// rate-limit headers of every answer, bounds each attempt by <see cref="AlpacaOptions.AttemptTimeout"/>, and retries
/// with Polly — reads on 429, 5xx, timeouts and network errors (<see cref="SendAsync"/>), order writes on 429 only
/// (<see cref="SendOnceAsync"/>: a write whose outcome is uncertain is the caller's to reconcile). Errors become
/// <see cref="AlpacaApiException"/>s; the key id and secret key never reach a message or a log line, and headers are
/// never logged.
/// </summary>
internal sealed class AlpacaTransport : IDisposable
{
    private const string KeyIdHeader = "APCA-API-KEY-ID";
    private const string SecretKeyHeader = "APCA-API-SECRET-KEY";

    private readonly HttpClient _http;
    private readonly AlpacaOptions _options;
    private readonly Func<CancellationToken, Task<AlpacaCredentials>> _resolveCredentials;
    private readonly IClock _clock;
    private readonly IAlchemiserLog? _log;
    private readonly string _tradingBase;
    private readonly string _dataBase;
    private readonly ResiliencePipeline _attemptTimeout;
    private readonly ResiliencePipeline _readRetry;
    private readonly ResiliencePipeline _throttleRetry;
    private readonly Lock _gate = new();
    private Task<AlpacaCredentials>? _credentials;
    private volatile SecretRedactor _redactor = SecretRedactor.None;

    /// <summary>A transport over <paramref name="handler"/> (a new <see cref="HttpClientHandler"/> when null).</summary>
    public AlpacaTransport(
        AlpacaOptions options,
        Func<CancellationToken, Task<AlpacaCredentials>> credentials,
        HttpMessageHandler? handler,
        IClock clock,
        IDelay delay,
        IAlchemiserLog? log,
        AlpacaRequestBudget budget)
    {
        _options = options;
        _resolveCredentials = credentials;
        _clock = clock;
        _log = log;
        Budget = budget;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout
        _tradingBase = options.TradingBaseUrl.TrimEnd('/');
        _dataBase = options.DataBaseUrl.TrimEnd('/');

        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = TimeProvider.System }
            .AddTimeout(options.AttemptTimeout)
            .Build();
        var waiting = new DelayTimeProvider(clock, delay);
        _readRetry = RetryPipeline(waiting, options.MaxReadRetries, e => e.IsTransient);
        _throttleRetry = RetryPipeline(waiting, options.MaxReadRetries, e => e.StatusCode == 429);
    }

    /// <summary>The request budget every attempt takes a turn of.</summary>
    public AlpacaRequestBudget Budget { get; }

    /// <summary>
    /// Sends a read (or an idempotent write) and returns the first answer that is not transient: a success, or a
    /// refusal the caller maps (404, 422...). 429, 5xx, timeouts and network errors are retried up to
    /// <see cref="AlpacaOptions.MaxReadRetries"/> times; after that the last one is thrown as an <see cref="AlpacaApiException"/>.
    /// </summary>
    public async Task<AlpacaReply> SendAsync(AlpacaRequest request, CancellationToken cancellationToken)
    {
        return await _readRetry.ExecuteAsync(
            static async (state, ct) =>
            {
                var reply = await state.Self.AttemptAsync(state.Request, ct).ConfigureAwait(false);
                return reply.IsTransient ? throw state.Self.Failure(state.Request, reply) : reply;
            },
            (Self: this, Request: request),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends an order write once — again only after a 429, which says Alpaca did not take it — and returns Alpaca's
    /// answer whatever it is (a 5xx too: the caller reconciles). A timeout or network error is thrown as an
    /// <see cref="AlpacaApiException"/> with status 0: the write may or may not have reached Alpaca.
    /// </summary>
    public async Task<AlpacaReply> SendOnceAsync(AlpacaRequest request, CancellationToken cancellationToken)
    {
        return await _throttleRetry.ExecuteAsync(
            static async (state, ct) =>
            {
                var reply = await state.Self.AttemptAsync(state.Request, ct).ConfigureAwait(false);
                return reply.StatusCode == 429 ? throw state.Self.Failure(state.Request, reply) : reply;
            },
            (Self: this, Request: request),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The exception for Alpaca's refusal <paramref name="reply"/> of <paramref name="request"/>.</summary>
    public AlpacaApiException Failure(AlpacaRequest request, AlpacaReply reply)
    {
        var (code, message) = AlpacaErrorBody.Read(reply.Body, null);
        var category = reply.StatusCode is 401 or 403 ? ErrorCategory.Configuration : CategoryOf(request);
        return new AlpacaApiException(
            request.Method.Method, request.Path, reply.StatusCode, code, Redact(message), category, rateLimitResetAt: reply.RateLimitResetAt);
    }

    /// <summary>
    /// The body of the successful <paramref name="reply"/> read as <typeparamref name="TJson"/> and mapped; a body
    /// that does not read or map is an <see cref="AlpacaApiException"/> naming what was wrong.
    /// </summary>
    public T Read<TJson, T>(AlpacaRequest request, AlpacaReply reply, JsonTypeInfo<TJson> type, Func<TJson, T> map)
    {
        try
        {
            var json = JsonSerializer.Deserialize(reply.Body, type) ?? throw new FormatException("the body is empty or null");
            return map(json);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or OverflowException)
        {
            throw new AlpacaApiException(
                request.Method.Method, request.Path, reply.StatusCode, null, Redact("unreadable response: " + e.Message), CategoryOf(request),
                "Alpaca's answer does not match the shape this client expects; check the base URL and the contract in shared/contracts/alpaca", e);
        }
    }

    /// <summary><paramref name="text"/> with the key id and secret key masked.</summary>
    public string Redact(string text) => _redactor.Redact(text);

    /// <summary>Writes a <c>WARN</c> line (fields redacted; never headers).</summary>
    public void Warn(string message, params (string Key, object? Value)[] fields) => _log?.Warn(message, RedactFields(fields));

    /// <summary>Writes an <c>INFO</c> line (fields redacted; never headers).</summary>
    public void Info(string message, params (string Key, object? Value)[] fields) => _log?.Info(message, RedactFields(fields));

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>
    /// One attempt: credentials, a turn of the budget, the request within the attempt timeout. Returns any answer;
    /// throws an <see cref="AlpacaApiException"/> with status 0 when none came in time or the network failed.
    /// </summary>
    private async Task<AlpacaReply> AttemptAsync(AlpacaRequest request, CancellationToken cancellationToken)
    {
        var credentials = await CredentialsAsync(cancellationToken).ConfigureAwait(false);
        await Budget.AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _attemptTimeout.ExecuteAsync(
                static async (state, ct) => await state.Self.ExchangeAsync(state.Request, state.Credentials, ct).ConfigureAwait(false),
                (Self: this, Request: request, Credentials: credentials),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw NoAnswer(request, string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.AttemptTimeout.TotalSeconds:0.###} s"), e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw NoAnswer(request, "the request was abandoned before an answer came", e);
        }
        catch (HttpRequestException e)
        {
            throw NoAnswer(request, "network error: " + e.Message, e);
        }
    }

    private async ValueTask<AlpacaReply> ExchangeAsync(AlpacaRequest request, AlpacaCredentials credentials, CancellationToken cancellationToken)
    {
        var baseUrl = request.Host == AlpacaHost.Trading ? _tradingBase : _dataBase;
        using var message = new HttpRequestMessage(request.Method, baseUrl + request.PathAndQuery);
        message.Headers.TryAddWithoutValidation(KeyIdHeader, credentials.KeyId);
        message.Headers.TryAddWithoutValidation(SecretKeyHeader, credentials.SecretKey);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var resetAt = Budget.Observe(response.Headers);
        return new AlpacaReply((int)response.StatusCode, body, resetAt);
    }

    /// <summary>The credentials, resolved on the first call and kept; a failed resolution is tried again on the next call.</summary>
    private async Task<AlpacaCredentials> CredentialsAsync(CancellationToken cancellationToken)
    {
        Task<AlpacaCredentials> pending;
        lock (_gate)
        {
            pending = _credentials ??= ResolveCredentialsAsync(cancellationToken);
        }

        try
        {
            return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (pending.IsFaulted || pending.IsCanceled)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_credentials, pending))
                {
                    _credentials = null;
                }
            }

            throw;
        }
    }

    private async Task<AlpacaCredentials> ResolveCredentialsAsync(CancellationToken cancellationToken)
    {
        var credentials = await _resolveCredentials(cancellationToken).ConfigureAwait(false)
            ?? throw new ConfigurationException("the Alpaca credentials source returned nothing", "configure the Alpaca key id and secret key");
        _redactor = new SecretRedactor([credentials.KeyId, credentials.SecretKey]);
        return credentials;
    }

    private ResiliencePipeline RetryPipeline(TimeProvider waiting, int retries, Func<AlpacaApiException, bool> retryable)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = waiting };
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<AlpacaApiException>(retryable),
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.RetryMaxDelay,
                DelayGenerator = args => ValueTask.FromResult(UntilQuotaRefills(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    var failure = args.Outcome.Exception as AlpacaApiException;
                    Warn(
                        "Alpaca request failed; retrying",
                        ("method", failure?.Method),
                        ("path", failure?.Path),
                        ("status", failure?.StatusCode),
                        ("alpaca_code", failure?.AlpacaCode),
                        ("alpaca_message", failure?.AlpacaMessage),
                        ("attempt", args.AttemptNumber + 1),
                        ("retry_in_ms", (long)args.RetryDelay.TotalMilliseconds));
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    /// <summary>For a 429 that said when the quota refills: the wait until then (at most a minute); else null, Polly's backoff.</summary>
    private TimeSpan? UntilQuotaRefills(Exception? failure)
    {
        if (failure is not AlpacaApiException { StatusCode: 429, RateLimitResetAt: { } reset })
        {
            return null;
        }

        var wait = reset - _clock.UtcNow;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > AlpacaRequestBudget.Window ? AlpacaRequestBudget.Window : wait;
    }

    private AlpacaApiException NoAnswer(AlpacaRequest request, string what, Exception inner) =>
        new(request.Method.Method, request.Path, 0, null, Redact(what), CategoryOf(request), inner: inner);

    private static ErrorCategory CategoryOf(AlpacaRequest request) =>
        request.Host == AlpacaHost.MarketData ? ErrorCategory.Data : ErrorCategory.Trading;

    private (string Key, object? Value)[] RedactFields((string Key, object? Value)[] fields)
    {
        var redactor = _redactor;
        return fields.Select(f => (f.Key, f.Value is string text ? redactor.Redact(text) : f.Value)).ToArray();
    }
}
