using Alchemiser.Core.Brokerage;

namespace Alchemiser.Execution;

/// <summary>
/// What execution knows about one planned trade while it walks it: how much to trade (whole shares walked through the
/// limit steps, a fractional remainder sent at market), every broker order of the trade by id with its latest state,
/// which of them is the current limit step, the market order and the fractional order, and why part of it failed.
/// </summary>
internal sealed class TradeWalk
{
    private readonly Dictionary<string, BrokerOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ranks = new(StringComparer.Ordinal);
    private readonly List<string> _failures = [];

    public TradeWalk(PlannedOrder order)
    {
        Order = order;
        SetTarget(order.Trade.Quantity);
    }

    public PlannedOrder Order { get; }

    public string Symbol => Order.Symbol;

    public OrderSide Side => Order.Side;

    public ClientOrderIds Ids => Order.Ids;

    /// <summary>The quantity this delivery means to trade: the plan's, or less when the buy phase was scaled to buying power.</summary>
    public decimal Target { get; private set; }

    /// <summary>The whole shares walked through the limit steps (and the market step for what they leave).</summary>
    public decimal Whole { get; private set; }

    /// <summary>The fractional remainder, sent at once as a market order.</summary>
    public decimal Fraction { get; private set; }

    /// <summary>The mid of the quote when the trade's phase began; null when there was no usable quote.</summary>
    public decimal? ArrivalMid { get; set; }

    /// <summary>The limit step the whole shares have reached (0 before the first).</summary>
    public int LimitStep { get; private set; }

    /// <summary>No further limit step will be placed (no price, a refused replace, the shares filled, or the market step was reached).</summary>
    public bool LimitWalkEnded { get; private set; }

    /// <summary>No further order for the whole shares will be placed (the broker refused one).</summary>
    public bool WholeClosed { get; private set; }

    /// <summary>No further order for the fractional remainder will be placed.</summary>
    public bool FractionClosed { get; private set; }

    public BrokerOrder? LimitOrder => Get(LimitOrderId);

    public BrokerOrder? MarketOrder => Get(MarketOrderId);

    public BrokerOrder? FractionOrder => Get(FractionOrderId);

    public string? LimitOrderId { get; private set; }

    public string? MarketOrderId { get; private set; }

    public string? FractionOrderId { get; private set; }

    /// <summary>Whether any order of the trade exists at the broker.</summary>
    public bool Started => _orders.Count > 0;

    /// <summary>Every order of the trade: limit steps in order, then the market order, then the fractional one.</summary>
    public IEnumerable<BrokerOrder> Orders => _orders.Values.OrderBy(o => _ranks[o.Id]).ThenBy(o => o.Id, StringComparer.Ordinal);

    /// <summary>Shares filled by the orders for the whole shares (limit steps and the market order).</summary>
    public decimal WholeFilled => _orders.Values.Where(o => !string.Equals(o.Id, FractionOrderId, StringComparison.Ordinal)).Sum(o => o.FilledQuantity);

    /// <summary>Shares filled by every order of the trade.</summary>
    public decimal Filled => _orders.Values.Sum(o => o.FilledQuantity);

    /// <summary>Whole shares still to trade.</summary>
    public decimal WholeRemaining => Math.Max(0m, Whole - WholeFilled);

    /// <summary>What is left unfilled of <see cref="Target"/>.</summary>
    public decimal Unfilled => Math.Max(0m, Target - Filled);

    /// <summary>Why part of the trade failed, in the order it happened.</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Sets the quantity to trade and splits it into whole shares and a fractional remainder.</summary>
    public void SetTarget(decimal quantity)
    {
        Target = quantity;
        Whole = Math.Truncate(quantity);
        Fraction = quantity - Whole;
    }

    /// <summary>Takes the quantities of a trade a previous delivery started from its orders (see <see cref="ExecutionService"/>).</summary>
    public void TakeQuantitiesFromOrders()
    {
        var firstWhole = Get(_orders.Keys.Where(id => !string.Equals(id, FractionOrderId, StringComparison.Ordinal)).OrderBy(id => _ranks[id]).FirstOrDefault());
        Whole = firstWhole?.Quantity ?? Whole;
        Fraction = FractionOrder?.Quantity ?? Fraction;
        Target = Whole + Fraction;
    }

    /// <summary>Adopts <paramref name="order"/> as limit step <paramref name="step"/>.</summary>
    public void AdoptLimit(BrokerOrder order, int step)
    {
        Track(order, step);
        LimitOrderId = order.Id;
        LimitStep = step;
    }

    /// <summary>Adopts <paramref name="order"/> as the market order for the whole shares left.</summary>
    public void AdoptMarket(BrokerOrder order)
    {
        Track(order, Ids.LimitSteps + 1);
        MarketOrderId = order.Id;
        LimitWalkEnded = true;
    }

    /// <summary>Adopts <paramref name="order"/> as the fractional remainder's order.</summary>
    public void AdoptFraction(BrokerOrder order)
    {
        Track(order, Ids.LimitSteps + 2);
        FractionOrderId = order.Id;
    }

    /// <summary>Takes the latest state of an order of this trade.</summary>
    public void Update(BrokerOrder order)
    {
        if (!_orders.ContainsKey(order.Id))
        {
            throw new InvalidOperationException($"order {order.Id} is not an order of the {Order.SideText} of {Symbol}");
        }

        _orders[order.Id] = order;
    }

    public void EndLimitWalk() => LimitWalkEnded = true;

    /// <summary>The broker refused an order for the whole shares: no more are placed for them.</summary>
    public void CloseWhole(string reason)
    {
        WholeClosed = true;
        LimitWalkEnded = true;
        _failures.Add(reason);
    }

    /// <summary>The broker refused the fractional order.</summary>
    public void CloseFraction(string reason)
    {
        FractionClosed = true;
        _failures.Add(reason);
    }

    /// <summary>Nothing of the trade is placed (scaled to nothing).</summary>
    public void Abandon(string reason)
    {
        WholeClosed = true;
        FractionClosed = true;
        LimitWalkEnded = true;
        _failures.Add(reason);
    }

    /// <summary>Notes why the trade will end with less than its target (the order still goes ahead).</summary>
    public void NoteShortfall(string reason) => _failures.Add(reason);

    /// <summary>The whole shares were cut to <paramref name="wholeShares"/> in all (what the account could pay).</summary>
    public void ShrinkWhole(decimal wholeShares) => Whole = wholeShares;

    /// <summary>The fractional remainder was cut to <paramref name="fraction"/> (what the account could pay).</summary>
    public void ShrinkFraction(decimal fraction) => Fraction = fraction;

    private void Track(BrokerOrder order, int rank)
    {
        _orders[order.Id] = order;
        _ranks[order.Id] = rank;
    }

    private BrokerOrder? Get(string? id) => id is not null && _orders.TryGetValue(id, out var order) ? order : null;
}
