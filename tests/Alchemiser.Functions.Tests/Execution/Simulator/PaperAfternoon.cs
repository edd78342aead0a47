using System.Globalization;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Events;
using Alchemiser.Core.Trading;
using Alchemiser.Execution;
using Alchemiser.Functions.Tests.Support;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.Ledger;
using Alchemiser.Local.Time;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Functions.Tests.Execution.Simulator;

/// <summary>
/// Execution against the paper-broker simulator on Monday 2025-06-30: a broker on a fresh SQLite file in its own temp
/// folder, a scripted market, a simulated clock that execution's waits move, an in-memory ledger and a recording bus.
/// The clock stands at 15:29 New York for buying the holdings a scenario starts with; the run starts at 15:30
/// (<see cref="Open"/>, on the broker's one-second matching grid), so <c>At(12)</c> is the tick 12 s into the run.
/// Quotes are deep (<see cref="Deep"/> shares a side) unless a scenario says otherwise, and no last trade is set, so
/// a position is valued at its average entry price. Execution reaches the broker through the <see cref="IPaperVenue"/>
/// it is started with (the broker itself, or Alpaca's HTTP API over it); orders the scenario reads back carry the ids
/// execution saw.
/// </summary>
public sealed class PaperAfternoon : IAsyncDisposable
{
    public const string CorrelationId = "5e0c1d7a-8b2f-4c3e-9a61-2f7d4b8c0e95";

    /// <summary>Shares displayed on a side of a quote unless a scenario thins it.</summary>
    public const decimal Deep = 100_000m;

    public static readonly DateOnly TradingDate = new(2025, 6, 30);

    /// <summary>15:30 New York on the trading date: when the run starts.</summary>
    public static readonly DateTimeOffset Open = SimulatedClock.At(TradingDate, new TimeOnly(15, 30)).UtcNow;

    private readonly string _folder;

    private PaperAfternoon(string folder, SimulatedClock clock, ScriptedMarketModel market, PaperBroker paper, IPaperConnection connection)
    {
        _folder = folder;
        Clock = clock;
        Market = market;
        Paper = paper;
        Connection = connection;
        Broker = new RecordingBroker(connection.Broker, Clock);
    }

    public SimulatedClock Clock { get; }

    /// <summary>Seconds since the run's start on the clock.</summary>
    public double Elapsed => (Clock.UtcNow - Open).TotalSeconds;

    public ScriptedMarketModel Market { get; }

    /// <summary>The simulator itself, for what execution does not ask (its fills).</summary>
    public PaperBroker Paper { get; }

    /// <summary>How execution reaches the paper broker.</summary>
    public IPaperConnection Connection { get; }

    /// <summary>The broker execution trades through: the paper broker by way of <see cref="Connection"/>, its order calls written down.</summary>
    public RecordingBroker Broker { get; }

    public InMemoryTradeLedger Ledger { get; } = new();

    public RecordingPublisher Events { get; } = new();

    public ExecutionSettings Settings { get; } = new();

    public static string PlanEventId => EventEnvelope.DeterministicId(CorrelationId, EventTypes.RebalancePlanned);

    /// <summary>An afternoon on a fresh paper account holding <paramref name="initialCash"/>, reached through <paramref name="venue"/>.</summary>
    public static async Task<PaperAfternoon> StartAsync(IPaperVenue venue, decimal initialCash = 100_000m)
    {
        ArgumentNullException.ThrowIfNull(venue);
        var folder = Directory.CreateTempSubdirectory("alchemiser-simexec-").FullName;
        var clock = new SimulatedClock(Open.AddMinutes(-1));
        var market = new ScriptedMarketModel();
        var paper = new PaperBroker(Path.Combine(folder, "paper.db"), market, clock, new PaperBrokerOptions { InitialCash = initialCash });
        try
        {
            return new PaperAfternoon(folder, clock, market, paper, await venue.ConnectAsync(paper, clock));
        }
        catch
        {
            DeleteFolder(folder);
            throw;
        }
    }

    /// <summary><paramref name="seconds"/> after the run's start.</summary>
    public static DateTimeOffset At(double seconds) => Open.AddSeconds(seconds);

    /// <summary>The client order id of <paramref name="symbol"/>'s <paramref name="side"/> at <paramref name="step"/> (1..3, m, f).</summary>
    public static string Id(string symbol, string side, string step) => $"alc-{CorrelationId}-{symbol}-{side}-{step}";

    /// <summary>The step a client order id of this run ends with (1..3, m, f).</summary>
    public static string StepOf(string clientOrderId)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        return clientOrderId[(clientOrderId.LastIndexOf('-') + 1)..];
    }

    /// <summary>The step of <paramref name="order"/>'s client order id.</summary>
    public static string StepOf(BrokerOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return StepOf(order.ClientOrderId);
    }

    /// <summary>From <paramref name="second"/> s into the run on (until a later quote), <paramref name="symbol"/> is quoted at this bid and ask.</summary>
    public void Quote(string symbol, double second, decimal bid, decimal ask, decimal bidSize = Deep, decimal askSize = Deep) =>
        Market.SetQuote(symbol, At(second), bid, ask, bidSize, askSize);

    /// <summary>Buys <paramref name="quantity"/> of <paramref name="symbol"/> at <paramref name="price"/> before the run starts (the clock moves on a second).</summary>
    public async Task HoldAsync(string symbol, decimal quantity, decimal price)
    {
        Assert.True(Clock.UtcNow < Open, "holdings are bought before the run starts");
        Market.SetQuote(symbol, Clock.UtcNow, price - 0.01m, price, Deep, Deep);
        var order = await Paper.SubmitOrderAsync(OrderRequest.Market("setup-" + symbol, symbol, OrderSide.Buy, quantity));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var held = await Paper.GetOrderAsync(order.Id);
        Assert.Equal((OrderStatus.Filled, (decimal?)price), (held.Status, held.FilledAveragePrice));
    }

    /// <summary>Moves the clock to the run's start unless it is already there or later.</summary>
    public void Start()
    {
        if (Clock.UtcNow < Open)
        {
            Clock.Set(Open);
        }
    }

    public ExecutionService Service(Func<EventEnvelope, IReadOnlyList<LedgerFill>, Task>? beforeLedgerWrite = null) =>
        new(Broker, Ledger, Events, Clock, Clock, Settings) { BeforeLedgerWrite = beforeLedgerWrite };

    /// <summary>Starts the run (if not started) and delivers <paramref name="plan"/> to a fresh service.</summary>
    public Task<ExecutionResult> RunAsync(EventEnvelope plan)
    {
        Start();
        return Service().HandleAsync(plan);
    }

    /// <summary>A RebalancePlanned of this run with <paramref name="trades"/>, sized on <paramref name="equity"/>.</summary>
    public static EventEnvelope Plan(decimal equity, params PlannedTrade[] trades) =>
        EventEnvelope.Create(
            new RebalancePlanned("sim:2025-06-30", TradingDate, equity, equity * 0.99m, trades, []),
            PlanEventId,
            CorrelationId,
            EventEnvelope.DeterministicId(CorrelationId, EventTypes.SignalGenerated),
            Open,
            "portfolio",
            "RebalancePlanner");

    public static EventEnvelope Plan(params PlannedTrade[] trades) => Plan(100_000m, trades);

    public static PlannedTrade Buy(string symbol, decimal quantity, decimal price, params StrategyShare[] attribution) =>
        Trade(symbol, "buy", quantity, price, attribution);

    public static PlannedTrade Sell(string symbol, decimal quantity, decimal price, params StrategyShare[] attribution) =>
        Trade(symbol, "sell", quantity, price, attribution);

    /// <summary>
    /// Every order of the run at the broker, in the order placed (the simulator numbers them from paper-000001), as the
    /// simulator has them but with the ids execution knows them by.
    /// </summary>
    public async Task<IReadOnlyList<BrokerOrder>> OrdersAsync()
    {
        var orders = new List<BrokerOrder>();
        for (var number = 1; ; number++)
        {
            try
            {
                orders.Add(AsSeen(await Paper.GetOrderAsync(string.Create(CultureInfo.InvariantCulture, $"paper-{number:D6}"))));
            }
            catch (OrderNotFoundException)
            {
                return orders.Where(o => o.ClientOrderId.StartsWith($"alc-{CorrelationId}-", StringComparison.Ordinal)).ToList();
            }
        }
    }

    /// <summary>The order placed under <paramref name="clientOrderId"/> (with the ids execution knows); fails the test when there is none.</summary>
    public async Task<BrokerOrder> OrderAsync(string clientOrderId) =>
        AsSeen(await Paper.GetOrderByClientIdAsync(clientOrderId) ?? throw new Xunit.Sdk.XunitException($"the broker has no order {clientOrderId}"));

    /// <summary>The simulator's executions of the order execution knows as <paramref name="orderId"/>.</summary>
    public Task<IReadOnlyList<PaperExecution>> ExecutionsAsync(string orderId) => Paper.GetExecutionsAsync(Connection.PaperOrderIdOf(orderId));

    /// <summary>The shares of <paramref name="symbol"/> held (0 when none).</summary>
    public async Task<decimal> PositionAsync(string symbol) =>
        (await Paper.GetPositionsAsync()).SingleOrDefault(p => p.Symbol == symbol)?.Quantity ?? 0m;

    /// <summary>The one TradeExecuted published, as it came off the bus.</summary>
    public TradeExecuted PublishedReport() => Assert.Single(Events.OfType(EventTypes.TradeExecuted)).PayloadAs<TradeExecuted>();

    /// <summary>The ledger rows of this run, earliest fill first.</summary>
    public Task<IReadOnlyList<LedgerFill>> LedgerAsync() => Ledger.ByCorrelationAsync(CorrelationId);

    /// <summary>
    /// The ledger and the broker agree exactly: every order of the run that filled anything has exactly one ledger row,
    /// keyed by its broker order id, with its client id, symbol, side, filled quantity and average price, and those are
    /// what the simulator's executions of the order add up to; no row names another order.
    /// </summary>
    public async Task AssertLedgerAgreesWithBrokerAsync()
    {
        var rows = await LedgerAsync();
        var filled = (await OrdersAsync()).Where(o => o.FilledQuantity > 0m).ToList();
        Assert.Equal(filled.Select(o => o.Id).Order(StringComparer.Ordinal), rows.Select(r => r.FillId).Order(StringComparer.Ordinal));
        foreach (var order in filled)
        {
            var row = Assert.Single(rows, r => r.FillId == order.Id);
            Assert.Equal(
                (order.Id, order.ClientOrderId, order.Symbol, order.Side == OrderSide.Buy ? FillSides.Buy : FillSides.Sell, order.FilledQuantity, order.FilledAveragePrice),
                (row.BrokerOrderId, row.ClientOrderId, row.Symbol, row.Side, row.Quantity, (decimal?)row.Price));
            Assert.Equal((CorrelationId, TradingDate), (row.CorrelationId, row.TradingDate));
            var executions = await ExecutionsAsync(order.Id);
            var shares = executions.Sum(e => e.Quantity);
            Assert.Equal((row.Quantity, row.Price), (shares, executions.Sum(e => e.Quantity * e.Price) / shares));
            Assert.Equal(row.Quantity, row.Attribution.Sum(a => a.Quantity));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.DisposeAsync();
        }
        finally
        {
            DeleteFolder(_folder);
        }
    }

    private static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private BrokerOrder AsSeen(BrokerOrder order) =>
        order with { Id = Connection.OrderIdOf(order.Id), ReplacedBy = order.ReplacedBy is { } next ? Connection.OrderIdOf(next) : null };

    private static PlannedTrade Trade(string symbol, string side, decimal quantity, decimal price, StrategyShare[] attribution) =>
        new(symbol, side, quantity, quantity * price, false, null, attribution.Length == 0 ? [new StrategyShare("klm", 1m)] : attribution);
}
