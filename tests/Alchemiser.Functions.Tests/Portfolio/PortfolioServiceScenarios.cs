using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;
using Alchemiser.Core.Trading;
using Alchemiser.Functions.Tests.Support;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.Idempotency;
using Alchemiser.Local.Ledger;
using Alchemiser.Local.Time;
using Alchemiser.Portfolio;
using Alchemiser.Portfolio.Planning;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Functions.Tests.Portfolio;

/// <summary>
/// Portfolio on SignalGenerated: the account, positions, quotes and assets come from the paper broker; the plan is
/// published once per run, each trade attributed to the strategies that want it. Derive and say how the service reaches
/// the paper broker (<see cref="Venue"/>); the scenario itself sets the account up on the paper broker directly.
/// </summary>
public abstract class PortfolioServiceScenarios : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    private readonly string _folder = Directory.CreateTempSubdirectory("alchemiser-portfolio-").FullName;
    private readonly SimulatedClock _clock = SimulatedClock.At(Day, new TimeOnly(15, 30));
    private readonly ScriptedMarketModel _market = new();
    private readonly InMemoryTradeLedger _ledger = new();
    private readonly RecordingPublisher _published = new();
    private readonly PaperBroker _broker;
    private IPaperConnection? _connection;

    protected PortfolioServiceScenarios()
    {
        _broker = new PaperBroker(Path.Combine(_folder, "paper.db"), _market, _clock, new PaperBrokerOptions { InitialCash = 10_000m });
        Quote("AAA", 99.99m, 100.01m);
        Quote("BBB", 49.99m, 50.01m);
        Quote("OLD", 19.99m, 20.01m);
    }

    /// <summary>How the service reaches the paper broker.</summary>
    protected abstract IPaperVenue Venue { get; }

    public async Task InitializeAsync() => _connection = await Venue.ConnectAsync(_broker, _clock);

    public async Task DisposeAsync()
    {
        try
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Quote(string symbol, decimal bid, decimal ask, bool fractionable = true)
    {
        _market.SetQuote(symbol, _clock.UtcNow.AddHours(-1), bid, ask, 1_000_000m, 1_000_000m);
        _market.SetLastTrade(symbol, _clock.UtcNow.AddHours(-1), (bid + ask) / 2m);
        _market.SetAsset(symbol, tradable: true, fractionable);
    }

    private PortfolioService Service(PlannerSettings? settings = null) =>
        new(_connection!.Broker, _ledger, new SqliteIdempotencyStore(Path.Combine(_folder, "alchemiser.db"), _clock), _published, _clock, settings ?? new PlannerSettings());

    private static EventEnvelope Signal(params (string Strategy, decimal Weight, (string Symbol, decimal Weight)[] Allocation)[] strategies)
    {
        var portfolio = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (_, weight, allocation) in strategies)
        {
            foreach (var (symbol, w) in allocation)
            {
                portfolio[symbol] = portfolio.GetValueOrDefault(symbol) + (weight * w);
            }
        }

        var payload = new SignalGenerated(
            "dev:2025-06-10", Day, strategies.Length, strategies.Length, "abort", [], false, portfolio,
            [.. strategies.Select(s => new StrategyContributionSummary(s.Strategy, s.Weight, s.Weight, s.Allocation.ToDictionary(a => a.Symbol, a => a.Weight, StringComparer.Ordinal)))]);
        return EventEnvelope.Create(
            payload, "run-1:SignalGenerated", "run-1", "run-1:PartialSignalGenerated:a", DateTimeOffset.UnixEpoch, EventSources.SignalAggregator, "SignalAggregationService");
    }

    private async Task Hold(string symbol, decimal quantity)
    {
        var order = await _broker.SubmitOrderAsync(OrderRequest.Market("setup-" + symbol, symbol, OrderSide.Buy, quantity));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(OrderStatus.Filled, (await _broker.GetOrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task From_cash_the_plan_buys_the_target_at_the_mid_and_names_the_strategies()
    {
        var plan = (await Service().HandleAsync(Signal(("a", 0.6m, [("AAA", 1m)]), ("b", 0.4m, [("AAA", 0.5m), ("BBB", 0.5m)]))))
            .PayloadAs<RebalancePlanned>();

        Assert.Equal(10_000m, plan.Equity);
        Assert.Equal(
            [("AAA", "buy", 80m), ("BBB", "buy", 40m)],
            plan.Trades.Select(t => (t.Symbol, t.Side, t.Quantity)));
        Assert.Equal([new StrategyShare("a", 0.75m), new StrategyShare("b", 0.25m)], plan.Trades[0].Attribution);
        Assert.Equal([new StrategyShare("b", 1m)], plan.Trades[1].Attribution);
    }

    [Fact]
    public async Task The_plan_is_published_with_a_deterministic_id_caused_by_the_signal()
    {
        var signal = Signal(("a", 1m, [("AAA", 1m)]));

        var published = await Service().HandleAsync(signal);

        Assert.Equal(published.EventId, Assert.Single(_published.Published).EventId);
        Assert.Equal(("run-1:RebalancePlanned", "run-1", signal.EventId, EventSources.Portfolio), (published.EventId, published.CorrelationId, published.CausationId, published.SourceModule));
    }

    [Fact]
    public async Task A_duplicate_signal_republishes_the_first_plan_even_after_the_account_has_traded()
    {
        var signal = Signal(("a", 1m, [("AAA", 1m)]));
        var first = await Service().HandleAsync(signal);
        await Hold("AAA", 50m);

        var second = await Service().HandleAsync(signal);

        Assert.Equal(first.ToJson(), second.ToJson());
        Assert.Equal(2, _published.OfType(EventTypes.RebalancePlanned).Count);
        Assert.All(_published.Published, e => Assert.Equal(first.ToJson(), e.ToJson()));
    }

    [Fact]
    public async Task A_position_that_left_the_target_is_sold_in_full_and_attributed_to_its_holders_in_the_ledger()
    {
        await Hold("OLD", 100m);
        var at = _clock.UtcNow;
        await _ledger.RecordAsync(new LedgerFill(
            "f1", "run-0", Day.AddDays(-1), "OLD", FillSides.Buy, 100m, 20m, "c1", "o1",
            [new StrategyAttribution("a", 25m), new StrategyAttribution("gone", 75m)], at, at));

        var plan = (await Service().HandleAsync(Signal(("a", 1m, [("AAA", 1m)])))).PayloadAs<RebalancePlanned>();

        var exit = Assert.Single(plan.Trades, t => t.Symbol == "OLD");
        Assert.Equal(("sell", 100m), (exit.Side, exit.Quantity));
        Assert.Equal(plan.Trades[0], exit);
        Assert.Equal([new StrategyShare("a", 0.25m), new StrategyShare("gone", 0.75m)], exit.Attribution);
    }

    [Fact]
    public async Task Without_a_quote_the_last_trade_sizes_the_order()
    {
        _market.SetQuote("AAA", _clock.UtcNow.AddMinutes(-1), 0m, 0m, 0m, 0m);
        _market.SetLastTrade("AAA", _clock.UtcNow.AddMinutes(-1), 125m);

        var plan = (await Service().HandleAsync(Signal(("a", 1m, [("AAA", 1m)])))).PayloadAs<RebalancePlanned>();

        Assert.Equal(80m, Assert.Single(plan.Trades).Quantity);
    }

    [Fact]
    public async Task Whole_shares_only_for_an_asset_the_broker_does_not_trade_in_fractions()
    {
        Quote("BBB", 299.99m, 300.01m, fractionable: false);

        var plan = (await Service().HandleAsync(Signal(("a", 1m, [("BBB", 1m)])))).PayloadAs<RebalancePlanned>();

        Assert.Equal(33m, Assert.Single(plan.Trades).Quantity);
    }

    [Fact]
    public async Task The_kill_switch_keeps_every_trade_in_the_plan_blocked_with_its_reason()
    {
        await Hold("OLD", 10m);

        var plan = (await Service(new PlannerSettings { KillSwitch = true }).HandleAsync(Signal(("a", 1m, [("AAA", 1m)])))).PayloadAs<RebalancePlanned>();

        Assert.Equal(2, plan.Trades.Count);
        Assert.All(plan.Trades, t => Assert.Equal((true, PlanReasons.KillSwitch), (t.Blocked, t.BlockReason)));
    }
}
