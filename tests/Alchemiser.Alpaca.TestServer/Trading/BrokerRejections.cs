using Alchemiser.Alpaca.TestServer.Http;
using Alchemiser.Core.Brokerage;

namespace Alchemiser.Alpaca.TestServer.Trading;

/// <summary>
/// The broker's refusals in Alpaca's words: not enough money or shares → 403 40310000; everything else → 422 40010001
/// (a reused client order id, an unknown or untradable asset, fractions of a whole-share asset, the market closed,
/// a malformed order with the broker's own explanation).
/// </summary>
internal static class BrokerRejections
{
    private const string InsufficientQuantity = "insufficient qty available for order";

    public static async Task<AlpacaErrorResponse> ToApiAsync(OrderRejectedException rejection, OrderSide side, string symbol, IBroker broker, CancellationToken cancellationToken)
    {
        switch (rejection.Reason)
        {
            case RejectionReason.InsufficientBuyingPower when side == OrderSide.Buy:
                return new AlpacaErrorResponse(403, Faults.Fault.InsufficientBuyingPowerCode, "insufficient buying power");
            case RejectionReason.InsufficientBuyingPower:
                var message = rejection.Message.StartsWith(InsufficientQuantity, StringComparison.Ordinal) ? rejection.Message : InsufficientQuantity;
                return new AlpacaErrorResponse(403, Faults.Fault.InsufficientBuyingPowerCode, message);
            case RejectionReason.DuplicateClientOrderId:
                return AlpacaErrorResponse.Unprocessable("client_order_id must be unique");
            case RejectionReason.UnknownAsset:
                return await broker.GetAssetAsync(symbol, cancellationToken) is null
                    ? AlpacaErrorResponse.Unprocessable($"asset \"{symbol}\" not found")
                    : AlpacaErrorResponse.Unprocessable($"asset \"{symbol}\" is not tradable");
            case RejectionReason.NotFractionable:
                return AlpacaErrorResponse.Unprocessable($"asset \"{symbol}\" is not fractionable");
            case RejectionReason.MarketClosed:
                return AlpacaErrorResponse.Unprocessable("market is closed");
            default:
                return AlpacaErrorResponse.Unprocessable(rejection.Message);
        }
    }
}
