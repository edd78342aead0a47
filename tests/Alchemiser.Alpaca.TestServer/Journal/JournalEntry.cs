namespace Alchemiser.Alpaca.TestServer.Journal;

/// <summary>
/// One request the server received and what became of it. No header is kept — only whether the API keys were
/// accepted — and the configured key id and secret are blanked out of every text kept.
/// </summary>
/// <param name="Sequence">1 for the server's first request, counting up in order of arrival.</param>
/// <param name="ReceivedAt">When it arrived, on the server's clock.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path, e.g. <c>/v2/orders/1d9e…</c>.</param>
/// <param name="Query">The query string with its leading <c>?</c>, or empty.</param>
/// <param name="RequestBody">The request body as text (empty when none).</param>
/// <param name="Authorized">The key id and secret presented matched the configured ones.</param>
/// <param name="StatusCode">The status the client was sent; 0 when the connection was aborted instead.</param>
/// <param name="ServedStatusCode">The status the endpoint answered with when the request was served (it reached the broker or the bar store); null when it was refused before (keys, rate limit, an error fault).</param>
/// <param name="Fault">What injected faults did to it; null when none applied.</param>
/// <param name="ResponseBody">The body the client was sent (empty when none or aborted).</param>
/// <param name="ServerError">The exception when the server itself failed (answered 500); null otherwise.</param>
public sealed record JournalEntry(
    long Sequence,
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    string Query,
    string RequestBody,
    bool Authorized,
    int StatusCode,
    int? ServedStatusCode,
    string? Fault,
    string ResponseBody,
    string? ServerError)
{
    /// <summary>The request was served, whether or not the client saw the answer.</summary>
    public bool WasServed => ServedStatusCode is not null;
}
