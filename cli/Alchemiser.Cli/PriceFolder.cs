using Alchemiser.Dsl.Pricing;
using Alchemiser.Local.MarketData;

namespace Alchemiser.Cli;

/// <summary>A CSV price folder opened for the engine: one bar store, one price source over it.</summary>
public sealed class PriceFolder
{
    private PriceFolder(string path)
    {
        Path = path;
        Store = new CsvBarStore(path);
        Prices = new BarStorePriceSource(Store);
    }

    public string Path { get; }

    public CsvBarStore Store { get; }

    public IPriceSource Prices { get; }

    public static PriceFolder Open(string path) =>
        new(CliParsing.ExistingFolder(path, "--prices", "create one with: alchemiser data synth --out " + path + " --strategies strategies/"));
}
