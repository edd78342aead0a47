using System.Text.Json;
using Alchemiser.Core.Trading;

namespace Alchemiser.Local.Ledger;

/// <summary>The JSON text of a fill's strategy attribution, both ways.</summary>
internal static class LedgerJson
{
    public static string Attribution(IReadOnlyList<StrategyAttribution> attribution) =>
        JsonSerializer.Serialize(attribution, LedgerJsonContext.Default.IReadOnlyListStrategyAttribution);

    public static IReadOnlyList<StrategyAttribution> ReadAttribution(string json) =>
        Array.AsReadOnly(
            JsonSerializer.Deserialize(json, LedgerJsonContext.Default.StrategyAttributionArray)
            ?? throw new JsonException("the stored attribution is null"));
}
