using System.Text;
using Alchemiser.Core.MarketData;
using Alchemiser.Local.MarketData;
using static Alchemiser.Local.Tests.MarketData.Bars;

namespace Alchemiser.Local.Tests.MarketData;

public sealed class CsvBarWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Writes_the_header_then_one_invariant_row_per_bar_with_newline_line_ends()
    {
        var csv = CsvBarWriter.ToCsv([Bar("2024-01-02", 472.16m, 473.67m, 470.49m, 472.65m, 123456789), Bar("2024-01-03", 1.5m, 2m, 1m, 1.75m, 0)]);

        Assert.Equal("date,open,high,low,close,volume\n2024-01-02,472.16,473.67,470.49,472.65,123456789\n2024-01-03,1.5,2,1,1.75,0\n", csv);
    }

    [Fact]
    public void Writes_decimals_as_plain_digits_never_with_an_exponent_and_keeps_their_scale()
    {
        var csv = CsvBarWriter.ToCsv([Bar("2024-01-02", 0.00000001m, 79228162514264337593543950335m, 1.5000m, 100.0000m, long.MaxValue)]);

        Assert.EndsWith("\n2024-01-02,0.00000001,79228162514264337593543950335,1.5000,100.0000,9223372036854775807\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_depend_on_the_current_culture()
    {
        var bars = new[] { Bar("2024-01-02", 1234.5m, 1234.5m, 1234.5m, 1234.5m, 1000000) };
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        string csv;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            csv = CsvBarWriter.ToCsv(bars);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal("date,open,high,low,close,volume\n2024-01-02,1234.5,1234.5,1234.5,1234.5,1000000\n", csv);
    }

    [Fact]
    public void What_the_writer_writes_the_store_reads_back_unchanged()
    {
        IReadOnlyList<DailyBar> bars =
        [
            Bar("2023-12-29", 476.49m, 477.03m, 473.3m, 475.31m, 122234100),
            Bar("2024-01-02", 472.16m, 473.67m, 470.49m, 472.65m, 123623700),
            Bar("2024-01-03", 470.43m, 471.19m, 468.17m, 468.79m, 103585900),
            Bar("2024-01-04", 0.0001m, 99999999.9999m, 0.0001m, 12345.6789m, 0),
        ];

        CsvBarWriter.WriteSymbol(_folder.Path, "BRK/B", bars);
        var back = new CsvBarStore(_folder.Path).GetBars("BRK/B");

        Assert.True(File.Exists(_folder.PathOf("BRK_B.csv")));
        Assert.Equal(bars, back);
        Assert.Equal(CsvBarWriter.ToCsv(bars), File.ReadAllText(_folder.PathOf("BRK_B.csv")));
    }

    [Fact]
    public void Files_are_utf8_without_a_byte_order_mark_and_leave_no_temporary_file_behind()
    {
        var path = CsvBarWriter.WriteSymbol(_folder.Path, "SPY", [Close("2024-01-02", 1m)]);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'d', bytes[0]);
        Assert.Equal(Encoding.ASCII.GetBytes("date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1000\n"), bytes);
        Assert.Equal([path], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void Rewriting_a_symbol_replaces_its_file()
    {
        CsvBarWriter.WriteSymbol(_folder.Path, "SPY", [Close("2024-01-02", 1m), Close("2024-01-03", 2m)]);
        CsvBarWriter.WriteSymbol(_folder.Path, "SPY", [Close("2024-01-02", 3m)]);

        Assert.Equal(3m, Assert.Single(new CsvBarStore(_folder.Path).GetBars("SPY")).Close);
    }

    [Fact]
    public void Refuses_a_series_the_store_could_not_read_back()
    {
        Assert.Throws<ArgumentException>(() => CsvBarWriter.ToCsv([Close("2024-01-03", 1m), Close("2024-01-02", 1m)]));
        Assert.Throws<ArgumentException>(() => CsvBarWriter.ToCsv([Close("2024-01-02", 1m), Close("2024-01-02", 1m)]));
        Assert.Throws<ArgumentException>(() => CsvBarWriter.ToCsv([Close("2024-01-02", 0m)]));
        Assert.Throws<ArgumentException>(() => CsvBarWriter.ToCsv([Close("2024-01-02", 1m, volume: -1)]));
        var error = Assert.Throws<ArgumentException>(() => CsvBarWriter.WriteSymbol(_folder.Path, "SPY", [Close("2024-01-02", -1m)]));
        Assert.StartsWith("SPY: bar 0 (2024-01-02) close -1 is not positive", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }
}
