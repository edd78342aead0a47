using System.Text.Json.Serialization;

namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>Source-generated JSON for everything the server sends: snake_case names, nulls written (Alpaca sends them).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(AccountJson))]
[JsonSerializable(typeof(IReadOnlyList<PositionJson>))]
[JsonSerializable(typeof(OrderJson))]
[JsonSerializable(typeof(IReadOnlyList<OrderJson>))]
[JsonSerializable(typeof(IReadOnlyList<CanceledOrderJson>))]
[JsonSerializable(typeof(ClockJson))]
[JsonSerializable(typeof(IReadOnlyList<CalendarDayJson>))]
[JsonSerializable(typeof(AssetJson))]
[JsonSerializable(typeof(BarsPageJson))]
[JsonSerializable(typeof(LatestQuotesJson))]
[JsonSerializable(typeof(LatestTradesJson))]
internal sealed partial class AlpacaJsonContext : JsonSerializerContext;
