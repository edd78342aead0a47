using Alchemiser.Dsl.Binding;
using static Alchemiser.Dsl.Tests.Binding.BindingHarness;

namespace Alchemiser.Dsl.Tests.Binding;

/// <summary>Indicator parameters (DSL.md §3 rule 5) with the defaults of §6.</summary>
public sealed class IndicatorParameterTests
{
    /// <summary>The spec of <c>(&gt; indicatorCall 1)</c>.</summary>
    private static IndicatorSpec NumberSpec(string indicatorCall)
    {
        var conditional = Body<BoundIf>("(if (> " + indicatorCall + " 1) [] [])");
        var indicator = Assert.IsType<BoundIndicator>(Assert.IsType<BoundComparison>(conditional.Condition).Left);
        return indicator.Spec;
    }

    /// <summary>The spec of <c>(filter metricCall [])</c>.</summary>
    private static IndicatorSpec MetricSpec(string metricCall) => Body<BoundFilter>("(filter " + metricCall + " [])").Metric.Spec;

    [Theory]
    [InlineData("rsi", IndicatorKind.Rsi)]
    [InlineData("moving-average-price", IndicatorKind.MovingAveragePrice)]
    [InlineData("exponential-moving-average-price", IndicatorKind.ExponentialMovingAveragePrice)]
    [InlineData("cumulative-return", IndicatorKind.CumulativeReturn)]
    [InlineData("moving-average-return", IndicatorKind.MovingAverageReturn)]
    [InlineData("stdev-return", IndicatorKind.StdevReturn)]
    [InlineData("stdev-price", IndicatorKind.StdevPrice)]
    [InlineData("max-drawdown", IndicatorKind.MaxDrawdown)]
    public void A_positional_window_equals_the_window_map(string head, IndicatorKind kind)
    {
        var positional = NumberSpec("(" + head + " \"A\" 7)");
        Assert.Equal(new IndicatorSpec(kind, 7), positional);
        Assert.Equal(positional, NumberSpec("(" + head + " \"A\" {:window 7})"));
        Assert.Equal(positional, MetricSpec("(" + head + " 7)"));
        Assert.Equal(positional, MetricSpec("(" + head + " {:window 7})"));
    }

    [Fact]
    public void Positional_ppo_windows_equal_the_ppo_map()
    {
        var expected = new IndicatorSpec(IndicatorKind.PercentagePriceOscillator, 3, 5);
        Assert.Equal(expected, NumberSpec("(percentage-price-oscillator \"A\" 3 5)"));
        Assert.Equal(expected, NumberSpec("(percentage-price-oscillator \"A\" {:long-window 5 :short-window 3})"));
        Assert.Equal(expected, MetricSpec("(percentage-price-oscillator 3 5)"));

        var signal = new IndicatorSpec(IndicatorKind.PercentagePriceOscillatorSignal, 3, 5, 2);
        Assert.Equal(signal, NumberSpec("(percentage-price-oscillator-signal \"A\" 3 5 2)"));
        Assert.Equal(signal, NumberSpec("(percentage-price-oscillator-signal \"A\" {:short-window 3 :long-window 5 :smooth-window 2})"));
        Assert.Equal(signal, MetricSpec("(percentage-price-oscillator-signal {:smooth-window 2 :short-window 3 :long-window 5})"));
    }

    [Theory]
    [InlineData("current-price", IndicatorKind.CurrentPrice, 0, 0, 0)]
    [InlineData("rsi", IndicatorKind.Rsi, 14, 0, 0)]
    [InlineData("moving-average-price", IndicatorKind.MovingAveragePrice, 200, 0, 0)]
    [InlineData("exponential-moving-average-price", IndicatorKind.ExponentialMovingAveragePrice, 12, 0, 0)]
    [InlineData("cumulative-return", IndicatorKind.CumulativeReturn, 60, 0, 0)]
    [InlineData("moving-average-return", IndicatorKind.MovingAverageReturn, 21, 0, 0)]
    [InlineData("stdev-return", IndicatorKind.StdevReturn, 6, 0, 0)]
    [InlineData("stdev-price", IndicatorKind.StdevPrice, 6, 0, 0)]
    [InlineData("max-drawdown", IndicatorKind.MaxDrawdown, 60, 0, 0)]
    [InlineData("percentage-price-oscillator", IndicatorKind.PercentagePriceOscillator, 12, 26, 0)]
    [InlineData("percentage-price-oscillator-signal", IndicatorKind.PercentagePriceOscillatorSignal, 12, 26, 9)]
    public void A_filter_metric_may_omit_its_parameters_and_takes_the_defaults(string head, IndicatorKind kind, int window, int longWindow, int smooth)
    {
        var expected = new IndicatorSpec(kind, window, longWindow, smooth);
        Assert.Equal(expected, MetricSpec("(" + head + ")"));
        if (kind != IndicatorKind.CurrentPrice)
        {
            Assert.Equal(expected, MetricSpec("(" + head + " {})"));
        }
    }

    [Fact]
    public void Rsi_on_a_ticker_may_omit_its_window_and_takes_14()
    {
        Assert.Equal(new IndicatorSpec(IndicatorKind.Rsi, 14), NumberSpec("(rsi \"A\")"));
        Assert.Equal(new IndicatorSpec(IndicatorKind.Rsi, 14), NumberSpec("(relative-strength-index \"A\")"));
    }

    [Fact]
    public void Current_price_on_a_ticker_takes_no_parameters()
    {
        Assert.Equal(new IndicatorSpec(IndicatorKind.CurrentPrice, 0), NumberSpec("(current-price \"A\")"));
    }

    [Theory]
    [InlineData("moving-average-price", "missing window")]
    [InlineData("exponential-moving-average-price", "missing window")]
    [InlineData("cumulative-return", "missing window")]
    [InlineData("moving-average-return", "missing window")]
    [InlineData("stdev-return", "missing window")]
    [InlineData("standard-deviation-return", "missing window")]
    [InlineData("stdev-price", "missing window")]
    [InlineData("max-drawdown", "missing window")]
    [InlineData("percentage-price-oscillator", "missing short-window and long-window")]
    [InlineData("percentage-price-oscillator-signal", "missing short-window and long-window")]
    public void Any_other_indicator_on_a_ticker_without_parameters_is_DSL204_at_its_head(string head, string message)
    {
        AssertBodyFails("(if (> (‸" + head + " \"SPY\") 1) [] [])", "DSL204", message);
    }

    [Fact]
    public void A_missing_map_key_takes_its_default()
    {
        Assert.Equal(new IndicatorSpec(IndicatorKind.MovingAveragePrice, 200), NumberSpec("(moving-average-price \"A\" {})"));
        Assert.Equal(new IndicatorSpec(IndicatorKind.PercentagePriceOscillator, 3, 26), NumberSpec("(percentage-price-oscillator \"A\" {:short-window 3})"));
        Assert.Equal(
            new IndicatorSpec(IndicatorKind.PercentagePriceOscillatorSignal, 12, 30, 9),
            NumberSpec("(percentage-price-oscillator-signal \"A\" {:long-window 30})"));
    }

    [Fact]
    public void Missing_trailing_positional_parameters_take_their_defaults()
    {
        Assert.Equal(
            new IndicatorSpec(IndicatorKind.PercentagePriceOscillatorSignal, 3, 5, 9),
            NumberSpec("(percentage-price-oscillator-signal \"A\" 3 5)"));
        Assert.Equal(new IndicatorSpec(IndicatorKind.PercentagePriceOscillator, 3, 26), MetricSpec("(percentage-price-oscillator 3)"));
    }

    [Theory]
    [InlineData("(rsi \"A\" 3.9)", 3)]
    [InlineData("(rsi \"A\" {:window 14.99})", 14)]
    [InlineData("(rsi \"A\" 1)", 1)]
    [InlineData("(rsi \"A\" 1.5)", 1)]
    [InlineData("(rsi \"A\" 65535)", 65535)]
    [InlineData("(rsi \"A\" 65535.999)", 65535)]
    [InlineData("(stdev-price \"A\" 2)", 2)]
    [InlineData("(stdev-price \"A\" 2.9)", 2)]
    public void Windows_are_truncated_toward_zero(string call, int window)
    {
        Assert.Equal(window, NumberSpec(call).Window);
    }

    [Theory]
    [InlineData("(if (> (rsi \"A\" ‸0) 1) [] [])", "window must be from 1 to 65535, got 0")]
    [InlineData("(if (> (rsi \"A\" ‸0.999) 1) [] [])", "window must be from 1 to 65535, got 0.999")]
    [InlineData("(if (> (rsi \"A\" ‸-3) 1) [] [])", "window must be from 1 to 65535, got -3")]
    [InlineData("(if (> (rsi \"A\" {:window ‸65536}) 1) [] [])", "window must be from 1 to 65535, got 65536")]
    [InlineData("(if (> (rsi \"A\" ‸99999999999999999999999999) 1) [] [])", "window must be from 1 to 65535, got 99999999999999999999999999")]
    [InlineData("(if (> (stdev-price \"A\" ‸1) 1) [] [])", "window must be from 2 to 65535, got 1")]
    [InlineData("(if (> (standard-deviation-price \"A\" ‸1.99) 1) [] [])", "window must be from 2 to 65535, got 1.99")]
    [InlineData("(filter (stdev-price {:window ‸1}) [])", "window must be from 2 to 65535, got 1")]
    [InlineData("(filter (moving-average-price ‸0) [])", "window must be from 1 to 65535, got 0")]
    [InlineData("(if (> (percentage-price-oscillator \"A\" ‸0 5) 1) [] [])", "short-window must be from 1 to 65535, got 0")]
    [InlineData("(if (> (percentage-price-oscillator \"A\" 3 ‸3) 1) [] [])", "short-window (3) must be less than long-window (3)")]
    [InlineData("(if (> (percentage-price-oscillator \"A\" 5 ‸3.5) 1) [] [])", "short-window (5) must be less than long-window (3)")]
    [InlineData("(if (> (percentage-price-oscillator \"A\" {:short-window ‸30}) 1) [] [])", "short-window (30) must be less than long-window (26)")]
    [InlineData("(if (> (percentage-price-oscillator \"A\" {:long-window ‸5}) 1) [] [])", "short-window (12) must be less than long-window (5)")]
    [InlineData("(filter (percentage-price-oscillator {:long-window ‸4 :short-window 9}) [])", "short-window (9) must be less than long-window (4)")]
    [InlineData("(if (> (percentage-price-oscillator-signal \"A\" 3 5 ‸0) 1) [] [])", "smooth-window must be from 1 to 65535, got 0")]
    [InlineData("(if (> (percentage-price-oscillator-signal \"A\" {:smooth-window ‸0.5}) 1) [] [])", "smooth-window must be from 1 to 65535, got 0.5")]
    public void A_window_out_of_range_is_DSL204_at_its_literal(string body, string message)
    {
        AssertBodyFails(body, "DSL204", message);
    }

    [Theory]
    [InlineData("(if (> (rsi \"SPY\" {‸:windw 10}) 1) [] [])", "unknown parameter ':windw' (did you mean ':window'?)")]
    [InlineData("(filter (max-drawdown {‸:length 10}) [])", "unknown parameter ':length' (did you mean ':window'?)")]
    [InlineData("(if (> (percentage-price-oscillator \"A\" {‸:short 3}) 1) [] [])", "unknown parameter ':short' (did you mean ':short-window'?)")]
    [InlineData("(if (> (percentage-price-oscillator \"A\" {:short-window 3 ‸:smooth-window 3}) 1) [] [])", "unknown parameter ':smooth-window' (did you mean ':short-window'?)")]
    [InlineData("(if (> (rsi \"A\" {‸:short-window 3}) 1) [] [])", "unknown parameter ':short-window' (did you mean ':window'?)")]
    public void An_unknown_parameter_key_is_DSL204_at_the_key_with_the_nearest_valid_key(string body, string message)
    {
        AssertBodyFails(body, "DSL204", message);
    }

    [Theory]
    [InlineData("(if (> (rsi \"A\" {:window ‸\"10\"}) 1) [] [])", "expected a number for window, found a string")]
    [InlineData("(if (> (rsi \"A\" {:window ‸nil}) 1) [] [])", "expected a number for window, found nil")]
    [InlineData("(if (> (rsi \"A\" ‸:ten) 1) [] [])", "expected a number for window, found a keyword")]
    [InlineData("(filter (rsi ‸[10]) [])", "expected a number for window, found a vector")]
    [InlineData("(if (> (percentage-price-oscillator \"A\" 3 ‸{:long-window 5}) 1) [] [])", "expected a number for long-window, found a map")]
    [InlineData("(if (> (percentage-price-oscillator \"A\" {:short-window 3} ‸5) 1) [] [])", "expected only the parameter map, found a number after it")]
    [InlineData("(if (> (rsi \"A\" {:window (‸current-price \"A\")}) 1) [] [])", "expected a number for window, found current-price")]
    public void Parameters_are_one_map_or_number_literals_only(string body, string message)
    {
        AssertBodyFails(body, "DSL204", message);
    }

    [Fact]
    public void A_filter_metric_with_a_ticker_is_DSL203_even_with_parameters()
    {
        AssertBodyFails(
            "(filter (rsi ‸\"SPY\" 10) (select-top 1) [(asset \"A\")])",
            "DSL203", "a filter metric takes no ticker (each candidate is scored), found \"SPY\"");
        AssertBodyFails(
            "(filter (stdev-return ‸\"SPY\") [(asset \"A\")])",
            "DSL203", "a filter metric takes no ticker (each candidate is scored), found \"SPY\"");
    }

    [Fact]
    public void Inverse_volatility_windows_are_truncated_and_range_checked()
    {
        Assert.Equal(3, Body<BoundInverseVolatility>("(weight-inverse-volatility 3.7 [(asset \"A\")])").Window);
        Assert.Equal(65535, Body<BoundInverseVolatility>("(weight-inverse-volatility 65535 [(asset \"A\")])").Window);
        AssertBodyFails("(weight-inverse-volatility ‸0.5 [(asset \"A\")])", "DSL204", "window must be from 1 to 65535, got 0.5");
        AssertBodyFails("(weight-inverse-volatility ‸65536 [(asset \"A\")])", "DSL204", "window must be from 1 to 65535, got 65536");
    }

    [Fact]
    public void Metric_text_is_the_canonical_rendering_of_the_metric_call()
    {
        var filter = Body<BoundFilter>("(filter (rsi  {:window   5.0}) (select-top 1) [(asset \"A\")])");
        Assert.Equal("(rsi {:window 5.0})", filter.Metric.Text);
        Assert.Equal(new IndicatorSpec(IndicatorKind.Rsi, 5), filter.Metric.Spec);
    }
}
