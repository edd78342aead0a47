using System.Globalization;
using Alchemiser.Core.Allocation;
using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Evaluation;

/// <summary>
/// DSL.md §8: turns the body's value into the Allocation — one weight node, positive weights only, then
/// <see cref="AllocationRounding"/> (normalized, 10 decimals, Σ exactly 1, ordinal keys).
/// </summary>
internal static class FinalAllocation
{
    public static IReadOnlyList<KeyValuePair<string, decimal>> From(object bodyValue, BoundWeight body, string file)
    {
        var value = WeightValues.Unwrap(bodyValue);
        var weights = value switch
        {
            string ticker => Portfolio.Single(body, ticker),
            Portfolio p => p,
            ValueList { Items.Count: 0 } => throw Empty(body, file),
            ValueList list => throw new DslException(DslErrorCodes.SeveralWeightNodes, file, body.At,
                string.Create(CultureInfo.InvariantCulture, $"the strategy must yield one weight node, got {list.Items.Count}")),
            _ => throw new InvalidOperationException("unexpected value " + value.GetType().Name),
        };

        var positive = new List<KeyValuePair<string, decimal>>(weights.Count);
        foreach (var ticker in weights.Tickers)
        {
            if (weights[ticker] > 0m)
            {
                positive.Add(new(ticker, weights[ticker]));
            }
        }

        if (positive.Count == 0)
        {
            throw Empty(body, file);
        }

        var rounded = AllocationRounding.ToUnitSum(positive);
        return rounded.Count > 0 ? rounded : throw Empty(body, file);
    }

    private static DslException Empty(BoundWeight body, string file) =>
        new(DslErrorCodes.EmptyResult, file, body.At, "allocation is empty");
}
