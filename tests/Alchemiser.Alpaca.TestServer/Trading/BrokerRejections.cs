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

    public static async Task<AlpacaApiException> ToApiAsync(OrderRejectedException rejection, OrderSide side, string symbol, IBroker broker, CancellationToken cancellationToken)
    {
        switch (rejection.Reason)
        {
            case RejectionReason.InsufficientBuyingPower when side == OrderSide.Buy:
                return new AlpacaApiException(403, Faults.Fault.InsufficientBuyingPowerCode, "insufficient buying power");
            case RejectionReason.InsufficientBuyingPower:
                var message = rejection.Message.StartsWith(InsufficientQuantity, StringComparison.Ordinal) ? rejection.Message : InsufficientQuantity;
                return new AlpacaApiException(403, Faults.Fault.InsufficientBuyingPowerCode, message);
            case RejectionReason.DuplicateClientOrderId:
                return AlpacaApiException.Unprocessable("client_order_id must be unique");
            case RejectionReason.UnknownAsset:
                return await broker.GetAssetAsync(symbol, cancellationToken) is null
                    ? AlpacaApiException.Unprocessable($"asset \"{symbol}\" not found")
                    : AlpacaApiException.Unprocessable($"asset \"{symbol}\" is not tradable");
            case RejectionReason.NotFractionable:
                return AlpacaApiException.Unprocessable($"asset \"{symbol}\" is not fractionable");
            case RejectionReason.MarketClosed:
                return AlpacaApiException.Unprocessable("market is closed");
            default:
                return AlpacaApiException.Unprocessable(rejection.Message);
        }
    }
}
