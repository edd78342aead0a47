using Alchemiser.Dsl.Binding;
using static Alchemiser.Dsl.Tests.Binding.BindingHarness;

namespace Alchemiser.Dsl.Tests.Binding;

/// <summary>Ticker upper-casing and shape (DSL.md §3 rule 6).</summary>
public sealed class TickerTests
{
    [Theory]
    [InlineData("spy", "SPY")]
    [InlineData("SPY", "SPY")]
    [InlineData("brk/b", "BRK/B")]
    [InlineData("crypto::btc//usd", "CRYPTO::BTC//USD")]
    [InlineData("0dte_x.y-z", "0DTE_X.Y-Z")]
    [InlineData("A", "A")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]
    public void Asset_tickers_are_upper_cased_invariantly(string written, string ticker)
    {
        Assert.Equal(ticker, Body<BoundAsset>("(asset \"" + written + "\")").Ticker);
    }

    [Fact]
    public void Indicator_tickers_are_upper_cased_too()
    {
        var conditional = Body<BoundIf>("(if (> (rsi \"qqq\" 3) (current-price \"brk/b\")) [] [])");
        var comparison = Assert.IsType<BoundComparison>(conditional.Condition);
        Assert.Equal("QQQ", Assert.IsType<BoundIndicator>(comparison.Left).Ticker);
        Assert.Equal("BRK/B", Assert.IsType<BoundIndicator>(comparison.Right).Ticker);
    }

    [Fact]
    public void Upper_casing_does_not_depend_on_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Equal("INTC", Body<BoundAsset>("(asset \"intc\")").Ticker);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("sp y", "'sp y'")]
    [InlineData("", "''")]
    [InlineData("-SPY", "'-SPY'")]
    [InlineData(".SPY", "'.SPY'")]
    [InlineData("SPY$", "'SPY$'")]
    [InlineData("äpfel", "'äpfel'")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456'")]
    [InlineData("A\\nB", "'A\\nB'")]
    public void A_ticker_of_the_wrong_shape_is_DSL207_at_its_string(string written, string quoted)
    {
        AssertBodyFails("(asset ‸\"" + written + "\")", "DSL207", "invalid ticker " + quoted);
    }

    [Fact]
    public void An_invalid_indicator_ticker_is_DSL207_at_its_string()
    {
        AssertBodyFails("(if (> (rsi ‸\"s y\" 3) 1) [] [])", "DSL207", "invalid ticker 's y'");
    }

    [Fact]
    public void Stats_list_distinct_upper_cased_tickers_ordinally_with_their_first_position()
    {
        var symphony = Bind(
            "(defsymphony \"t\" {}\n" +
            "  (if (> (rsi \"qqq\" 3) 1)\n" +
            "    [(asset \"spy\") (asset \"Bil\")]\n" +
            "    [(asset \"SPY\") (asset \"QQQ\") (asset \"b\")]))");
        Assert.Equal(
            [("B", 4, 41), ("BIL", 3, 27), ("QQQ", 2, 15), ("SPY", 3, 13)],
            symphony.Stats.Tickers.Select(t => (t.Ticker, t.At.Line, t.At.Column)));
    }
}
