namespace Alchemiser.Alpaca.Http;

/// <summary>One Alpaca call: method, API, path (its segments already escaped), query and JSON body.</summary>
/// <param name="Path">The path without the query, e.g. <c>/v2/orders</c>; it is what logs and errors show.</param>
/// <param name="Query">Names and unescaped values, in the order they are sent.</param>
/// <param name="Body">The JSON body, or null for none.</param>
internal sealed record AlpacaRequest(
    HttpMethod Method, AlpacaHost Host, string Path, IReadOnlyList<KeyValuePair<string, string>>? Query = null, string? Body = null)
{
    /// <summary>A GET of <paramref name="path"/> on <paramref name="host"/> with <paramref name="query"/>.</summary>
    public static AlpacaRequest Get(AlpacaHost host, string path, params (string Name, string Value)[] query) =>
        new(HttpMethod.Get, host, path, query.Select(q => KeyValuePair.Create(q.Name, q.Value)).ToArray());

    /// <summary>The path and the escaped query, relative to the API's base URL.</summary>
    public string PathAndQuery =>
        Query is not { Count: > 0 }
            ? Path
            : Path + "?" + string.Join("&", Query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
}
