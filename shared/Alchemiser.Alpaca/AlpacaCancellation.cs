namespace Alchemiser.Alpaca;

/// <summary>What Alpaca answered for one order of a cancel-all: the order id and the HTTP status of its cancel (200: asked to cancel).</summary>
public sealed record AlpacaCancellation(string OrderId, int StatusCode)
{
    /// <summary>Alpaca took the cancel request for this order.</summary>
    public bool IsAccepted => StatusCode is >= 200 and < 300;
}
