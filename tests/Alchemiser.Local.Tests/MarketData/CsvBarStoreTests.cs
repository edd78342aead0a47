using System.Text;
using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.MarketData;
using static Alchemiser.Local.Tests.MarketData.Bars;

namespace Alchemiser.Local.Tests.MarketData;

public sealed class CsvBarStoreTests : IDisposable
{
    private const string Header = "date,open,high,low,close,volume\n";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Reads_every_row_of_a_well_formed_file_oldest_first()
    {
        _folder.Write("SPY.csv", Header + "2024-01-02,472.16,473.67,470.49,472.65,123456789\n2024-01-03,470.43,471.19,468.17,468.79,103585904\n");

        var bars = new CsvBarStore(_folder.Path).GetBars("SPY");

        Assert.Equal(
            [Bar("2024-01-02", 472.16m, 473.67m, 470.49m, 472.65m, 123456789), Bar("2024-01-03", 470.43m, 471.19m, 468.17m, 468.79m, 103585904)],
            bars);
    }

    [Fact]
    public void Accepts_crlf_line_ends_a_byte_order_mark_and_a_missing_final_newline()
    {
        var text = "date,open,high,low,close,volume\r\n2024-01-02,1,2,0.5,1.5,10\r\n2024-01-03,1.5,2,1,1.75,20";
        _folder.WriteBytes("SPY.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        var bars = new CsvBarStore(_folder.Path).GetBars("SPY");

        Assert.Equal([Bar("2024-01-02", 1m, 2m, 0.5m, 1.5m, 10), Bar("2024-01-03", 1.5m, 2m, 1m, 1.75m, 20)], bars);
    }

    [Fact]
    public void Ignores_blank_lines_at_the_end_of_the_file()
    {
        _folder.Write("SPY.csv", Header + "2024-01-02,1,1,1,1,1\n\n\r\n");

        Assert.Single(new CsvBarStore(_folder.Path).GetBars("SPY"));
    }

    [Fact]
    public void A_file_with_only_the_header_is_a_symbol_with_no_bars()
    {
        _folder.Write("SPY.csv", Header);

        var store = new CsvBarStore(_folder.Path);

        Assert.True(store.Contains("SPY"));
        Assert.Empty(store.GetBars("SPY"));
    }

    [Fact]
    public void Keeps_decimal_prices_exactly_as_written()
    {
        _folder.Write("X.csv", Header + "2024-01-02,0.0001,123456789.123456789,0.10,1234567890123456789.5,0\n");

        var bar = Assert.Single(new CsvBarStore(_folder.Path).GetBars("X"));

        Assert.Equal(0.0001m, bar.Open);
        Assert.Equal(123456789.123456789m, bar.High);
        Assert.Equal("0.10", bar.Low.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1234567890123456789.5m, bar.Close);
    }

    [Fact]
    public void Reads_the_rarer_number_forms_a_plain_decimal_allows()
    {
        _folder.Write("X.csv", Header + "2024-01-02,+1.5,.5,5.,0000000000000000000012.25,9223372036854775807\r");

        var bar = Assert.Single(new CsvBarStore(_folder.Path).GetBars("X"));

        Assert.Equal(Bar("2024-01-02", 1.5m, 0.5m, 5m, 12.25m, long.MaxValue), bar);
    }

    [Theory]
    [InlineData("Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,1\n", 1, "header must be 'date,open,high,low,close,volume' but is 'Date,Open,High,Low,Close,Volume'")]
    [InlineData("date,open,high,low,close\n2024-01-02,1,1,1,1\n", 1, "header must be 'date,open,high,low,close,volume' but is 'date,open,high,low,close'")]
    [InlineData("", 1, "empty file, expected the header 'date,open,high,low,close,volume'")]
    [InlineData(Header + "2024-01-02,1,1,1,1\n", 2, "expected 6 columns (date,open,high,low,close,volume) but found 5")]
    [InlineData(Header + "2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,1,1,1\n", 3, "expected 6 columns (date,open,high,low,close,volume) but found 7")]
    [InlineData(Header + "2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,1,1\n2024-01-02,1,1,1,1,1\n", 4, "date 2024-01-02 is not after 2024-01-03")]
    [InlineData(Header + "2024-01-02,1,1,1,1,1\n2024-01-02,1,1,1,1,1\n", 3, "date 2024-01-02 is not after 2024-01-02")]
    [InlineData(Header + "01/02/2024,1,1,1,1,1\n", 2, "date '01/02/2024' is not a valid date (expected yyyy-MM-dd)")]
    [InlineData(Header + "2024-02-30,1,1,1,1,1\n", 2, "date '2024-02-30' is not a valid date (expected yyyy-MM-dd)")]
    [InlineData(Header + "2024-01-02,abc,1,1,1,1\n", 2, "open 'abc' is not a decimal number")]
    [InlineData(Header + "2024-01-02,1,1e3,1,1,1\n", 2, "high '1e3' is not a decimal number")]
    [InlineData(Header + "2024-01-02,1,1, 1,1,1\n", 2, "low ' 1' is not a decimal number")]
    [InlineData(Header + "2024-01-02,1,1,1,,1\n", 2, "close '' is not a decimal number")]
    [InlineData(Header + "2024-01-02,1,1,1,1.2.3,1\n", 2, "close '1.2.3' is not a decimal number")]
    [InlineData(Header + "2024-01-02,1,1,1,0,1\n", 2, "close 0 is not positive")]
    [InlineData(Header + "2024-01-02,1,1,1,-2.5,1\n", 2, "close -2.5 is not positive")]
    [InlineData(Header + "2024-01-02,1,1,1,1,12.5\n", 2, "volume '12.5' is not a whole non-negative number")]
    [InlineData(Header + "2024-01-02,1,1,1,1,-3\n", 2, "volume '-3' is not a whole non-negative number")]
    [InlineData(Header + "2024-01-02,1,1,1,1,99999999999999999999\n", 2, "volume '99999999999999999999' is not a whole non-negative number")]
    [InlineData(Header + "2024-01-02,1,1,1,1,1\n\n2024-01-03,1,1,1,1,1\n", 3, "empty line")]
    public void A_malformed_file_is_reported_with_its_path_and_line(string content, int line, string problem)
    {
        var path = _folder.Write("SPY.csv", content);

        var error = Assert.Throws<MarketDataException>(() => new CsvBarStore(_folder.Path).GetBars("SPY"));

        Assert.Equal($"{path}:{line}: {problem}", error.Message);
        Assert.Equal(ErrorCategory.Data, error.Category);
        Assert.Contains("alchemiser data synth", error.RemediationHint, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_numbers_count_the_header_and_survive_crlf_and_a_byte_order_mark()
    {
        var text = "date,open,high,low,close,volume\r\n2024-01-02,1,1,1,1,1\r\n2024-01-03,1,1,1,oops,1\r\n";
        var path = _folder.WriteBytes("SPY.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        var error = Assert.Throws<MarketDataException>(() => new CsvBarStore(_folder.Path).GetBars("SPY"));

        Assert.Equal($"{path}:3: close 'oops' is not a decimal number", error.Message);
    }

    [Fact]
    public void A_missing_symbol_is_reported_with_the_folder_the_expected_file_and_a_hint()
    {
        var store = new CsvBarStore(_folder.Path + Path.DirectorySeparatorChar);

        var error = Assert.Throws<MarketDataException>(() => store.GetBars("XYZ"));

        var folder = _folder.Path + Path.DirectorySeparatorChar;
        Assert.Equal($"no price file for 'XYZ' in {folder} (expected {_folder.PathOf("XYZ.csv")})", error.Message);
        Assert.Contains("alchemiser data synth", error.RemediationHint, StringComparison.Ordinal);
        Assert.False(store.Contains("XYZ"));
    }

    [Fact]
    public void A_missing_symbol_in_a_folder_that_does_not_exist_says_the_folder_is_missing()
    {
        var missing = _folder.PathOf("prices");

        var error = Assert.Throws<MarketDataException>(() => new CsvBarStore(missing).GetBars("SPY"));

        Assert.Equal($"no price file for 'SPY': price folder {missing}{Path.DirectorySeparatorChar} does not exist (expected {Path.Combine(missing, "SPY.csv")})", error.Message);
        Assert.Contains("alchemiser data synth", error.RemediationHint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbol_that_cannot_name_a_file_is_not_contained_and_reading_it_names_it()
    {
        var store = new CsvBarStore(_folder.Path);

        var error = Assert.Throws<MarketDataException>(() => store.GetBars("A_B"));

        Assert.False(store.Contains("A_B"));
        Assert.Contains("'A_B'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_the_symbols_of_the_price_files_in_ordinal_order_mapping_underscores_back_to_slashes()
    {
        _folder.Write("SPY.csv", Header);
        _folder.Write("BRK_B.csv", Header);
        _folder.Write("AAPL.csv", Header);
        _folder.Write("README.md", "not a price file");

        var store = new CsvBarStore(_folder.Path);

        Assert.Equal(["AAPL", "BRK/B", "SPY"], store.Symbols());
        Assert.True(store.Contains("BRK/B"));
        Assert.False(store.Contains("README"));
    }

    [Fact]
    public void Listing_a_folder_that_does_not_exist_is_a_data_error_naming_it()
    {
        var missing = _folder.PathOf("nope");

        var error = Assert.Throws<MarketDataException>(() => new CsvBarStore(missing).Symbols());

        Assert.Equal($"price folder {missing}{Path.DirectorySeparatorChar} does not exist", error.Message);
    }

    [Fact]
    public void BRK_B_is_read_from_BRK_underscore_B_csv()
    {
        _folder.Write("BRK_B.csv", Header + "2024-01-02,360,362,359,361.5,4000000\n");

        Assert.Equal(361.5m, Assert.Single(new CsvBarStore(_folder.Path).GetBars("BRK/B")).Close);
    }

    [Fact]
    public void Nothing_is_read_before_a_symbol_is_asked_for_so_a_broken_neighbour_does_not_matter()
    {
        _folder.Write("SPY.csv", Header + "2024-01-02,1,1,1,1,1\n");
        _folder.Write("BAD.csv", "garbage");

        var store = new CsvBarStore(_folder.Path);

        Assert.Single(store.GetBars("SPY"));
    }

    [Fact]
    public void A_symbol_is_parsed_once_and_later_reads_return_the_cached_series()
    {
        var path = _folder.Write("SPY.csv", Header + "2024-01-02,1,1,1,1,1\n");
        var store = new CsvBarStore(_folder.Path);

        var first = store.GetBars("SPY");
        File.WriteAllText(path, Header + "2024-01-02,2,2,2,2,2\n2024-01-03,2,2,2,2,2\n");
        var second = store.GetBars("SPY");

        Assert.Same(first, second);
        Assert.Single(second);
        Assert.Equal(2, new CsvBarStore(_folder.Path).GetBars("SPY").Count);
    }

    [Fact]
    public void Concurrent_first_reads_of_a_symbol_share_one_series()
    {
        _folder.Write("SPY.csv", Header + "2024-01-02,1,1,1,1,1\n");
        var store = new CsvBarStore(_folder.Path);

        var results = new IReadOnlyList<DailyBar>[16];
        Parallel.For(0, results.Length, i => results[i] = store.GetBars("SPY"));

        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void A_failed_read_is_not_cached_so_a_repaired_file_is_picked_up()
    {
        var path = _folder.Write("SPY.csv", Header + "2024-01-02,1,1,1,zero,1\n");
        var store = new CsvBarStore(_folder.Path);
        Assert.Throws<MarketDataException>(() => store.GetBars("SPY"));

        File.WriteAllText(path, Header + "2024-01-02,1,1,1,1,1\n");

        Assert.Single(store.GetBars("SPY"));
    }

    [Fact]
    public void The_returned_series_cannot_be_changed_by_a_caller()
    {
        _folder.Write("SPY.csv", Header + "2024-01-02,1,1,1,1,1\n");

        var bars = new CsvBarStore(_folder.Path).GetBars("SPY");

        Assert.IsNotType<DailyBar[]>(bars);
    }

    [Fact]
    public void LoadAll_reads_every_file_of_the_folder_into_the_cache()
    {
        _folder.Write("SPY.csv", Header + "2024-01-02,1,1,1,1,1\n");
        _folder.Write("QQQ.csv", Header + "2024-01-02,2,2,2,2,2\n2024-01-03,2,2,2,2,2\n");
        var store = new CsvBarStore(_folder.Path);

        var all = store.LoadAll();

        Assert.Equal(["QQQ", "SPY"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, all["QQQ"].Count);
        Assert.Same(all["SPY"], store.GetBars("SPY"));
    }

    [Fact]
    public void Preload_reports_every_bad_file_at_once()
    {
        _folder.Write("SPY.csv", Header + "2024-01-02,1,1,1,1,1\n");
        var bad = _folder.Write("BAD.csv", "date;open\n");
        var store = new CsvBarStore(_folder.Path);

        var error = Assert.Throws<MarketDataException>(() => store.Preload(["SPY", "BAD", "NONE"]));

        Assert.StartsWith("2 price files could not be loaded:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{bad}:1: header must be", error.Message, StringComparison.Ordinal);
        Assert.Contains("no price file for 'NONE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preload_with_a_single_problem_throws_that_problem_itself()
    {
        var store = new CsvBarStore(_folder.Path);

        var error = Assert.Throws<MarketDataException>(() => store.Preload(["NONE"]));

        Assert.StartsWith("no price file for 'NONE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preload_loads_many_symbols_in_parallel_with_the_same_result_as_one_by_one()
    {
        var symbols = Enumerable.Range(0, 40).Select(i => "S" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var (symbol, i) in symbols.Select((s, i) => (s, i)))
        {
            var rows = string.Concat(Enumerable.Range(1, 20).Select(d => FormattableString.Invariant($"2024-01-{d:00},1,1,1,{i + d},{d}\n")));
            _folder.Write(symbol + ".csv", Header + rows);
        }

        var loaded = new CsvBarStore(_folder.Path).Preload(symbols);
        var single = new CsvBarStore(_folder.Path);

        Assert.All(symbols, s => Assert.Equal(single.GetBars(s), loaded[s]));
    }
}
