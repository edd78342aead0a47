using System.Globalization;
using Alchemiser.Core.Sessions;

namespace Alchemiser.Local.Tests.Sessions;

/// <summary>Sessions and results for the store tests.</summary>
internal static class SessionSamples
{
    public static readonly DateOnly Date = new(2024, 3, 15);

    /// <summary>15:30 New York on <see cref="Date"/>, in UTC.</summary>
    public static readonly DateTimeOffset Start = new(2024, 3, 15, 19, 30, 0, TimeSpan.Zero);

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public static string StrategyId(int index) => "s" + index.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary><paramref name="count"/> strategies s01, s02, ... with equal weights (1/count, all 28 digits of it).</summary>
    public static SessionStrategy[] Strategies(int count) =>
        Enumerable.Range(1, count).Select(i => new SessionStrategy(StrategyId(i), $"strategies/{StrategyId(i)}.clj", 1m / count)).ToArray();

    public static AggregationSession NewSession(
        string sessionId, int strategies = 3, string stage = "paper", DateOnly? tradingDate = null, DateTimeOffset? createdAt = null) =>
        AggregationSession.Start(
            sessionId, "corr-" + sessionId, tradingDate ?? Date, stage, "abort", Strategies(strategies), createdAt ?? Start, TimeSpan.FromMinutes(10));

    public static StrategyResult Success(string strategyId, string eventId, params (string Symbol, decimal Weight)[] allocation) =>
        new(strategyId, true, allocation.ToDictionary(a => a.Symbol, a => a.Weight, StringComparer.Ordinal), null, null, eventId, Start.AddSeconds(5));

    public static StrategyResult Success(string strategyId, string eventId = "e1") => Success(strategyId, eventId, ("SPY", 1m));

    public static StrategyResult Failure(string strategyId, string eventId, string category, string reason) =>
        new(strategyId, false, null, category, reason, eventId, Start.AddSeconds(7));
}
