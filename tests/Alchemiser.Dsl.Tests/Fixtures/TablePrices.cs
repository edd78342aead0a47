using Alchemiser.Dsl.Pricing;

namespace Alchemiser.Dsl.Tests.Fixtures;

/// <summary>An in-memory price source: symbol → bars, oldest first. Unknown symbols have no bars.</summary>
public sealed class TablePrices : IPriceSource
{
    private readonly Dictionary<string, List<PriceBar>> _bars = new(StringComparer.Ordinal);

    public IReadOnlyList<PriceBar> GetBars(string symbol) => _bars.TryGetValue(symbol, out var bars) ? bars : [];

    public IEnumerable<string> Symbols => _bars.Keys;

    public TablePrices With(string symbol, params (string Date, double Close)[] bars)
    {
        _bars[symbol] = bars.Select(b => new PriceBar(DateOnly.Parse(b.Date, System.Globalization.CultureInfo.InvariantCulture), b.Close)).ToList();
        return this;
    }

    public TablePrices With(string symbol, IEnumerable<PriceBar> bars)
    {
        _bars[symbol] = bars.ToList();
        return this;
    }

    public TablePrices Without(string symbol, string date)
    {
        var d = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        _bars[symbol].RemoveAll(b => b.Date == d);
        return this;
    }

    public TablePrices Append(string symbol, string date, double close)
    {
        _bars[symbol].Add(new PriceBar(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), close));
        return this;
    }

    /// <summary>A copy with the same series, inserted in the given symbol order.</summary>
    public TablePrices Reordered(IEnumerable<string> order)
    {
        var copy = new TablePrices();
        foreach (var symbol in order)
        {
            copy._bars[symbol] = [.. _bars[symbol]];
        }

        return copy;
    }
}

/// <summary>The fixtures of DSL.md §12: AAA, BBB and CCC (CCC starts late; no bar on 2024-01-15).</summary>
public static class SpecFixtures
{
    public static readonly string[] Dates =
        ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10", "2024-01-11", "2024-01-12", "2024-01-16"];

    public static readonly double[] Aaa = [100, 102, 101, 105, 103, 108, 107, 110, 109, 112];
    public static readonly double[] Bbb = [50, 49, 51, 48, 47, 49, 46, 45, 47, 43];

    public static DateOnly AsOf => new(2024, 1, 16);

    public static TablePrices Prices() => new TablePrices()
        .With("AAA", Dates.Zip(Aaa).ToArray())
        .With("BBB", Dates.Zip(Bbb).ToArray())
        .With("CCC", ("2024-01-11", 10), ("2024-01-12", 11), ("2024-01-16", 10.5));

    /// <summary>The demo symphony of DSL.md §0, as the file demo.clj.</summary>
    public const string Demo = """
        (defsymphony "Demo" {:asset-class "EQUITIES" :rebalance-frequency :daily}
          (weight-specified
            0.6 (if (> (rsi "AAA" {:window 3}) 80)
                  [(asset "BBB")]
                  [(asset "AAA")])
            0.4 (filter (rsi {:window 5}) (select-top 1)
                  [(asset "AAA") (asset "BBB") (asset "CCC")])))
        """;

    public const string Steady = """(group "Steady" [(weight-equal [(asset "AAA")])])""";

    public const string Switch = """(group "Switch" [(weight-equal [(if (> (current-price "AAA") 108) [(asset "BBB")] [(asset "AAA")])])])""";

    /// <summary>Wraps a body expression into a symphony file.</summary>
    public static string Symphony(string body) => $"(defsymphony \"t\" {{}} {body})";
}
