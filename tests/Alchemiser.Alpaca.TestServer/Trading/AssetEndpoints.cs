using Alchemiser.Alpaca.TestServer.Http;
using Alchemiser.Alpaca.TestServer.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>
/// GET /v2/assets/{symbol_or_asset_id}: the broker's view of a symbol (or of an asset id the server handed out) as a
/// US equity; 404 <c>asset not found</c> when the broker does not know it. Not marginable or shortable (a cash account).
/// </summary>
internal sealed class AssetEndpoints(ServerState state)
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/v2/assets/{symbol_or_asset_id}", new RequestDelegate(AssetAsync));

    private async Task AssetAsync(HttpContext context)
    {
        var key = context.Request.RouteValues["symbol_or_asset_id"] as string ?? string.Empty;
        var symbol = state.Ids.SymbolOfAssetId(key) ?? key;
        var asset = await state.Broker.GetAssetAsync(symbol, state.Stopping) ?? throw AlpacaErrorResponse.NotFound("asset not found");
        var json = new AssetJson
        {
            Id = state.Ids.AssetId(asset.Symbol),
            Class = "us_equity",
            Exchange = AccountEndpoints.Exchange,
            Symbol = asset.Symbol,
            Name = asset.Symbol,
            Status = "active",
            Tradable = asset.Tradable,
            Marginable = false,
            Shortable = false,
            EasyToBorrow = false,
            Fractionable = asset.Fractionable,
            Attributes = [],
        };
        await ResponseWriter.OkAsync(context, json, AlpacaJsonContext.Default.AssetJson);
    }
}
