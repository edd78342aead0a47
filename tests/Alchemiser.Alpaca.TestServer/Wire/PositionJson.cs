namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>One element of GET /v2/positions (components/schemas/Position).</summary>
internal sealed record PositionJson
{
    public required string AssetId { get; init; }

    public required string Symbol { get; init; }

    public required string Exchange { get; init; }

    public required string AssetClass { get; init; }

    public required bool AssetMarginable { get; init; }

    public required string Qty { get; init; }

    public required string QtyAvailable { get; init; }

    public required string AvgEntryPrice { get; init; }

    public required string Side { get; init; }

    public required string MarketValue { get; init; }

    public required string CostBasis { get; init; }

    public required string UnrealizedPl { get; init; }

    public required string UnrealizedPlpc { get; init; }

    public required string UnrealizedIntradayPl { get; init; }

    public required string UnrealizedIntradayPlpc { get; init; }

    public required string CurrentPrice { get; init; }

    public required string LastdayPrice { get; init; }

    public required string ChangeToday { get; init; }
}
