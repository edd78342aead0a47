using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Time;

namespace Alchemiser.Execution;

/// <summary>
/// Walks the trades of one phase through the spread in lock-step, so one wait covers every order of the phase: limit
/// step 1 for the whole shares (and the fractional remainder at market), a wait, then each further step replaces every
/// order still open with what is left at the next step's price; then the market step cancels what is still open, waits
/// for the cancels, sends a market order for the whole shares left and waits for every market order to be final.
/// </summary>
/// <remarks>
/// Before any order is submitted or replaced its client order id is looked up, and an order found is adopted instead of
/// placing a second one; a broker that reports the id as used is asked for that order too. A buy the broker refuses for
/// buying power is cut to what the refreshed buying power pays and sent once more. Any other refusal closes that part
/// of the trade, with the broker's message as the reason.
/// </remarks>
internal sealed class SpreadWalker(IBroker broker, IClock clock, IDelay delay, ExecutionSettings settings)
{
    /// <summary>The reason of a buy that the account cannot pay for.</summary>
    public const string InsufficientBuyingPower = "insufficient buying power";

    /// <summary>The quotes (and last trades where needed) of the walks' symbols now.</summary>
    public Task<MarketSnapshot> SnapshotAsync(IEnumerable<TradeWalk> walks, CancellationToken cancellationToken) =>
        MarketSnapshot.TakeAsync(
            broker,
            walks.Select(w => w.Symbol).Distinct(StringComparer.Ordinal).ToList(),
            clock.UtcNow,
            settings.QuoteStalenessLimit,
            cancellationToken);

    /// <summary>
    /// Adopts what an earlier delivery placed for each walk: the chain of limit steps from step 1 for as long as the
    /// next step exists, the market order and the fractional order.
    /// </summary>
    public async Task ResumeAsync(IReadOnlyList<TradeWalk> walks, CancellationToken cancellationToken)
    {
        foreach (var walk in walks)
        {
            for (var step = 1; step <= walk.Ids.LimitSteps; step++)
            {
                var order = await FindAsync(walk.Ids.Limit(step), cancellationToken).ConfigureAwait(false);
                if (order is null)
                {
                    break;
                }

                walk.AdoptLimit(order, step);
            }

            if (walk.LimitOrder is { Status: OrderStatus.Replaced } replaced)
            {
                throw new InvalidOperationException(
                    $"order {replaced.Id} ({replaced.ClientOrderId}) was replaced by {replaced.ReplacedBy}, but the broker has no order for the next step's client id");
            }

            if (await FindAsync(walk.Ids.Market, cancellationToken).ConfigureAwait(false) is { } market)
            {
                walk.AdoptMarket(market);
            }

            if (await FindAsync(walk.Ids.Fractional, cancellationToken).ConfigureAwait(false) is { } fraction)
            {
                walk.AdoptFraction(fraction);
            }
        }
    }

    /// <summary>Walks every trade of the phase to a final state. <paramref name="arrival"/> prices step 1 and gives the arrival mids.</summary>
    /// <exception cref="OrderNotFinalException">A cancel or a market order did not become final in time.</exception>
    public async Task WalkAsync(IReadOnlyList<TradeWalk> walks, MarketSnapshot arrival, CancellationToken cancellationToken)
    {
        foreach (var walk in walks)
        {
            walk.ArrivalMid = arrival.Mid(walk.Symbol);
        }

        for (var step = 1; step <= settings.StepFractions.Count; step++)
        {
            var placedOpen = await LimitStepAsync(walks, step, arrival, cancellationToken).ConfigureAwait(false);
            if (step == 1)
            {
                foreach (var walk in walks)
                {
                    await FractionAsync(walk, cancellationToken).ConfigureAwait(false);
                }
            }

            if (!placedOpen)
            {
                continue;
            }

            await delay.DelayAsync(settings.StepWait, cancellationToken).ConfigureAwait(false);
            foreach (var walk in walks)
            {
                if (walk.LimitOrder is { IsOpen: true } open)
                {
                    walk.Update(await broker.GetOrderAsync(open.Id, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        await MarketStepAsync(walks, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Looks again at every order of the walks whose last known state is open.</summary>
    public async Task RefreshOpenAsync(IEnumerable<TradeWalk> walks, CancellationToken cancellationToken)
    {
        foreach (var walk in walks)
        {
            foreach (var order in walk.Orders.Where(o => o.IsOpen).ToList())
            {
                walk.Update(await broker.GetOrderAsync(order.Id, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    private static bool ReadyFor(TradeWalk walk, int step) =>
        !walk.LimitWalkEnded
        && !walk.WholeClosed
        && walk.Whole > 0m
        && walk.LimitStep == step - 1
        && (step == 1 || walk.LimitOrder is { IsOpen: true });

    /// <summary>Places step <paramref name="step"/> for every walk ready for it; true when an order placed now is open.</summary>
    private async Task<bool> LimitStepAsync(IReadOnlyList<TradeWalk> walks, int step, MarketSnapshot arrival, CancellationToken cancellationToken)
    {
        var ready = walks.Where(w => ReadyFor(w, step)).ToList();
        if (ready.Count == 0)
        {
            return false;
        }

        var prices = step == 1 ? arrival : await SnapshotAsync(ready, cancellationToken).ConfigureAwait(false);
        var placedOpen = false;
        foreach (var walk in ready)
        {
            if (prices.StepPrice(walk.Symbol, walk.Side, settings.StepFractions[step - 1]) is not { } price)
            {
                walk.EndLimitWalk(); // neither a usable quote nor a last trade: straight to the market step
                continue;
            }

            var placed = step == 1
                ? await FirstStepAsync(walk, price, cancellationToken).ConfigureAwait(false)
                : await ReplaceAsync(walk, step, price, cancellationToken).ConfigureAwait(false);
            placedOpen |= placed is { IsOpen: true };
        }

        return placedOpen;
    }

    /// <summary>Submits limit step 1 for the whole shares; the order when one was placed now.</summary>
    private async Task<BrokerOrder?> FirstStepAsync(TradeWalk walk, decimal price, CancellationToken cancellationToken)
    {
        var request = OrderRequest.Limit(walk.Ids.Limit(1), walk.Symbol, walk.Side, walk.Whole, price);
        var submission = await PlaceAsync(walk, request, fractionLeg: false, cancellationToken).ConfigureAwait(false);
        if (submission.Order is { } order)
        {
            walk.AdoptLimit(order, 1);
        }

        return submission.Placed ? submission.Order : null;
    }

    /// <summary>Replaces the open limit order with what is left at step <paramref name="step"/>'s price; the new order when one was placed now.</summary>
    private async Task<BrokerOrder?> ReplaceAsync(TradeWalk walk, int step, decimal price, CancellationToken cancellationToken)
    {
        var clientOrderId = walk.Ids.Limit(step);
        if (await FindAsync(clientOrderId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            walk.AdoptLimit(existing, step);
            return null;
        }

        var current = walk.LimitOrder!;
        var remaining = walk.WholeRemaining;
        if (remaining <= 0m)
        {
            walk.EndLimitWalk();
            return null;
        }

        try
        {
            var replacement = await broker.ReplaceOrderAsync(current.Id, new OrderReplacement(clientOrderId, remaining, price), cancellationToken).ConfigureAwait(false);
            walk.AdoptLimit(replacement, step);
            walk.Update(await broker.GetOrderAsync(current.Id, cancellationToken).ConfigureAwait(false)); // what the replaced order filled in the end
            return replacement;
        }
        catch (OrderRejectedException refused)
        {
            if (refused.Reason == RejectionReason.DuplicateClientOrderId
                && await FindAsync(clientOrderId, cancellationToken).ConfigureAwait(false) is { } raced)
            {
                walk.AdoptLimit(raced, step);
                return null;
            }

            // Filled or gone in the meantime, or the broker will not move it: the market step deals with what is left.
            walk.Update(await broker.GetOrderAsync(current.Id, cancellationToken).ConfigureAwait(false));
            walk.EndLimitWalk();
            return null;
        }
    }

    /// <summary>Sends the fractional remainder at market (step <c>f</c>) once.</summary>
    private async Task FractionAsync(TradeWalk walk, CancellationToken cancellationToken)
    {
        if (walk.Fraction <= 0m || walk.FractionOrderId is not null || walk.FractionClosed)
        {
            return;
        }

        var request = OrderRequest.Market(walk.Ids.Fractional, walk.Symbol, walk.Side, walk.Fraction);
        var submission = await PlaceAsync(walk, request, fractionLeg: true, cancellationToken).ConfigureAwait(false);
        if (submission.Order is { } order)
        {
            walk.AdoptFraction(order);
        }
    }

    /// <summary>Cancels the limit orders still open, waits for the cancels, sends the whole shares left at market and waits for every market order.</summary>
    private async Task MarketStepAsync(IReadOnlyList<TradeWalk> walks, CancellationToken cancellationToken)
    {
        var cancelled = new List<(TradeWalk Walk, string OrderId)>();
        foreach (var walk in walks)
        {
            if (walk.MarketOrderId is null && walk.LimitOrder is { IsOpen: true } open)
            {
                await broker.CancelOrderAsync(open.Id, cancellationToken).ConfigureAwait(false);
                cancelled.Add((walk, open.Id));
            }
        }

        await AwaitFinalAsync(cancelled, cancellationToken).ConfigureAwait(false);

        var final = new List<(TradeWalk Walk, string OrderId)>();
        foreach (var walk in walks)
        {
            walk.EndLimitWalk();
            if (walk.MarketOrderId is null && !walk.WholeClosed && walk.WholeRemaining > 0m)
            {
                var request = OrderRequest.Market(walk.Ids.Market, walk.Symbol, walk.Side, walk.WholeRemaining);
                var submission = await PlaceAsync(walk, request, fractionLeg: false, cancellationToken).ConfigureAwait(false);
                if (submission.Order is { } order)
                {
                    walk.AdoptMarket(order);
                }
            }

            foreach (var order in new[] { walk.MarketOrder, walk.FractionOrder })
            {
                if (order is { IsOpen: true })
                {
                    final.Add((walk, order.Id));
                }
            }
        }

        await AwaitFinalAsync(final, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls the orders until every one is final; throws when one is still open after the final-state timeout.</summary>
    private async Task AwaitFinalAsync(List<(TradeWalk Walk, string OrderId)> orders, CancellationToken cancellationToken)
    {
        var deadline = clock.UtcNow + settings.FinalStateTimeout;
        var pending = orders;
        while (pending.Count > 0)
        {
            var stillOpen = new List<(TradeWalk Walk, string OrderId)>();
            BrokerOrder? firstOpen = null;
            foreach (var (walk, orderId) in pending)
            {
                var order = await broker.GetOrderAsync(orderId, cancellationToken).ConfigureAwait(false);
                walk.Update(order);
                if (order.IsOpen)
                {
                    stillOpen.Add((walk, orderId));
                    firstOpen ??= order;
                }
            }

            if (firstOpen is not null && clock.UtcNow >= deadline)
            {
                throw new OrderNotFinalException(firstOpen, settings.FinalStateTimeout);
            }

            pending = stillOpen;
            if (pending.Count > 0)
            {
                await delay.DelayAsync(settings.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Submits <paramref name="request"/> unless its client id exists; a buy refused for buying power is cut to what the
    /// refreshed buying power pays and sent once more; any other refusal closes that part of the trade.
    /// </summary>
    private async Task<Submission> PlaceAsync(TradeWalk walk, OrderRequest request, bool fractionLeg, CancellationToken cancellationToken)
    {
        var submission = await SubmitOnceAsync(request, cancellationToken).ConfigureAwait(false);
        if (submission.Refusal is { Reason: RejectionReason.InsufficientBuyingPower } && walk.Side == OrderSide.Buy)
        {
            var affordable = await AffordableAsync(walk, request, fractionLeg, cancellationToken).ConfigureAwait(false);
            if (affordable <= 0m)
            {
                Close(walk, fractionLeg, InsufficientBuyingPower);
                return submission;
            }

            submission = await SubmitOnceAsync(request with { Quantity = affordable }, cancellationToken).ConfigureAwait(false);
            if (submission.Order is not null && affordable < request.Quantity)
            {
                if (fractionLeg)
                {
                    walk.ShrinkFraction(affordable);
                }
                else
                {
                    walk.ShrinkWhole(walk.WholeFilled + affordable);
                }

                walk.NoteShortfall(InsufficientBuyingPower);
            }
        }

        if (submission.Refusal is { } refusal)
        {
            Close(walk, fractionLeg, refusal.Message);
        }

        return submission;
    }

    private async Task<Submission> SubmitOnceAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        if (await FindAsync(request.ClientOrderId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return new Submission(existing, Placed: false, Refusal: null);
        }

        try
        {
            return new Submission(await broker.SubmitOrderAsync(request, cancellationToken).ConfigureAwait(false), Placed: true, Refusal: null);
        }
        catch (OrderRejectedException refused)
        {
            if (refused.Reason == RejectionReason.DuplicateClientOrderId
                && await FindAsync(request.ClientOrderId, cancellationToken).ConfigureAwait(false) is { } raced)
            {
                return new Submission(raced, Placed: false, Refusal: null);
            }

            return new Submission(null, Placed: false, refused);
        }
    }

    /// <summary>How much of <paramref name="request"/> buying power × (1 − buffer) pays now, at the limit price or the current buy price.</summary>
    private async Task<decimal> AffordableAsync(TradeWalk walk, OrderRequest request, bool fractionLeg, CancellationToken cancellationToken)
    {
        var account = await broker.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        var price = request.LimitPrice
            ?? (await SnapshotAsync([walk], cancellationToken).ConfigureAwait(false)).BuyPrice(walk.Symbol)
            ?? walk.Order.EstimatedPrice;
        if (price is not > 0m)
        {
            return 0m;
        }

        var shares = BuyScaling.Budget(account.BuyingPower, settings.BuyingPowerBuffer) / price.Value;
        var affordable = fractionLeg ? Math.Round(shares, BuyScaling.FractionalDecimals, MidpointRounding.ToZero) : Math.Truncate(shares);
        return Math.Min(affordable, request.Quantity);
    }

    private static void Close(TradeWalk walk, bool fractionLeg, string reason)
    {
        if (fractionLeg)
        {
            walk.CloseFraction(reason);
        }
        else
        {
            walk.CloseWhole(reason);
        }
    }

    private Task<BrokerOrder?> FindAsync(string clientOrderId, CancellationToken cancellationToken) =>
        broker.GetOrderByClientIdAsync(clientOrderId, cancellationToken);

    private readonly record struct Submission(BrokerOrder? Order, bool Placed, OrderRejectedException? Refusal);
}
