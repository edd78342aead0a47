using System.Collections.Concurrent;

namespace Alchemiser.Alpaca.ContractTests.Session;

/// <summary>
/// The client's HTTP handler in a session: the client is given two made-up base URLs, <see cref="TradingBaseUrl"/>
/// and <see cref="DataBaseUrl"/>, so each request says which API the client meant it for; the router notes that
/// (<see cref="Sent"/>) and sends the request on, unchanged but for the authority, to the test server, which serves
/// both APIs on one address. Nothing is answered here: every response comes from the server.
/// </summary>
internal sealed class ApiRouter : DelegatingHandler
{
    public const string TradingBaseUrl = "http://trading.alpaca.test";

    public const string DataBaseUrl = "http://data.alpaca.test";

    private static readonly string TradingHost = new Uri(TradingBaseUrl).Host;
    private static readonly string DataHost = new Uri(DataBaseUrl).Host;

    private readonly string _server;
    private readonly ConcurrentQueue<SentRequest> _sent = new();

    public ApiRouter(Uri server)
        : base(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        _server = server.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>Every request the client sent, in order.</summary>
    public IReadOnlyList<SentRequest> Sent => [.. _sent];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("a request without a URI");
        var api = uri.Host == TradingHost ? AlpacaApi.Trading
            : uri.Host == DataHost ? AlpacaApi.MarketData
            : throw new InvalidOperationException($"the client sent a request to {uri.Host}, neither of the base URLs it was given");
        _sent.Enqueue(new SentRequest(api, request.Method.Method, uri.PathAndQuery));
        request.RequestUri = new Uri(_server + uri.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>One request as the client sent it: the API it was meant for, the method, the escaped path and query.</summary>
public sealed record SentRequest(AlpacaApi Api, string Method, string PathAndQuery);
