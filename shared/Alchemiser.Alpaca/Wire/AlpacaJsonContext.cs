using System.Text.Json.Serialization;

namespace Alchemiser.Alpaca.Wire;

/// <summary>
/// Source-generated JSON for every Alpaca shape the client reads or writes: snake_case names, absent optional fields
/// not written (a market order sends no <c>limit_price</c>), unknown fields ignored on reading.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccountJson))]
[JsonSerializable(typeof(List<PositionJson>))]
[JsonSerializable(typeof(OrderJson))]
[JsonSerializable(typeof(List<OrderJson>))]
[JsonSerializable(typeof(NewOrderJson))]
[JsonSerializable(typeof(ReplaceOrderJson))]
[JsonSerializable(typeof(List<CanceledOrderJson>))]
[JsonSerializable(typeof(ClockJson))]
[JsonSerializable(typeof(List<CalendarDayJson>))]
[JsonSerializable(typeof(AssetJson))]
[JsonSerializable(typeof(BarsPageJson))]
[JsonSerializable(typeof(LatestQuotesJson))]
[JsonSerializable(typeof(LatestTradesJson))]
internal sealed partial class AlpacaJsonContext : JsonSerializerContext;
