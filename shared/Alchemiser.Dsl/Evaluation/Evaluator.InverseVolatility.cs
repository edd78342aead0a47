using System.Globalization;
using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Results;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Evaluation;

/// <summary><c>weight-inverse-volatility</c> (DSL.md §5 rule 9): flat and grouped modes, all weight arithmetic decimal.</summary>
internal sealed partial class Evaluator
{
    private Portfolio EvalInverseVolatility(BoundInverseVolatility node, DateOnly asOf, bool traced)
    {
        var values = new List<object>(node.Args.Count);
        var items = new List<object>();
        _depth += traced ? 1 : 0;
        try
        {
            foreach (var arg in node.Args)
            {
                var value = WeightValues.Unwrap(EvalWeight(arg, asOf, traced));
                values.Add(value);
                if (value is ValueList list)
                {
                    foreach (var x in list.Items)
                    {
                        items.Add(WeightValues.Unwrap(x));
                    }
                }
                else
                {
                    items.Add(value);
                }
            }
        }
        finally
        {
            _depth -= traced ? 1 : 0;
        }

        var grouped = items.Count > 0 && items.TrueForAll(item => item is Portfolio);
        var trace = traced ? new List<InverseVolatilityItemTrace>() : null;
        var result = grouped
            ? GroupedInverseVolatility(node, items.ConvertAll(item => (Portfolio)item), asOf, trace)
            : FlatInverseVolatility(node, WeightValues.Tickers(new ValueList(values)), asOf, trace);
        if (traced)
        {
            _trace.Add(new InverseVolatilityTrace(At(node.At), _depth, node.Window, grouped ? "grouped" : "flat", trace!));
        }

        return result;
    }

    private Portfolio FlatInverseVolatility(BoundInverseVolatility node, List<string> tickers, DateOnly asOf, List<InverseVolatilityItemTrace>? trace)
    {
        var measured = tickers.ConvertAll(ticker => Volatility(node, ticker, asOf));
        var inverseSum = 0m;
        var validCount = 0;
        foreach (var (_, asDecimal, error) in measured)
        {
            if (error is null)
            {
                inverseSum += 1m / asDecimal;
                validCount++;
            }
        }

        NothingValid(node, validCount);
        var result = new Portfolio(node, capacity: validCount);
        for (var i = 0; i < tickers.Count; i++)
        {
            var (volatility, asDecimal, error) = measured[i];
            decimal? share = null;
            if (error is null)
            {
                var weight = 1m / asDecimal / inverseSum;
                result.Add(tickers[i], weight);
                share = Round10(weight);
            }

            trace?.Add(new InverseVolatilityItemTrace(tickers[i], volatility, share, error));
        }

        return result;
    }

    private Portfolio GroupedInverseVolatility(BoundInverseVolatility node, List<Portfolio> groups, DateOnly asOf, List<InverseVolatilityItemTrace>? trace)
    {
        var volatilities = new decimal?[groups.Count];
        var doubles = new double?[groups.Count];
        var errors = new string?[groups.Count];
        var inverseSum = 0m;
        var validCount = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            var members = groups[g];
            decimal numerator = 0m, denominator = 0m;
            string? firstError = null;
            var anyValid = false;
            foreach (var ticker in members.Tickers)
            {
                var (_, asDecimal, error) = Volatility(node, ticker, asOf);
                if (error is not null)
                {
                    firstError ??= error;
                    continue;
                }

                anyValid = true;
                numerator += members[ticker] * asDecimal;
                denominator += members[ticker];
            }

            if (!anyValid || denominator == 0m)
            {
                errors[g] = firstError ?? "no member has a positive weight and a valid volatility";
                continue;
            }

            var asDouble = (double)(numerator / denominator);
            var rounded = ToDecimal(asDouble);
            if (rounded is not > 0m)
            {
                errors[g] = "volatility is not positive";
                continue;
            }

            doubles[g] = asDouble;
            volatilities[g] = rounded;
            inverseSum += 1m / rounded.Value;
            validCount++;
        }

        NothingValid(node, validCount);
        var result = new Portfolio(node);
        for (var g = 0; g < groups.Count; g++)
        {
            var name = groups[g].Group?.Name ?? UnnamedName(groups[g].Producer);
            if (volatilities[g] is not { } volatility)
            {
                trace?.Add(new InverseVolatilityItemTrace(name, doubles[g], null, errors[g]));
                continue;
            }

            var share = 1m / volatility / inverseSum;
            result.AddScaled(groups[g], share);
            trace?.Add(new InverseVolatilityItemTrace(name, doubles[g], Round10(share), null));
        }

        return result;
    }

    /// <summary>vol(s) = stdev-return(s, window), as double and as decimal (§4.3), or the reason it is excluded.</summary>
    private (double? Volatility, decimal AsDecimal, string? Error) Volatility(BoundInverseVolatility node, string ticker, DateOnly asOf)
    {
        double volatility;
        try
        {
            volatility = IndicatorValue(ticker, new IndicatorSpec(IndicatorKind.StdevReturn, node.Window), asOf, node.At);
        }
        catch (DslException e)
        {
            return (null, 0m, e.Display);
        }

        var asDecimal = ToDecimal(volatility);
        if (asDecimal is not > 0m)
        {
            return (volatility, 0m, string.Create(CultureInfo.InvariantCulture,
                $"volatility {volatility.ToString("R", CultureInfo.InvariantCulture)} is not positive"));
        }

        return (volatility, asDecimal.Value, null);
    }

    private void NothingValid(BoundInverseVolatility node, int validCount)
    {
        if (validCount == 0)
        {
            throw Error(DslErrorCodes.EmptyResult, node.At, "weight-inverse-volatility has no item with a valid volatility");
        }
    }

    /// <summary>double → decimal through the shortest round-trip text (§4.3); null when out of decimal's range.</summary>
    private static decimal? ToDecimal(double value)
    {
        if (!double.IsFinite(value))
        {
            return null;
        }

        return decimal.TryParse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
    }

    private static decimal Round10(decimal value) => Math.Round(value, 10, MidpointRounding.ToEven);
}
