namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>GET /v2/assets/{symbol_or_asset_id} (components/schemas/Assets).</summary>
internal sealed record AssetJson
{
    public required string Id { get; init; }

    public required string Class { get; init; }

    public required string Exchange { get; init; }

    public required string Symbol { get; init; }

    public required string Name { get; init; }

    public required string Status { get; init; }

    public required bool Tradable { get; init; }

    public required bool Marginable { get; init; }

    public required bool Shortable { get; init; }

    public required bool EasyToBorrow { get; init; }

    public required bool Fractionable { get; init; }

    public required IReadOnlyList<string> Attributes { get; init; }
}
