using System.Globalization;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Binding;

/// <summary>
/// Indicator parameters (DSL.md §3 rule 5, defaults of §6): either one map (<c>{:window 10}</c>,
/// <c>{:short-window 3 :long-window 5}</c>, plus <c>:smooth-window</c> for the PPO signal) or positional number
/// literals in that order; a missing key or a missing trailing positional takes its default. Windows are truncated
/// toward zero and must lie in 1..65,535 (stdev-price: 2..65,535); PPO needs short &lt; long. Violations are
/// <c>DSL204</c> at the offending key or literal.
/// </summary>
internal static class IndicatorParameterBinder
{
    public const int MaxWindow = 65_535;

    private static readonly string[] WindowNames = ["window"];
    private static readonly string[] PpoNames = ["short-window", "long-window"];
    private static readonly string[] PpoSignalNames = ["short-window", "long-window", "smooth-window"];

    /// <summary>
    /// Binds the parameter forms <c>call.Args[first..]</c> (at most <see cref="FunctionInfo.PositionalParameters"/>
    /// of them; the caller has checked arity). <paramref name="mayOmit"/>: whether no parameters at all means "all
    /// defaults" (rsi, and any filter metric) rather than <c>missing window</c>.
    /// </summary>
    public static IndicatorSpec Bind(FunctionInfo function, CallNode call, int first, bool mayOmit, BindingErrors errors)
    {
        var kind = function.Indicator;
        if (kind == IndicatorKind.CurrentPrice)
        {
            return new IndicatorSpec(IndicatorKind.CurrentPrice, 0);
        }

        var names = NamesOf(kind);
        var values = DefaultsOf(kind);
        var given = new NumberNode?[names.Length];
        var count = call.Args.Count - first;

        if (count == 0)
        {
            if (!mayOmit)
            {
                throw errors.At(call, DslErrorCodes.Parameter, names.Length == 1 ? "missing window" : "missing short-window and long-window");
            }
        }
        else if (call.Args[first] is MapNode map)
        {
            if (count > 1)
            {
                var extra = call.Args[first + 1];
                throw errors.Misplaced(extra)
                    ?? errors.At(extra, DslErrorCodes.Parameter, "expected only the parameter map, found " + BindingErrors.Describe(extra) + " after it");
            }

            for (var e = 0; e < map.Entries.Count; e++)
            {
                var (key, value) = map.Entries[e];
                var index = Array.IndexOf(names, key.Name);
                if (index < 0)
                {
                    throw errors.At(
                        key,
                        DslErrorCodes.Parameter,
                        "unknown parameter ':" + key.Name + "' (did you mean ':" + NameSuggestions.Closest(key.Name, names) + "'?)");
                }

                given[index] = Window(kind, names[index], value, errors, out values[index]);
            }
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                given[i] = Window(kind, names[i], call.Args[first + i], errors, out values[i]);
            }
        }

        if (names.Length > 1 && values[0] >= values[1])
        {
            // Defaults satisfy short < long, so at least one of the two was written; blame the long one if given.
            var culprit = (Node?)given[1] ?? given[0]!;
            throw errors.At(
                culprit,
                DslErrorCodes.Parameter,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"short-window ({values[0]}) must be less than long-window ({values[1]})"));
        }

        return names.Length switch
        {
            1 => new IndicatorSpec(kind, values[0]),
            2 => new IndicatorSpec(kind, values[0], values[1]),
            _ => new IndicatorSpec(kind, values[0], values[1], values[2]),
        };
    }

    /// <summary>
    /// A window value: a number literal (anything else is <c>DSL204</c>), truncated toward zero and range-checked.
    /// Returns the literal so later checks can point at it.
    /// </summary>
    private static NumberNode Window(IndicatorKind kind, string name, Node form, BindingErrors errors, out int window)
    {
        if (form is not NumberNode number)
        {
            throw errors.Misplaced(form)
                ?? errors.At(form, DslErrorCodes.Parameter, "expected a number for " + name + ", found " + BindingErrors.Describe(form));
        }

        window = CheckWindow(number, name, kind == IndicatorKind.StdevPrice ? 2 : 1, errors);
        return number;
    }

    /// <summary>
    /// Truncates a window literal toward zero and checks <paramref name="minimum"/> ≤ n ≤ 65,535 (<c>DSL204</c> at
    /// the literal otherwise); also used for <c>weight-inverse-volatility</c>'s window.
    /// </summary>
    public static int CheckWindow(NumberNode number, string name, int minimum, BindingErrors errors)
    {
        var truncated = decimal.Truncate(number.Value);
        if (truncated < minimum || truncated > MaxWindow)
        {
            throw errors.At(
                number,
                DslErrorCodes.Parameter,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name} must be from {minimum} to {MaxWindow}, got {number.Text}"));
        }

        return (int)truncated;
    }

    private static string[] NamesOf(IndicatorKind kind) => kind switch
    {
        IndicatorKind.PercentagePriceOscillator => PpoNames,
        IndicatorKind.PercentagePriceOscillatorSignal => PpoSignalNames,
        _ => WindowNames,
    };

    /// <summary>The defaults of DSL.md §6, in parameter order; a fresh array the caller may overwrite.</summary>
    private static int[] DefaultsOf(IndicatorKind kind) => kind switch
    {
        IndicatorKind.MovingAveragePrice => [200],
        IndicatorKind.ExponentialMovingAveragePrice => [12],
        IndicatorKind.Rsi => [14],
        IndicatorKind.CumulativeReturn => [60],
        IndicatorKind.MovingAverageReturn => [21],
        IndicatorKind.StdevReturn => [6],
        IndicatorKind.StdevPrice => [6],
        IndicatorKind.MaxDrawdown => [60],
        IndicatorKind.PercentagePriceOscillator => [12, 26],
        IndicatorKind.PercentagePriceOscillatorSignal => [12, 26, 9],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "indicator without parameters"),
    };
}
