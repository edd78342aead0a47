using System.Collections.Frozen;
using System.Globalization;

namespace Alchemiser.Dsl.Binding;

/// <summary>What a function is, for dispatch in the binder.</summary>
internal enum FunctionId
{
    Defsymphony,
    If,
    Comparison,
    And,
    Or,
    Not,
    Asset,
    Group,
    WeightEqual,
    WeightSpecified,
    WeightInverseVolatility,
    Filter,
    SelectTop,
    SelectBottom,
    Indicator,
}

/// <summary>The kind of value a call yields (DSL.md §3 "Result" column).</summary>
internal enum ResultKind
{
    /// <summary><c>defsymphony</c>: legal only as the whole file.</summary>
    TopLevel,

    /// <summary>W: weights.</summary>
    Weight,

    /// <summary>C: a bool.</summary>
    Condition,

    /// <summary>N with a ticker, M without one.</summary>
    Indicator,

    /// <summary>S: only as the middle argument of <c>filter</c>.</summary>
    Selector,
}

/// <summary>
/// One row of the function table of DSL.md §3. Arity is <see cref="MinArgs"/>..<see cref="MaxArgs"/> for every
/// function except the indicators (which depend on whether they carry a ticker, see <see cref="PositionalParameters"/>)
/// and <c>weight-specified</c> (pairs).
/// </summary>
internal sealed class FunctionInfo
{
    public FunctionInfo(string name, FunctionId id, ResultKind result, int minArgs, int maxArgs)
    {
        Name = name;
        Id = id;
        Result = result;
        MinArgs = minArgs;
        MaxArgs = maxArgs;
    }

    /// <summary>The canonical name (aliases resolve to the same instance).</summary>
    public string Name { get; }

    public FunctionId Id { get; }

    public ResultKind Result { get; }

    public int MinArgs { get; }

    /// <summary><see cref="int.MaxValue"/> for "one or more".</summary>
    public int MaxArgs { get; }

    public ComparisonOperator Comparison { get; init; }

    public IndicatorKind Indicator { get; init; }

    /// <summary>How many positional Lits the indicator accepts: 0 (current-price), 1 (window), 2 (PPO), 3 (PPO signal).</summary>
    public int PositionalParameters { get; init; }

    /// <summary>Describes the accepted argument count, e.g. <c>2 or 3 arguments</c>, for DSL202 messages.</summary>
    public static string DescribeArity(int min, int max)
    {
        if (max == 0)
        {
            return "no arguments";
        }

        if (min == max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{min} argument{(min == 1 ? string.Empty : "s")}");
        }

        if (max == int.MaxValue)
        {
            return string.Create(CultureInfo.InvariantCulture, $"at least {min} argument{(min == 1 ? string.Empty : "s")}");
        }

        return max == min + 1
            ? string.Create(CultureInfo.InvariantCulture, $"{min} or {max} arguments")
            : string.Create(CultureInfo.InvariantCulture, $"{min} to {max} arguments");
    }
}

/// <summary>
/// The functions of DSL.md §3 by name, aliases included (<c>relative-strength-index</c> → <c>rsi</c>,
/// <c>standard-deviation-return</c> → <c>stdev-return</c>, <c>standard-deviation-price</c> → <c>stdev-price</c>).
/// </summary>
internal static class FunctionTable
{
    private static readonly FrozenDictionary<string, FunctionInfo> ByName = Build();

    /// <summary>Every known name, aliases included, ordinal order (the candidates for "did you mean").</summary>
    public static IReadOnlyList<string> KnownNames { get; } = ByName.Keys.Order(StringComparer.Ordinal).ToArray();

    public static bool TryGet(string name, out FunctionInfo info) => ByName.TryGetValue(name, out info!);

    private static FrozenDictionary<string, FunctionInfo> Build()
    {
        const int Many = int.MaxValue;
        var table = new Dictionary<string, FunctionInfo>(StringComparer.Ordinal);

        void Add(FunctionInfo info, params string[] aliases)
        {
            table.Add(info.Name, info);
            foreach (var alias in aliases)
            {
                table.Add(alias, info);
            }
        }

        void Compare(string name, ComparisonOperator op) =>
            Add(new FunctionInfo(name, FunctionId.Comparison, ResultKind.Condition, 2, 2) { Comparison = op });

        void Indicator(IndicatorKind kind, int positional, params string[] aliases) =>
            Add(
                new FunctionInfo(IndicatorSpec.NameOf(kind), FunctionId.Indicator, ResultKind.Indicator, 0, 1 + positional)
                {
                    Indicator = kind,
                    PositionalParameters = positional,
                },
                aliases);

        Add(new FunctionInfo("defsymphony", FunctionId.Defsymphony, ResultKind.TopLevel, 3, 3));
        Add(new FunctionInfo("if", FunctionId.If, ResultKind.Weight, 2, 3));
        Compare(">", ComparisonOperator.GreaterThan);
        Compare("<", ComparisonOperator.LessThan);
        Compare(">=", ComparisonOperator.GreaterOrEqual);
        Compare("<=", ComparisonOperator.LessOrEqual);
        Compare("=", ComparisonOperator.Equal);
        Add(new FunctionInfo("and", FunctionId.And, ResultKind.Condition, 1, Many));
        Add(new FunctionInfo("or", FunctionId.Or, ResultKind.Condition, 1, Many));
        Add(new FunctionInfo("not", FunctionId.Not, ResultKind.Condition, 1, 1));
        Add(new FunctionInfo("asset", FunctionId.Asset, ResultKind.Weight, 1, 2));
        Add(new FunctionInfo("group", FunctionId.Group, ResultKind.Weight, 2, 2));
        Add(new FunctionInfo("weight-equal", FunctionId.WeightEqual, ResultKind.Weight, 1, Many));
        Add(new FunctionInfo("weight-specified", FunctionId.WeightSpecified, ResultKind.Weight, 2, Many));
        Add(new FunctionInfo("weight-inverse-volatility", FunctionId.WeightInverseVolatility, ResultKind.Weight, 2, Many));
        Add(new FunctionInfo("filter", FunctionId.Filter, ResultKind.Weight, 2, 3));
        Add(new FunctionInfo("select-top", FunctionId.SelectTop, ResultKind.Selector, 1, 1));
        Add(new FunctionInfo("select-bottom", FunctionId.SelectBottom, ResultKind.Selector, 1, 1));
        Indicator(IndicatorKind.CurrentPrice, 0);
        Indicator(IndicatorKind.Rsi, 1, "relative-strength-index");
        Indicator(IndicatorKind.MovingAveragePrice, 1);
        Indicator(IndicatorKind.ExponentialMovingAveragePrice, 1);
        Indicator(IndicatorKind.CumulativeReturn, 1);
        Indicator(IndicatorKind.MovingAverageReturn, 1);
        Indicator(IndicatorKind.StdevReturn, 1, "standard-deviation-return");
        Indicator(IndicatorKind.StdevPrice, 1, "standard-deviation-price");
        Indicator(IndicatorKind.MaxDrawdown, 1);
        Indicator(IndicatorKind.PercentagePriceOscillator, 2);
        Indicator(IndicatorKind.PercentagePriceOscillatorSignal, 3);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
