using System.Globalization;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.MarketData;
using Alchemiser.Local.Synthetic;
using Alchemiser.Local.Tests.MarketData;
using static Alchemiser.Local.Tests.Synthetic.SeriesStatistics;

namespace Alchemiser.Local.Tests.Synthetic;

public class SyntheticMarketTests
{
    private static readonly DateOnly From = new(2019, 1, 1);
    private static readonly DateOnly To = new(2023, 12, 31);

    private static IReadOnlyDictionary<string, IReadOnlyList<DailyBar>> Generate(int seed, params string[] tickers) =>
        new SyntheticMarket(seed).Generate(tickers, From, To);

    [Fact]
    public void The_same_seed_tickers_and_range_give_byte_identical_csv_files()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        string[] tickers = ["SPY", "TQQQ", "UVXY", "BIL", "BRK/B", "ZZZZ", "XYZ1"];

        new SyntheticMarket(7).WriteCsvFolder(first.Path, tickers, From, To);
        new SyntheticMarket(7).WriteCsvFolder(second.Path, tickers, From, To);

        foreach (var file in new[] { "SPY.csv", "TQQQ.csv", "UVXY.csv", "BIL.csv", "BRK_B.csv", "ZZZZ.csv", "XYZ1.csv" })
        {
            Assert.Equal(File.ReadAllBytes(first.PathOf(file)), File.ReadAllBytes(second.PathOf(file)));
        }
    }

    [Fact]
    public void A_different_seed_gives_a_different_market()
    {
        var a = Generate(1, "SPY", "ZZZZ");
        var b = Generate(2, "SPY", "ZZZZ");

        Assert.NotEqual(CsvBarWriter.ToCsv(a["SPY"]), CsvBarWriter.ToCsv(b["SPY"]));
        Assert.NotEqual(CsvBarWriter.ToCsv(a["ZZZZ"]), CsvBarWriter.ToCsv(b["ZZZZ"]));
    }

    [Fact]
    public void The_numbers_are_pinned_so_every_machine_and_runtime_must_produce_the_same_bytes()
    {
        // If this fails after an intentional change to the model, every synthetic data folder changes with it:
        // update the expected text deliberately. If it fails on one machine only, determinism is broken.
        var bars = new SyntheticMarket(42).Generate(["SPY", "SQQQ", "ACME"], new DateOnly(2024, 12, 23), new DateOnly(2024, 12, 31));

        Assert.Equal(GoldenSpy, CsvBarWriter.ToCsv(bars["SPY"]));
        Assert.Equal(GoldenSqqq, CsvBarWriter.ToCsv(bars["SQQQ"]));
        Assert.Equal(GoldenAcme, CsvBarWriter.ToCsv(bars["ACME"]));
    }

    [Fact]
    public void A_tickers_series_does_not_depend_on_which_other_tickers_are_generated_with_it()
    {
        var alone = Generate(3, "QQQ")["QQQ"];
        var together = Generate(3, "SPY", "TQQQ", "QQQ", "ABCD")["QQQ"];

        Assert.Equal(alone, together);
    }

    [Fact]
    public void Bars_fall_on_exactly_the_calendars_trading_days()
    {
        var market = Generate(5, "SPY", "BIL", "SOXL", "NEWCO");
        var tradingDays = NyseCalendar.TradingDays(From, To);

        Assert.All(market.Values, bars => Assert.Equal(tradingDays, bars.Select(b => b.Date)));
    }

    [Fact]
    public void A_range_without_trading_days_gives_empty_series()
    {
        var bars = new SyntheticMarket(1).Generate(["SPY"], new DateOnly(2024, 12, 25), new DateOnly(2024, 12, 25));

        Assert.Empty(bars["SPY"]);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SyntheticMarket(1).Generate(["SPY"], new DateOnly(2024, 2, 1), new DateOnly(2024, 1, 1)));
    }

    [Theory]
    [InlineData("TQQQ", "QQQ", 3.0)]
    [InlineData("SQQQ", "QQQ", -3.0)]
    [InlineData("UPRO", "SPY", 3.0)]
    [InlineData("SPXL", "SPY", 3.0)]
    [InlineData("SPXU", "SPY", -3.0)]
    [InlineData("SPXS", "SPY", -3.0)]
    [InlineData("TECL", "XLK", 3.0)]
    [InlineData("TECS", "XLK", -3.0)]
    [InlineData("SOXL", "SOXX", 3.0)]
    [InlineData("SOXS", "SOXX", -3.0)]
    [InlineData("TMF", "TLT", 3.0)]
    [InlineData("TMV", "TLT", -3.0)]
    [InlineData("UCO", "USO", 2.0)]
    [InlineData("ERX", "XLE", 2.0)]
    [InlineData("UVXY", "VIXY", 1.5)]
    public void A_leveraged_funds_daily_return_is_its_leverage_times_the_underlyings_up_to_rounding(string fund, string underlying, double leverage)
    {
        var market = Generate(11, fund, underlying);
        var l = market[fund];
        var u = market[underlying];

        for (var i = 1; i < l.Count; i++)
        {
            var fundReturn = (double)(l[i].Close / l[i - 1].Close) - 1.0;
            var underlyingReturn = (double)(u[i].Close / u[i - 1].Close) - 1.0;

            // Each close is rounded to 0.0001, so each return is off by at most about 0.0001 / previous close.
            var tolerance = (1.0e-4 / (double)l[i - 1].Close) + (Math.Abs(leverage) * 1.0e-4 / (double)u[i - 1].Close) + 1e-12;
            Assert.True(
                Math.Abs(fundReturn - (leverage * underlyingReturn)) <= tolerance,
                string.Create(CultureInfo.InvariantCulture, $"{l[i].Date:yyyy-MM-dd}: {fund} {fundReturn:R} vs {leverage} x {underlyingReturn:R}"));
        }
    }

    [Fact]
    public void An_inverse_fund_moves_opposite_to_its_underlying_every_day()
    {
        var market = Generate(12, "SQQQ", "QQQ");

        var opposite = Returns(market["SQQQ"]).Zip(Returns(market["QQQ"])).Count(p => p.First * p.Second <= 0);

        Assert.Equal(market["QQQ"].Count - 1, opposite);
    }

    [Theory]
    [InlineData("BIL")]
    [InlineData("SHV")]
    [InlineData("SGOV")]
    public void A_cash_like_fund_creeps_upward_with_almost_no_volatility(string ticker)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var bars = Generate(seed, ticker)[ticker];
            var returns = Returns(bars);

            Assert.All(returns, r => Assert.InRange(r, 0.0, 0.0005));
            Assert.All(YearlyReturns(bars), r => Assert.InRange(r, 0.01, 0.06));
            Assert.True(AnnualVolatility(returns) < 0.005);
        }
    }

    [Theory]
    [InlineData("UVXY")]
    [InlineData("VIXY")]
    [InlineData("VXX")]
    public void A_volatility_product_decays_over_a_year_on_average_and_spikes_when_the_market_drops(string ticker)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var market = new SyntheticMarket(seed).Generate([ticker, "SPY"], new DateOnly(2014, 1, 1), new DateOnly(2023, 12, 31));
            var vol = market[ticker];
            var volReturns = Returns(vol);
            var spyReturns = Returns(market["SPY"]);

            var yearly = YearlyReturns(vol).Order().ToArray();
            Assert.True(yearly[yearly.Length / 2] < -0.15, "the median year loses more than 15 %");
            Assert.True(vol[^1].Close < vol[0].Close, "loses over the whole range");
            Assert.True(volReturns.Max() > 0.20, "has at least one spike day of more than +20 %");
            Assert.True(Correlation(volReturns, spyReturns) < -0.5, "moves against the market");
            var fiveBiggestSpikes = Enumerable.Range(0, volReturns.Length).OrderByDescending(i => volReturns[i]).Take(5);
            Assert.All(fiveBiggestSpikes, i => Assert.True(spyReturns[i] < 0, "spikes on market down days"));
        }
    }

    [Fact]
    public void Equities_share_a_market_factor_and_bonds_and_cash_do_not_follow_it()
    {
        var market = Generate(21, "SPY", "QQQ", "IWM", "AAPL", "SOMECO", "TLT", "BIL");
        var spy = Returns(market["SPY"]);

        Assert.True(Correlation(spy, Returns(market["QQQ"])) > 0.8);
        Assert.True(Correlation(spy, Returns(market["IWM"])) > 0.7);
        Assert.True(Correlation(spy, Returns(market["AAPL"])) > 0.4);
        Assert.True(Correlation(spy, Returns(market["SOMECO"])) > 0.2);
        Assert.InRange(Correlation(spy, Returns(market["TLT"])), -0.4, 0.2);
    }

    [Fact]
    public void Index_volatility_is_in_a_realistic_range()
    {
        var market = Generate(22, "SPY", "TQQQ");

        Assert.InRange(AnnualVolatility(Returns(market["SPY"])), 0.10, 0.30);
        Assert.InRange(AnnualVolatility(Returns(market["TQQQ"])), 0.40, 1.00);
    }

    [Fact]
    public void Every_bar_of_every_known_ticker_is_a_plausible_positive_ohlc_bar_with_four_decimals()
    {
        var market = new SyntheticMarket(31).Generate(SyntheticMarket.KnownTickers.Append("UNKNOWN1"), From, To);

        foreach (var (ticker, bars) in market)
        {
            Assert.All(bars, b =>
            {
                Assert.True(b.Low > 0m, ticker);
                Assert.True(b.Low <= Math.Min(b.Open, b.Close), ticker);
                Assert.True(b.High >= Math.Max(b.Open, b.Close), ticker);
                Assert.True(b.Volume > 0, ticker);
                Assert.All(new[] { b.Open, b.High, b.Low, b.Close }, p => Assert.Equal(4, p.Scale));
            });
        }
    }

    [Fact]
    public void The_last_close_is_the_tickers_reference_price_whatever_the_seed_and_range()
    {
        var a = new SyntheticMarket(1).Generate(["SPY", "NEWCO"], new DateOnly(2020, 1, 1), new DateOnly(2024, 12, 31));
        var b = new SyntheticMarket(2).Generate(["SPY", "NEWCO"], new DateOnly(2010, 1, 1), new DateOnly(2024, 12, 31));

        Assert.Equal(a["SPY"][^1].Close, b["SPY"][^1].Close);
        Assert.Equal(a["NEWCO"][^1].Close, b["NEWCO"][^1].Close);
        Assert.NotEqual(a["SPY"][^1].Close, a["NEWCO"][^1].Close);
    }

    [Fact]
    public void Unknown_tickers_get_distinct_generic_profiles_derived_from_their_names()
    {
        var market = Generate(4, "AAAA", "BBBB");

        Assert.NotEqual(market["AAAA"][^1].Close, market["BBBB"][^1].Close);
        Assert.NotEqual(Returns(market["AAAA"]), Returns(market["BBBB"]));
    }

    [Fact]
    public void Ticker_case_does_not_change_the_series_and_the_key_is_kept_as_given()
    {
        var market = Generate(6, "spy", "SPY");

        Assert.Equal(market["SPY"], market["spy"]);
    }

    [Fact]
    public void Prices_stay_positive_for_decades_of_a_decaying_product()
    {
        var bars = new SyntheticMarket(8).Generate(["UVXY", "SOXS"], new DateOnly(1990, 1, 1), new DateOnly(2024, 12, 31));

        Assert.All(bars.Values.SelectMany(b => b), b => Assert.True(b.Low > 0m && b.Close > 0m));
    }

    [Fact]
    public void Progress_counts_finished_tickers()
    {
        var reports = new System.Collections.Concurrent.ConcurrentBag<int>();

        new SyntheticMarket(1).Generate(["SPY", "QQQ", "TQQQ", "NEWCO"], From, To, new Recorder(reports));

        Assert.Equal([1, 2, 3, 4], reports.Order());
    }

    [Fact]
    public void The_written_folder_is_a_bar_store_holding_exactly_the_generated_series()
    {
        using var folder = new TempFolder();
        var market = new SyntheticMarket(9);

        var paths = market.WriteCsvFolder(folder.Path, ["SPY", "BRK/B", "TQQQ"], From, To);
        var store = new CsvBarStore(folder.Path);
        var generated = market.Generate(["SPY", "BRK/B", "TQQQ"], From, To);

        Assert.Equal([folder.PathOf("SPY.csv"), folder.PathOf("BRK_B.csv"), folder.PathOf("TQQQ.csv")], paths);
        Assert.Equal(["BRK/B", "SPY", "TQQQ"], store.Symbols());
        Assert.All(generated, kv => Assert.Equal(kv.Value, store.GetBars(kv.Key)));
    }

    [Fact]
    public void Writing_a_ticker_that_cannot_name_a_file_is_refused_before_anything_is_written()
    {
        using var folder = new TempFolder();

        Assert.Throws<ArgumentException>(() => new SyntheticMarket(1).WriteCsvFolder(folder.Path, ["SPY", "BAD_NAME"], From, To));

        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void The_options_overloads_use_the_options_seed_and_range()
    {
        var options = new SyntheticMarketOptions(13, From, To);

        Assert.Equal(new SyntheticMarket(13).Generate(["SPY"], From, To)["SPY"], SyntheticMarket.Generate(["SPY"], options)["SPY"]);
    }

    private sealed class Recorder(System.Collections.Concurrent.ConcurrentBag<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }

    private const string GoldenSpy =
        "date,open,high,low,close,volume\n" +
        "2024-12-23,555.9184,558.8595,552.4426,555.4164,44932481\n" +
        "2024-12-24,552.3684,552.8330,545.8036,547.7848,42040467\n" +
        "2024-12-26,553.9120,563.2029,552.9956,562.0013,70715222\n" +
        "2024-12-27,562.1526,569.7292,558.5066,567.3625,91742963\n" +
        "2024-12-30,570.8061,577.7345,569.4124,576.7144,63887621\n" +
        "2024-12-31,578.7459,580.9165,575.2685,580.0000,61332692\n";

    private const string GoldenSqqq =
        "date,open,high,low,close,volume\n" +
        "2024-12-23,33.3740,34.0215,33.3627,33.7478,58517584\n" +
        "2024-12-24,34.3595,35.4003,33.9459,35.0379,53037540\n" +
        "2024-12-26,34.1677,34.5849,32.4096,32.8044,58517587\n" +
        "2024-12-27,32.9473,33.5563,31.9626,31.9957,61947719\n" +
        "2024-12-30,31.7114,32.3401,30.4571,30.7894,98351374\n" +
        "2024-12-31,30.3763,30.9807,29.9143,30.0000,68225743\n";

    private const string GoldenAcme =
        "date,open,high,low,close,volume\n" +
        "2024-12-23,356.3379,356.4324,353.1736,353.9938,5725620\n" +
        "2024-12-24,357.6612,360.9921,354.6486,358.7145,6963524\n" +
        "2024-12-26,357.0583,363.8624,357.0491,360.2431,4934221\n" +
        "2024-12-27,363.9537,371.4394,363.3695,367.8672,4879495\n" +
        "2024-12-30,371.7285,373.7088,367.2980,369.8627,8419134\n" +
        "2024-12-31,370.0187,374.3365,369.1566,372.1500,4208840\n";
}
