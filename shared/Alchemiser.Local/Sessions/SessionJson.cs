using System.Text.Json;
using Alchemiser.Core.Sessions;

namespace Alchemiser.Local.Sessions;

/// <summary>The JSON text of a session's strategies and of a result's allocation, both ways.</summary>
internal static class SessionJson
{
    public static string Strategies(IReadOnlyList<SessionStrategy> strategies) =>
        JsonSerializer.Serialize(strategies, SessionJsonContext.Default.IReadOnlyListSessionStrategy);

    public static IReadOnlyList<SessionStrategy> ReadStrategies(string json) =>
        CanonicalSession.ReadOnly(
            JsonSerializer.Deserialize(json, SessionJsonContext.Default.SessionStrategyArray)
            ?? throw new JsonException("the stored strategies are null"));

    /// <summary>The allocation as a JSON object with its keys in ordinal order.</summary>
    public static string? Allocation(IReadOnlyDictionary<string, decimal>? allocation) =>
        allocation is null
            ? null
            : JsonSerializer.Serialize(CanonicalSession.Allocation(allocation), SessionJsonContext.Default.IReadOnlyDictionaryStringDecimal);

    public static IReadOnlyDictionary<string, decimal>? ReadAllocation(string? json) =>
        json is null
            ? null
            : CanonicalSession.Allocation(
                JsonSerializer.Deserialize(json, SessionJsonContext.Default.DictionaryStringDecimal)
                ?? throw new JsonException("the stored allocation is null"));
}
