using Alchemiser.Core.Time;

namespace Alchemiser.Functions.Tests.Support;

/// <summary>A clock tests set and advance.</summary>
public sealed class FakeClock(DateTimeOffset now) : IClock
{
    public DateTimeOffset UtcNow { get; private set; } = now;

    public void Advance(TimeSpan by) => UtcNow += by;

    /// <summary>15:30 New York on <paramref name="date"/>, the schedule's time.</summary>
    public static FakeClock At1530NewYork(DateOnly date)
    {
        var local = date.ToDateTime(new TimeOnly(15, 30));
        return new FakeClock(new DateTimeOffset(local, MarketTime.NewYork.GetUtcOffset(local)));
    }
}
