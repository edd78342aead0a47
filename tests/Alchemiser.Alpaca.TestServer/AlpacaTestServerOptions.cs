using Alchemiser.Core.Brokerage;
using Alchemiser.Core.MarketData;
using Alchemiser.Core.Time;
using Alchemiser.Local.MarketData;

namespace Alchemiser.Alpaca.TestServer;

/// <summary>What an <see cref="AlpacaTestServer"/> serves and how strict it is.</summary>
public sealed record AlpacaTestServerOptions
{
    /// <summary>The account behind the trading API, normally a paper broker on a simulated clock the test also moves.</summary>
    public required IBroker Broker { get; init; }

    /// <summary>Where <c>/v2/stocks/bars</c> reads daily bars from. Default: an empty in-memory store.</summary>
    public IBarStore Bars { get; init; } = new InMemoryBarStore();

    /// <summary>The key id a request must present in <c>APCA-API-KEY-ID</c>.</summary>
    public required string KeyId { get; init; }

    /// <summary>The secret a request must present in <c>APCA-API-SECRET-KEY</c>; never stored, echoed or journaled.</summary>
    public required string SecretKey { get; init; }

    /// <summary>The most bars one <c>/v2/stocks/bars</c> page holds, whatever <c>limit</c> asks (small values make paging tests cheap). Default 10,000, Alpaca's maximum.</summary>
    public int BarsPageSize { get; init; } = 10_000;

    /// <summary>Authorized requests admitted in any rolling minute; the next one gets 429. Default 200, Alpaca's limit.</summary>
    public int RequestsPerMinute { get; init; } = 200;

    /// <summary>
    /// The server's now: journal timestamps, the rate-limit window and its reset header, and the default start and end
    /// of bar requests. Pass the simulated clock the broker runs on to keep a test deterministic. Default: the system clock.
    /// </summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>How a <see cref="Faults.DelayFault"/> waits. A simulated clock advances itself instead of sleeping. Default: the system timer.</summary>
    public IDelay Delay { get; init; } = SystemDelay.Instance;

    /// <summary>Throws when a setting is missing or out of range.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Broker, nameof(Broker));
        ArgumentNullException.ThrowIfNull(Bars, nameof(Bars));
        ArgumentException.ThrowIfNullOrWhiteSpace(KeyId, nameof(KeyId));
        ArgumentException.ThrowIfNullOrWhiteSpace(SecretKey, nameof(SecretKey));
        ArgumentOutOfRangeException.ThrowIfLessThan(BarsPageSize, 1, nameof(BarsPageSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(RequestsPerMinute, 1, nameof(RequestsPerMinute));
        ArgumentNullException.ThrowIfNull(Clock, nameof(Clock));
        ArgumentNullException.ThrowIfNull(Delay, nameof(Delay));
    }
}
