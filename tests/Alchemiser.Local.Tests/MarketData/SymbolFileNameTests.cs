using Alchemiser.Core.MarketData;

namespace Alchemiser.Local.Tests.MarketData;

public class SymbolFileNameTests
{
    [Theory]
    [InlineData("SPY", "SPY.csv")]
    [InlineData("BRK/B", "BRK_B.csv")]
    [InlineData("BF/B", "BF_B.csv")]
    [InlineData("BRK.B", "BRK.B.csv")]
    public void A_symbol_is_stored_as_its_name_with_slashes_written_as_underscores(string symbol, string fileName)
    {
        Assert.Equal(fileName, SymbolFileName.ToFileName(symbol));
    }

    [Theory]
    [InlineData("SPY.csv", "SPY")]
    [InlineData("BRK_B.csv", "BRK/B")]
    public void A_price_file_name_maps_back_to_its_symbol(string fileName, string symbol)
    {
        Assert.True(SymbolFileName.TryGetSymbol(fileName, out var actual));
        Assert.Equal(symbol, actual);
    }

    [Theory]
    [InlineData("SPY.txt")]
    [InlineData("SPY.CSV")]
    [InlineData(".csv")]
    [InlineData("SPY.csv.tmp")]
    [InlineData("sub/SPY.csv")]
    [InlineData("")]
    public void Names_that_are_not_price_files_have_no_symbol(string fileName)
    {
        Assert.False(SymbolFileName.TryGetSymbol(fileName, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("A_B")]
    [InlineData("..")]
    [InlineData("A\\B")]
    [InlineData(" SPY")]
    [InlineData("SPY\n")]
    public void A_symbol_that_could_not_round_trip_through_a_file_name_is_refused(string symbol)
    {
        Assert.False(SymbolFileName.IsValidSymbol(symbol));
        Assert.Throws<ArgumentException>(() => SymbolFileName.ToFileName(symbol));
    }

    [Theory]
    [InlineData("SPY")]
    [InlineData("BRK/B")]
    [InlineData("A/B/C")]
    public void Every_valid_symbol_round_trips(string symbol)
    {
        Assert.True(SymbolFileName.TryGetSymbol(SymbolFileName.ToFileName(symbol), out var back));
        Assert.Equal(symbol, back);
    }
}
