using Alchemiser.Core.MarketData;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>A bar store that counts how often each series is read.</summary>
internal sealed class CountingBarStore(IBarStore inner) : IBarStore
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public IReadOnlyList<string> Symbols() => inner.Symbols();

    public bool Contains(string symbol) => inner.Contains(symbol);

    public IReadOnlyList<DailyBar> GetBars(string symbol)
    {
        Interlocked.Increment(ref _reads);
        return inner.GetBars(symbol);
    }
}
