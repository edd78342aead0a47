using System.Globalization;
using Alchemiser.Dsl.Binding;
using Xunit.Abstractions;

namespace Alchemiser.Dsl.Tests.Indicators;

/// <summary>
/// One row of an indicator reference table (LEAN CommonIndicatorTests style): an indicator spec applied to a fixture
/// symbol as of a date, expecting either a value (within <see cref="Tolerance"/>) or insufficient history
/// ("ins n/k": needs n bars, k available). Serializable so every row is its own test case.
/// </summary>
public sealed class IndicatorCase : IXunitSerializable
{
    /// <summary>Absolute tolerance of DSL.md §12 T1.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>For the deserializer only.</summary>
    public IndicatorCase()
    {
    }

    private IndicatorCase(IndicatorSpec spec, string symbol, DateOnly asOf, double expected, int needed, int available)
    {
        Spec = spec;
        Symbol = symbol;
        AsOf = asOf;
        Expected = expected;
        Needed = needed;
        Available = available;
    }

    public IndicatorSpec Spec { get; private set; }

    public string Symbol { get; private set; } = string.Empty;

    public DateOnly AsOf { get; private set; }

    /// <summary>The expected value; NaN for an insufficient-history row.</summary>
    public double Expected { get; private set; }

    /// <summary>Bars needed (n of "ins n/k"); 0 for a value row.</summary>
    public int Needed { get; private set; }

    /// <summary>Bars available (k of "ins n/k"); 0 for a value row.</summary>
    public int Available { get; private set; }

    public bool IsInsufficient => Needed > 0;

    public static IndicatorCase Value(IndicatorSpec spec, string symbol, DateOnly asOf, double expected) =>
        new(spec, symbol, asOf, expected, 0, 0);

    public static IndicatorCase Insufficient(IndicatorSpec spec, string symbol, DateOnly asOf, int needed, int available) =>
        new(spec, symbol, asOf, double.NaN, needed, available);

    public void Deserialize(IXunitSerializationInfo info)
    {
        Spec = new IndicatorSpec(
            (IndicatorKind)info.GetValue<int>("kind"), info.GetValue<int>("window"),
            info.GetValue<int>("long"), info.GetValue<int>("smooth"));
        Symbol = info.GetValue<string>("symbol");
        AsOf = DateOnly.ParseExact(info.GetValue<string>("asOf"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Expected = info.GetValue<double>("expected");
        Needed = info.GetValue<int>("needed");
        Available = info.GetValue<int>("available");
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue("kind", (int)Spec.Kind);
        info.AddValue("window", Spec.Window);
        info.AddValue("long", Spec.LongWindow);
        info.AddValue("smooth", Spec.SmoothWindow);
        info.AddValue("symbol", Symbol);
        info.AddValue("asOf", AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        info.AddValue("expected", Expected);
        info.AddValue("needed", Needed);
        info.AddValue("available", Available);
    }

    public override string ToString() => IsInsufficient
        ? string.Create(CultureInfo.InvariantCulture, $"{Spec.Describe()} on {Symbol} as of {AsOf:yyyy-MM-dd} is ins {Needed}/{Available}")
        : string.Create(CultureInfo.InvariantCulture, $"{Spec.Describe()} on {Symbol} as of {AsOf:yyyy-MM-dd} = {Expected:F6}");
}
