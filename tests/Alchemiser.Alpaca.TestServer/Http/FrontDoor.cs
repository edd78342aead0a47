using System.Globalization;
using System.Text;
using Alchemiser.Alpaca.TestServer.Faults;
using Alchemiser.Alpaca.TestServer.Journal;
using Alchemiser.Core.Brokerage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Alchemiser.Alpaca.TestServer.Http;

/// <summary>
/// The middleware every request passes before routing: it reads the body, checks the API keys (401), spends the
/// rate-limit budget (429), applies the injected faults, lets the endpoint serve the request, maps what the endpoint
/// threw to Alpaca's error bodies, adds the rate-limit headers, delivers (or loses) the answer, and journals it all.
/// The endpoint writes into a buffer, so the answer can still be replaced or withheld after the broker acted.
/// </summary>
internal sealed class FrontDoor(RequestDelegate next, ServerState state)
{
    private const string GatewayTimeoutPage = "<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center></body></html>";

    public async Task InvokeAsync(HttpContext context)
    {
        var sequence = state.Journal.NextSequence();
        var receivedAt = state.Clock.UtcNow;
        var request = context.Request;
        var requestBody = await ReadBodyAsync(request, context.RequestAborted);
        RequestText.Set(context, requestBody);
        var authorized = state.Keys.Accept(request.Headers);

        var delivery = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        var exchange = new Exchange();
        try
        {
            await ServeAsync(context, authorized, receivedAt, buffer, exchange);
        }
        finally
        {
            context.Features.Set(delivery);
        }

        var sent = (StatusCode: 0, Body: string.Empty);
        try
        {
            sent = await DeliverAsync(context, buffer, exchange);
        }
        finally
        {
            state.Journal.Add(new JournalEntry(
                sequence,
                receivedAt,
                request.Method.ToUpperInvariant(),
                state.Keys.Redact(request.Path.Value ?? "/"),
                state.Keys.Redact(request.QueryString.Value ?? string.Empty),
                state.Keys.Redact(requestBody),
                authorized,
                sent.StatusCode,
                exchange.ServedStatusCode,
                exchange.Fault,
                state.Keys.Redact(sent.Body),
                exchange.ServerError is { } error ? state.Keys.Redact(error) : null));
        }
    }

    private async Task ServeAsync(HttpContext context, bool authorized, DateTimeOffset receivedAt, MemoryStream buffer, Exchange exchange)
    {
        if (!authorized)
        {
            exchange.RateLimit = state.Budget.Peek(receivedAt);
            await ResponseWriter.ErrorAsync(context, StatusCodes.Status401Unauthorized, AlpacaErrorResponse.UnauthorizedCode, "request is not authorized");
            return;
        }

        var (admitted, rateLimit) = state.Budget.TryAdmit(receivedAt);
        exchange.RateLimit = rateLimit;
        if (!admitted)
        {
            await TooManyRequestsAsync(context);
            return;
        }

        var plan = state.Faults.Match(context.Request.Method, context.Request.Path.Value ?? "/");
        exchange.Fault = plan.Description;
        foreach (var delay in plan.Delays)
        {
            await state.Options.Delay.DelayAsync(delay.Duration, state.Stopping);
        }

        switch (plan.Outcome)
        {
            case ErrorFault error:
                await ResponseWriter.ErrorAsync(context, error.StatusCode, error.Code, error.Message);
                return;
            case TooManyRequestsFault tooMany:
                var now = state.Clock.UtcNow;
                var budget = state.Budget.Peek(now);
                exchange.RateLimit = budget with { Remaining = 0, Reset = tooMany.ResetAfter is { } after ? now + after : budget.Reset };
                await TooManyRequestsAsync(context);
                return;
        }

        await RunEndpointAsync(context, buffer, exchange);
        exchange.ServedStatusCode = context.Response.StatusCode;
        if (plan.Outcome is LostResponseFault lost)
        {
            await LoseAsync(context, buffer, exchange, lost.Mode);
        }
    }

    /// <summary>Puts what the client of a lost response sees in place of the served answer.</summary>
    private static async Task LoseAsync(HttpContext context, MemoryStream buffer, Exchange exchange, LostResponseMode mode)
    {
        Reset(context, buffer);
        switch (mode)
        {
            case LostResponseMode.InternalServerError:
                await ResponseWriter.ErrorAsync(context, StatusCodes.Status500InternalServerError, Fault.InternalErrorCode, "internal server error");
                break;
            case LostResponseMode.GatewayTimeout:
                context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                context.Response.ContentType = "text/html";
                await buffer.WriteAsync(Encoding.UTF8.GetBytes(GatewayTimeoutPage));
                break;
            default:
                exchange.Aborted = true;
                break;
        }
    }

    /// <summary>Runs the routed endpoint; what it throws becomes Alpaca's error body (an unexpected exception a 500, kept for the journal).</summary>
    private async Task RunEndpointAsync(HttpContext context, MemoryStream buffer, Exchange exchange)
    {
        try
        {
            await next(context);
        }
        catch (AlpacaErrorResponse refusal)
        {
            Reset(context, buffer);
            await ResponseWriter.ErrorAsync(context, refusal.StatusCode, refusal.Code, refusal.Message);
        }
        catch (OrderNotFoundException)
        {
            Reset(context, buffer);
            await ResponseWriter.ErrorAsync(context, StatusCodes.Status404NotFound, AlpacaErrorResponse.NotFoundCode, "order not found");
        }
        catch (Exception failure) when (!state.Stopping.IsCancellationRequested)
        {
            Reset(context, buffer);
            exchange.ServerError = failure.ToString();
            await ResponseWriter.ErrorAsync(context, StatusCodes.Status500InternalServerError, Fault.InternalErrorCode, "internal server error");
        }
    }

    /// <summary>Sends the buffered answer with the rate-limit headers, or resets the connection when a lost response says so.</summary>
    private static async Task<(int StatusCode, string Body)> DeliverAsync(HttpContext context, MemoryStream buffer, Exchange exchange)
    {
        var response = context.Response;
        if (exchange.Aborted)
        {
            context.Abort();
            return (0, string.Empty);
        }

        if (exchange.RateLimit is { } rateLimit)
        {
            response.Headers[RateLimitState.LimitHeader] = rateLimit.Limit.ToString(CultureInfo.InvariantCulture);
            response.Headers[RateLimitState.RemainingHeader] = rateLimit.Remaining.ToString(CultureInfo.InvariantCulture);
            response.Headers[RateLimitState.ResetHeader] = rateLimit.ResetUnixSeconds.ToString(CultureInfo.InvariantCulture);
        }

        var body = buffer.ToArray();
        if (body.Length == 0)
        {
            // A 204 may carry neither a body nor a Content-Length.
            return (response.StatusCode, string.Empty);
        }

        response.ContentLength = body.Length;
        try
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client has gone (it gave up on a slow answer); the request was handled all the same.
        }

        return (response.StatusCode, Encoding.UTF8.GetString(body));
    }

    private static Task TooManyRequestsAsync(HttpContext context) =>
        ResponseWriter.ErrorAsync(context, StatusCodes.Status429TooManyRequests, AlpacaErrorResponse.RateLimitCode, "rate limit exceeded");

    /// <summary>Drops what the endpoint wrote so an error can take its place.</summary>
    private static void Reset(HttpContext context, MemoryStream buffer)
    {
        buffer.SetLength(0);
        context.Response.Headers.ContentType = default;
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>What happened to one request on its way through.</summary>
    private sealed class Exchange
    {
        public RateLimitState? RateLimit { get; set; }

        public string? Fault { get; set; }

        public int? ServedStatusCode { get; set; }

        /// <summary>The connection is to be reset instead of answered.</summary>
        public bool Aborted { get; set; }

        public string? ServerError { get; set; }
    }
}
