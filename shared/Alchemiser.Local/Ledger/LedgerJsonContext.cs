using System.Text.Json.Serialization;
using Alchemiser.Core.Trading;

namespace Alchemiser.Local.Ledger;

/// <summary>
/// Source-generated JSON for the part of a fill the SQLite ledger keeps as JSON text: its strategy attribution.
/// Decimals are JSON numbers written with their full digits and scale, so they read back exactly.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(IReadOnlyList<StrategyAttribution>))]
[JsonSerializable(typeof(StrategyAttribution[]))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
