using System.Globalization;
using Alchemiser.Core.Trading;
using Alchemiser.Local.Tests.Sessions;
using static Alchemiser.Local.Tests.Ledger.LedgerSamples;

namespace Alchemiser.Local.Tests.Ledger;

/// <summary>
/// The specification of <see cref="ITradeLedger"/> that every implementation passes: derive, and return a fresh, empty
/// ledger from <see cref="CreateLedger"/>. Nothing here knows how a ledger keeps its fills.
/// </summary>
public abstract class TradeLedgerContract
{
    private ITradeLedger? _ledger;

    /// <summary>The ledger under test, created on first use.</summary>
    protected ITradeLedger Ledger => _ledger ??= CreateLedger();

    /// <summary>A new ledger holding no fill.</summary>
    protected abstract ITradeLedger CreateLedger();

    // ---- recording and reading back ---------------------------------------------------------------------------------

    [Fact]
    public async Task A_recorded_fill_reads_back_with_every_field_exactly_from_every_query()
    {
        var at = Close.AddTicks(1_234_567);
        var fill = new LedgerFill(
            "alpaca-7f3e:0002", "corr-ünïcode \"quoted\"", Date, "BRK.B", FillSides.Sell, 12.500000000m, 412.3400m,
            "corr-1-BRK.B-sell-1", "7f3e-broker",
            [new StrategyAttribution("momentum", 4.166666667m), new StrategyAttribution("stratégie \"☃\" \\ 2", 8.333333333m)],
            at, at.AddTicks(9));
        var tiny = Fill("tiny", quantity: 0.0000000000000000000000000001m, price: 79228162514264337593543950335m) with { BrokerOrderId = null };

        Assert.True(await Ledger.RecordAsync(fill));
        Assert.True(await Ledger.RecordAsync(tiny));

        Assert.Equal(FillText.Of(fill), FillText.Of(Assert.Single(await Ledger.ByCorrelationAsync(fill.CorrelationId))));
        Assert.Equal(FillText.Of(fill), FillText.Of(Assert.Single(await Ledger.BySymbolAsync("BRK.B"))));
        Assert.Equal(FillText.Of([tiny, fill]), FillText.Of(await Ledger.ByTradingDateRangeAsync(Date, Date)));
        Assert.Equal(FillText.Of(tiny), FillText.Of(Assert.Single(await Ledger.BySymbolAsync("SPY"))));
    }

    [Fact]
    public async Task Timestamps_read_back_as_the_same_instant_in_utc_to_the_tick()
    {
        var newYork = TimeSpan.FromHours(-4);
        var at = new DateTimeOffset(2024, 3, 15, 15, 45, 0, newYork).AddTicks(9_999_999);
        await Ledger.RecordAsync(Fill("f-1") with { FilledAt = at, RecordedAt = at.AddTicks(1) });

        var read = Assert.Single(await Ledger.ByCorrelationAsync("corr-1"));

        Assert.Equal(TimeSpan.Zero, read.FilledAt.Offset);
        Assert.Equal(TimeSpan.Zero, read.RecordedAt.Offset);
        Assert.Equal(at.UtcTicks, read.FilledAt.UtcTicks);
        Assert.Equal(at.UtcTicks + 1, read.RecordedAt.UtcTicks);
    }

    [Fact]
    public async Task Decimals_keep_their_digits_and_scale_whatever_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var fill = Fill("f-1", quantity: 1234.50m, price: 0.1000m) with
            {
                Attribution = [new StrategyAttribution("a", 1000.25m), new StrategyAttribution("b", 234.25m)],
            };
            await Ledger.RecordAsync(fill);

            var read = Assert.Single(await Ledger.BySymbolAsync("SPY"));

            Assert.Equal("1234.50 0.1000 1000.25 234.25", string.Create(
                CultureInfo.InvariantCulture, $"{read.Quantity} {read.Price} {read.Attribution[0].Quantity} {read.Attribution[1].Quantity}"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public async Task The_ledger_keeps_its_own_copy_of_the_attribution_it_is_given()
    {
        var attribution = new[] { new StrategyAttribution("a", 6m), new StrategyAttribution("b", 4m) };
        await Ledger.RecordAsync(Fill("f-1") with { Attribution = attribution });

        attribution[0] = new StrategyAttribution("changed", 6m);

        var read = Assert.Single(await Ledger.BySymbolAsync("SPY"));
        Assert.Equal(["a", "b"], read.Attribution.Select(a => a.StrategyId));
    }

    // ---- idempotency -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Recording_a_fill_id_again_returns_false_and_keeps_the_first_fill_unchanged()
    {
        var first = Fill("f-1", quantity: 10m, price: 500m);
        Assert.True(await Ledger.RecordAsync(first));

        var redelivered = Fill("f-1", correlationId: "corr-2", symbol: "QQQ", quantity: 20m, price: 400m, side: FillSides.Sell);

        Assert.False(await Ledger.RecordAsync(first));
        Assert.False(await Ledger.RecordAsync(redelivered));
        Assert.Equal(FillText.Of(first), FillText.Of(Assert.Single(await Ledger.ByTradingDateRangeAsync(Date, Date))));
        Assert.Empty(await Ledger.ByCorrelationAsync("corr-2"));
        Assert.Empty(await Ledger.BySymbolAsync("QQQ"));
    }

    [Fact]
    public async Task Fill_ids_differ_by_case_so_ids_that_differ_only_in_case_are_two_fills()
    {
        Assert.True(await Ledger.RecordAsync(Fill("fill-a")));
        Assert.True(await Ledger.RecordAsync(Fill("FILL-A")));

        Assert.Equal(2, (await Ledger.BySymbolAsync("SPY")).Count);
    }

    [Fact]
    public async Task Fills_recorded_concurrently_and_redelivered_by_parallel_tasks_are_each_recorded_exactly_once()
    {
        const int Fills = 25;
        const int Deliveries = 8;
        var fills = Enumerable.Range(0, Fills)
            .Select(i => Fill($"f-{i:D2}", filledAt: Close.AddSeconds(Fills - i), quantity: i + 1m))
            .ToArray();

        var recorded = await Concurrently.Run(Fills * Deliveries, i => Ledger.RecordAsync(fills[i % Fills]));

        for (var f = 0; f < Fills; f++)
        {
            Assert.Equal(1, Enumerable.Range(0, Deliveries).Count(d => recorded[(d * Fills) + f]));
        }

        var read = await Ledger.ByCorrelationAsync("corr-1");
        Assert.Equal(FillText.Of(fills.Reverse()), FillText.Of(read));
    }

    // ---- queries -----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task By_correlation_returns_only_that_runs_fills_earliest_first_and_same_instant_fills_by_ordinal_id()
    {
        var fills = new[]
        {
            Fill("b", filledAt: Close),
            Fill("a", filledAt: Close.AddTicks(1)),
            Fill("B", filledAt: Close),
            Fill("other", correlationId: "corr-2", filledAt: Close.AddSeconds(-1)),
            Fill("c", filledAt: Close.AddSeconds(-1), date: Date.AddDays(1), symbol: "QQQ"),
            Fill("corr-case", correlationId: "CORR-1"),
        };
        foreach (var fill in fills)
        {
            await Ledger.RecordAsync(fill);
        }

        var read = await Ledger.ByCorrelationAsync("corr-1");

        Assert.Equal(["c", "B", "b", "a"], read.Select(f => f.FillId));
        Assert.Empty(await Ledger.ByCorrelationAsync("corr-3"));
    }

    [Fact]
    public async Task By_trading_date_range_includes_both_ends_and_excludes_the_days_outside()
    {
        var monday = new DateOnly(2024, 3, 11);
        for (var day = 0; day < 5; day++)
        {
            await Ledger.RecordAsync(Fill($"d{day}", date: monday.AddDays(day), filledAt: Close.AddDays(day - 4)));
        }

        var read = await Ledger.ByTradingDateRangeAsync(monday.AddDays(1), monday.AddDays(3));

        Assert.Equal(["d1", "d2", "d3"], read.Select(f => f.FillId));
        Assert.Equal(["d4"], (await Ledger.ByTradingDateRangeAsync(monday.AddDays(4), monday.AddDays(4))).Select(f => f.FillId));
        Assert.Empty(await Ledger.ByTradingDateRangeAsync(monday.AddDays(5), monday.AddDays(30)));
    }

    [Fact]
    public async Task By_trading_date_range_with_a_symbol_returns_only_that_symbols_fills_in_chronological_order()
    {
        await Ledger.RecordAsync(Fill("spy-late", symbol: "SPY", filledAt: Close.AddMinutes(1)));
        await Ledger.RecordAsync(Fill("qqq", symbol: "QQQ"));
        await Ledger.RecordAsync(Fill("spy-lower", symbol: "spy"));
        await Ledger.RecordAsync(Fill("spy-early", symbol: "SPY", date: Date.AddDays(-1), filledAt: Close.AddDays(-1)));
        await Ledger.RecordAsync(Fill("spy-outside", symbol: "SPY", date: Date.AddDays(1), filledAt: Close.AddDays(1)));

        var read = await Ledger.ByTradingDateRangeAsync(Date.AddDays(-1), Date, "SPY");

        Assert.Equal(["spy-early", "spy-late"], read.Select(f => f.FillId));
        Assert.Equal(["spy-early", "qqq", "spy-lower", "spy-late"], (await Ledger.ByTradingDateRangeAsync(Date.AddDays(-1), Date)).Select(f => f.FillId));
    }

    [Fact]
    public async Task By_symbol_matches_the_symbol_exactly_across_runs_and_dates_in_chronological_order()
    {
        await Ledger.RecordAsync(Fill("later-run", correlationId: "corr-2", date: Date.AddDays(3), filledAt: Close.AddDays(3)));
        await Ledger.RecordAsync(Fill("first", filledAt: Close));
        await Ledger.RecordAsync(Fill("lowercase", symbol: "spy"));
        await Ledger.RecordAsync(Fill("prefix", symbol: "SPYG"));

        Assert.Equal(["first", "later-run"], (await Ledger.BySymbolAsync("SPY")).Select(f => f.FillId));
        Assert.Equal(["lowercase"], (await Ledger.BySymbolAsync("spy")).Select(f => f.FillId));
        Assert.Empty(await Ledger.BySymbolAsync("SP"));
    }

    [Fact]
    public async Task A_date_range_that_ends_before_it_starts_is_rejected()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Ledger.ByTradingDateRangeAsync(Date, Date.AddDays(-1)));
    }

    [Fact]
    public async Task Queries_without_a_correlation_id_or_symbol_are_rejected()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ByCorrelationAsync(""));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.BySymbolAsync(" "));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ByTradingDateRangeAsync(Date, Date, ""));
    }

    // ---- validation --------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("zero quantity")]
    [InlineData("negative quantity")]
    [InlineData("zero price")]
    [InlineData("negative price")]
    [InlineData("side in capitals")]
    [InlineData("unknown side")]
    [InlineData("attribution short of the quantity")]
    [InlineData("attribution over the quantity")]
    [InlineData("no attribution")]
    [InlineData("zero attribution")]
    [InlineData("strategy attributed twice")]
    [InlineData("blank fill id")]
    [InlineData("blank correlation id")]
    [InlineData("blank symbol")]
    [InlineData("blank client order id")]
    [InlineData("blank broker order id")]
    public async Task An_invalid_fill_is_rejected_and_not_recorded(string problem)
    {
        var valid = Fill("f-1", quantity: 10m);
        var fill = problem switch
        {
            "zero quantity" => valid with { Quantity = 0m, Attribution = [] },
            "negative quantity" => valid with { Quantity = -10m, Attribution = [new StrategyAttribution("momentum", -10m)] },
            "zero price" => valid with { Price = 0m },
            "negative price" => valid with { Price = -1m },
            "side in capitals" => valid with { Side = "BUY" },
            "unknown side" => valid with { Side = "short" },
            "attribution short of the quantity" => valid with { Attribution = [new StrategyAttribution("a", 6m), new StrategyAttribution("b", 3.999999999m)] },
            "attribution over the quantity" => valid with { Attribution = [new StrategyAttribution("a", 10.000000001m)] },
            "no attribution" => valid with { Attribution = [] },
            "zero attribution" => valid with { Attribution = [new StrategyAttribution("a", 10m), new StrategyAttribution("b", 0m)] },
            "strategy attributed twice" => valid with { Attribution = [new StrategyAttribution("a", 5m), new StrategyAttribution("a", 5m)] },
            "blank fill id" => valid with { FillId = " " },
            "blank correlation id" => valid with { CorrelationId = "" },
            "blank symbol" => valid with { Symbol = "" },
            "blank client order id" => valid with { ClientOrderId = " " },
            "blank broker order id" => valid with { BrokerOrderId = "" },
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "no such case"),
        };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.RecordAsync(fill));
        Assert.Empty(await Ledger.ByTradingDateRangeAsync(DateOnly.MinValue, DateOnly.MaxValue));
        Assert.True(await Ledger.RecordAsync(valid));
    }

    [Fact]
    public async Task A_fill_split_by_fill_attribution_is_accepted()
    {
        var attribution = FillAttribution.Split(10m, [("c", 1m), ("a", 1m), ("b", 1m)]);

        Assert.True(await Ledger.RecordAsync(Fill("f-1", quantity: 10m) with { Attribution = attribution }));
    }
}
