using Alchemiser.Core.MarketData;
using Alchemiser.Local.MarketData;

namespace Alchemiser.Local.Tests.MarketData;

/// <summary>The contract on <see cref="CsvBarStore"/>, over files its writer wrote.</summary>
public sealed class CsvBarStoreContractTests : BarStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alchemiser-bars-contract-").FullName;

    protected override IBarStore CreateStore(IReadOnlyDictionary<string, DailyBar[]> series)
    {
        foreach (var (symbol, bars) in series)
        {
            CsvBarWriter.WriteSymbol(_folder, symbol, bars);
        }

        return new CsvBarStore(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
