namespace Alchemiser.Local.Brokerage;

/// <summary>How the paper broker behaves.</summary>
public sealed record PaperBrokerOptions
{
    /// <summary>The cash a new account starts with; used only when the database has no account yet. Default 100,000.</summary>
    public decimal InitialCash { get; init; } = 100_000m;

    /// <summary>The account's id; a database holds one account and refuses to be opened under another id. Default "paper".</summary>
    public string AccountId { get; init; } = "paper";

    /// <summary>How long an order takes to reach the market: it cannot fill before it was submitted plus this. Default 250 ms.</summary>
    public TimeSpan OrderLatency { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The matching grid: open orders meet the market at every whole multiple of this interval (UTC). Default 1 s.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Symbols the broker trades in whole shares only, whatever the market model says.</summary>
    public IReadOnlySet<string> NonFractionable { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Symbols the broker does not trade, whatever the market model says.</summary>
    public IReadOnlySet<string> NotTradable { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Throws when a setting is out of range.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(InitialCash, nameof(InitialCash));
        ArgumentException.ThrowIfNullOrWhiteSpace(AccountId, nameof(AccountId));
        ArgumentOutOfRangeException.ThrowIfLessThan(OrderLatency, TimeSpan.Zero, nameof(OrderLatency));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TickInterval, TimeSpan.Zero, nameof(TickInterval));
        ArgumentNullException.ThrowIfNull(NonFractionable, nameof(NonFractionable));
        ArgumentNullException.ThrowIfNull(NotTradable, nameof(NotTradable));
    }
}
