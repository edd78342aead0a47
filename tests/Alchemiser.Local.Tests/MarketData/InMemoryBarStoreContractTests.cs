using Alchemiser.Core.MarketData;
using Alchemiser.Local.MarketData;

namespace Alchemiser.Local.Tests.MarketData;

/// <summary>The contract on <see cref="InMemoryBarStore"/>.</summary>
public sealed class InMemoryBarStoreContractTests : BarStoreContract
{
    protected override IBarStore CreateStore(IReadOnlyDictionary<string, DailyBar[]> series) =>
        new InMemoryBarStore(series.Select(p => new KeyValuePair<string, IReadOnlyList<DailyBar>>(p.Key, p.Value)));
}
