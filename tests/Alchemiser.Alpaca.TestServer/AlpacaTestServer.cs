using System.Net;
using Alchemiser.Alpaca.TestServer.Faults;
using Alchemiser.Alpaca.TestServer.Http;
using Alchemiser.Alpaca.TestServer.Journal;
using Alchemiser.Alpaca.TestServer.MarketData;
using Alchemiser.Alpaca.TestServer.Trading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Alchemiser.Alpaca.TestServer;

/// <summary>
/// A local Alpaca-compatible HTTP server for tests: the trading API (account, positions, orders, clock, calendar,
/// assets) over an <see cref="Core.Brokerage.IBroker"/> — normally the paper-broker simulator, whose market model
/// makes the partial and slow fills — and the market-data API (daily bars, latest quotes and trades) over an
/// <see cref="Core.MarketData.IBarStore"/> and the broker, on one loopback address: point a client's trading and data
/// base URLs both at <see cref="BaseUrl"/>. It checks Alpaca's key headers, enforces Alpaca's rate limit with its
/// headers, injects <see cref="Faults"/> per request and keeps a <see cref="Journal"/> of every request. Kestrel
/// listens on 127.0.0.1 on a free port only, and logs nothing. Dispose it to stop it.
/// </summary>
/// <remarks>
/// Ids are Alpaca-style UUIDs derived from the broker's ids (<see cref="BrokerOrderIdOf"/> maps back). Listing and
/// cancel-all see the orders the server has seen (placed or replaced through it, or read by id or client order id),
/// as the broker port has no listing.
/// </remarks>
public sealed class AlpacaTestServer : IAsyncDisposable
{
    private static readonly string[] ServedPaths =
    [
        "/v2/account", "/v2/positions", "/v2/orders", "/v2/orders/{order_id}", "/v2/orders:by_client_order_id", "/v2/clock",
        "/v2/calendar", "/v2/assets/{symbol_or_asset_id}", "/v2/stocks/bars", "/v2/stocks/quotes/latest", "/v2/stocks/trades/latest",
    ];

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly ServerState _state;
    private int _disposed;

    private AlpacaTestServer(WebApplication app, CancellationTokenSource stopping, ServerState state, Uri baseUrl)
    {
        _app = app;
        _stopping = stopping;
        _state = state;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>; both APIs' paths are under it.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The fault rules the next requests meet.</summary>
    public FaultInjector Faults => _state.Faults;

    /// <summary>Every request the server has finished with.</summary>
    public RequestJournal Journal => _state.Journal;

    /// <summary>Starts a server for <paramref name="options"/> on a free loopback port.</summary>
    public static async Task<AlpacaTestServer> StartAsync(AlpacaTestServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var stopping = new CancellationTokenSource();
        var state = new ServerState(options, stopping.Token);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseMiddleware<FrontDoor>(state);
        app.UseRouting();
        Map(app, state);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new AlpacaTestServer(app, stopping, state, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The UUID the server shows for broker order <paramref name="brokerOrderId"/> (e.g. to find a simulator order in a client's answers).</summary>
    public string AlpacaOrderIdOf(string brokerOrderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(brokerOrderId);
        return _state.Ids.OrderId(brokerOrderId);
    }

    /// <summary>The broker order id behind an order id the server handed out; null for any other id.</summary>
    public string? BrokerOrderIdOf(string orderId)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        return _state.Ids.BrokerOrderId(orderId);
    }

    /// <summary>Stops the server: fault delays still waiting are cut short, open connections are closed, the port is freed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private static void Map(IEndpointRouteBuilder routes, ServerState state)
    {
        new AccountEndpoints(state).Map(routes);
        new OrderEndpoints(state).Map(routes);
        new ClockEndpoints(state).Map(routes);
        new AssetEndpoints(state).Map(routes);
        new BarEndpoints(state).Map(routes);
        new LatestEndpoints(state).Map(routes);
        routes.MapFallback(new UnknownEndpoint(ServedPaths).AnswerAsync);
    }
}
