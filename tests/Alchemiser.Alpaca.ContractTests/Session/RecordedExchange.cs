using Alchemiser.Alpaca.TestServer.Journal;

namespace Alchemiser.Alpaca.ContractTests.Session;

/// <summary>
/// One request of a client session as the test server journaled it (method, path, query, body, status, response
/// body), with the API the client sent it to.
/// </summary>
public sealed record RecordedExchange(AlpacaApi Api, JournalEntry Entry)
{
    public string Method => Entry.Method;

    /// <summary>The path and the query as the server received them, e.g. <c>/v2/orders?status=open&amp;limit=500</c>.</summary>
    public string PathAndQuery => Entry.Path + Entry.Query;

    /// <summary>The request body, or null when none was sent.</summary>
    public string? RequestBody => Entry.RequestBody.Length == 0 ? null : Entry.RequestBody;

    /// <summary>The status the client was sent.</summary>
    public int Status => Entry.StatusCode;

    /// <summary>The response body the client was sent (empty when none).</summary>
    public string ResponseBody => Entry.ResponseBody;

    /// <summary>The same exchange with another method, path and query, body or API, for tests that break one on purpose.</summary>
    public RecordedExchange With(string? method = null, string? path = null, string? query = null, string? requestBody = null, AlpacaApi? api = null) =>
        new(api ?? Api, Entry with
        {
            Method = method ?? Entry.Method,
            Path = path ?? Entry.Path,
            Query = query ?? Entry.Query,
            RequestBody = requestBody ?? Entry.RequestBody,
        });

    /// <inheritdoc />
    public override string ToString() => $"#{Entry.Sequence} {Method} {PathAndQuery} ({Api}) -> {Status}";
}
