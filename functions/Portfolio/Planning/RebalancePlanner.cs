using Alchemiser.Core.Brokerage;
using System.Globalization;
using Alchemiser.Core.Events;

namespace Alchemiser.Portfolio.Planning;

/// <summary>
/// Turns a target portfolio and an account snapshot into a <see cref="RebalancePlan"/>. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// Capital = equity × deployment fraction; target value = capital × weight; delta = target value − market value.
/// A held symbol that is not targeted (or targeted at 0) is sold in full, whatever its size. Any other delta inside the
/// drift band, below the minimum trade value, or that rounds to no quantity is not traded and is listed in
/// <see cref="RebalancePlan.Skipped"/>; every symbol stays in the comparison. Quantities round toward zero:
/// fractionable assets to 9 decimals, others to whole shares; a sell never exceeds the held quantity.
/// Risk checks, in order of precedence: kill switch (all trades), no price (buys), asset info missing or not
/// tradable, blocklist (buys only — selling reduces exposure), max order notional (both sides). Buys are capped, not
/// blocked, at the max position weight, and scaled pro rata to the buying power plus the proceeds of the plan's unblocked
/// sells (ordinal order; blocked when what remains is below the minimum trade value).
/// </remarks>
public static class RebalancePlanner
{
    /// <summary>Decimal places of a fractional quantity (Alpaca's precision).</summary>
    public const int FractionalDecimals = 9;

    /// <summary>How far the target weights may sum from 1.</summary>
    public const decimal WeightSumTolerance = 0.000000001m;

    /// <summary>Builds the plan.</summary>
    /// <param name="target">Symbol → weight of the deployable capital; every weight ≥ 0, Σ = 1 within 1e-9.</param>
    /// <param name="account">Equity, cash, buying power and long positions.</param>
    /// <param name="prices">Symbol → last or mid price (&gt; 0) used to size orders.</param>
    /// <param name="assets">Symbol → tradability and fractionability.</param>
    /// <param name="settings">Sizing and safety settings; validated first.</param>
    /// <exception cref="ArgumentException">The target, the account or a price is malformed.</exception>
    /// <exception cref="Alchemiser.Core.Errors.ConfigurationException">A setting is out of range.</exception>
    public static RebalancePlan Plan(
        IReadOnlyDictionary<string, decimal> target,
        AccountSnapshot account,
        IReadOnlyDictionary<string, decimal> prices,
        IReadOnlyDictionary<string, AssetInfo> assets,
        PlannerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        ValidateTarget(target);
        var held = ValidateAccount(account);
        ValidatePrices(prices);

        var capital = account.Equity * settings.DeploymentFraction;
        var symbols = new SortedSet<string>(target.Keys, StringComparer.Ordinal);
        symbols.UnionWith(held.Keys);

        var sells = new List<PlannedTradeLine>();
        var buys = new List<PlannedTradeLine>();
        var skipped = new List<SkippedTrade>();
        var comparison = new List<AllocationComparison>(symbols.Count);
        var context = new Context(settings, prices, assets, capital);

        foreach (var symbol in symbols)
        {
            var targetWeight = target.GetValueOrDefault(symbol);
            held.TryGetValue(symbol, out var position);
            var marketValue = position?.MarketValue ?? 0m;
            var currentWeight = capital == 0m ? 0m : marketValue / capital;
            var delta = (capital * targetWeight) - marketValue;
            comparison.Add(new AllocationComparison(symbol, targetWeight, currentWeight, delta));
            var symbolState = new SymbolState(symbol, targetWeight, currentWeight, marketValue, delta);

            if (position is not null && targetWeight == 0m)
            {
                sells.Add(FullExit(context, symbolState, position));
                continue;
            }

            if (delta == 0m)
            {
                continue;
            }

            var side = delta > 0m ? OrderSide.Buy : OrderSide.Sell;
            if (settings.DriftBand > 0m && Math.Abs(currentWeight - targetWeight) <= settings.DriftBand)
            {
                skipped.Add(new SkippedTrade(symbol, side, delta, PlanReasons.WithinDriftBand));
                continue;
            }

            if (Math.Abs(delta) < settings.MinimumTradeValue)
            {
                skipped.Add(new SkippedTrade(symbol, side, delta, PlanReasons.BelowMinimumTradeValue));
                continue;
            }

            var (line, skipReason) = side == OrderSide.Sell
                ? PartialSell(context, symbolState, position!)
                : Buy(context, symbolState);
            if (line is null)
            {
                skipped.Add(new SkippedTrade(symbol, side, delta, skipReason!));
            }
            else if (side == OrderSide.Sell)
            {
                sells.Add(line);
            }
            else
            {
                buys.Add(line);
            }
        }

        var fundedBuys = FundBuys(context, buys, account.BuyingPower + UnblockedNotional(sells));
        return new RebalancePlan(account.Equity, capital, [.. sells, .. fundedBuys], skipped, comparison);
    }

    private static PlannedTradeLine FullExit(Context context, SymbolState state, HeldPosition position)
    {
        var price = SellPrice(context, position);
        var notional = position.Quantity * price;
        var block = context.SellBlock(state.Symbol, notional);
        return new PlannedTradeLine(
            state.Symbol, OrderSide.Sell, position.Quantity, price, notional, state.TargetWeight, state.CurrentWeight, FullExit: true, block is not null, block);
    }

    private static (PlannedTradeLine? Line, string? SkipReason) PartialSell(Context context, SymbolState state, HeldPosition position)
    {
        var price = SellPrice(context, position);
        var fractionable = context.IsFractionable(state.Symbol);
        var quantity = Math.Min(Size(-state.Delta, price, fractionable), position.Quantity);
        if (quantity == 0m)
        {
            return (null, ZeroQuantityReason(fractionable));
        }

        var notional = quantity * price;
        var block = context.SellBlock(state.Symbol, notional);
        return (new PlannedTradeLine(
            state.Symbol, OrderSide.Sell, quantity, price, notional, state.TargetWeight, state.CurrentWeight, FullExit: false, block is not null, block), null);
    }

    private static (PlannedTradeLine? Line, string? SkipReason) Buy(Context context, SymbolState state)
    {
        var settings = context.Settings;
        var value = state.Delta;
        string? note = null;
        if (settings.MaxPositionWeight is { } maxWeight)
        {
            var room = (maxWeight * context.Capital) - state.MarketValue;
            if (value > room)
            {
                if (room < settings.MinimumTradeValue || room <= 0m)
                {
                    return (null, PlanReasons.AtMaxPositionWeight);
                }

                value = room;
                note = PlanReasons.CappedAtMaxPositionWeight(maxWeight);
            }
        }

        if (!context.Prices.TryGetValue(state.Symbol, out var price))
        {
            var reason = settings.KillSwitch ? PlanReasons.KillSwitch : PlanReasons.NoPrice;
            return (new PlannedTradeLine(
                state.Symbol, OrderSide.Buy, 0m, null, value, state.TargetWeight, state.CurrentWeight, FullExit: false, Blocked: true, reason), null);
        }

        var fractionable = context.IsFractionable(state.Symbol);
        var quantity = Size(value, price, fractionable);
        if (quantity == 0m)
        {
            return (null, ZeroQuantityReason(fractionable));
        }

        var notional = quantity * price;
        var block = context.BuyBlock(state.Symbol, notional);
        return (new PlannedTradeLine(
            state.Symbol, OrderSide.Buy, quantity, price, notional, state.TargetWeight, state.CurrentWeight, FullExit: false, block is not null, block ?? note), null);
    }

    /// <summary>
    /// When the unblocked buys cost more than <paramref name="funds"/>, every one is scaled by the same factor
    /// (pro rata, as Execution scales its buy phase), so no symbol is favoured; a buy scaled below the minimum trade
    /// value is blocked.
    /// </summary>
    private static List<PlannedTradeLine> FundBuys(Context context, List<PlannedTradeLine> buys, decimal funds)
    {
        var wanted = UnblockedNotional(buys);
        if (wanted <= funds)
        {
            return buys;
        }

        var factor = funds <= 0m ? 0m : funds / wanted;
        var funded = new List<PlannedTradeLine>(buys.Count);
        foreach (var buy in buys)
        {
            if (buy.Blocked)
            {
                funded.Add(buy);
                continue;
            }

            var price = buy.EstimatedPrice!.Value;
            var quantity = Size(buy.EstimatedNotional * factor, price, context.IsFractionable(buy.Symbol));
            var notional = quantity * price;
            funded.Add(quantity == 0m || notional < context.Settings.MinimumTradeValue
                ? buy with { Blocked = true, Reason = PlanReasons.InsufficientBuyingPower }
                : buy with { Quantity = quantity, EstimatedNotional = notional, Reason = PlanReasons.CappedToBuyingPower });
        }

        return funded;
    }

    private static decimal UnblockedNotional(List<PlannedTradeLine> lines)
    {
        var total = 0m;
        foreach (var line in lines)
        {
            total += line.Blocked ? 0m : line.EstimatedNotional;
        }

        return total;
    }

    private static decimal SellPrice(Context context, HeldPosition position) =>
        context.Prices.TryGetValue(position.Symbol, out var price) ? price : position.CurrentPrice;

    private static decimal Size(decimal value, decimal price, bool fractionable)
    {
        var raw = value / price;
        return fractionable ? Math.Round(raw, FractionalDecimals, MidpointRounding.ToZero) : Math.Truncate(raw);
    }

    private static string ZeroQuantityReason(bool fractionable) =>
        fractionable ? PlanReasons.QuantityRoundsToZero : PlanReasons.LessThanOneShare;

    private static void ValidateTarget(IReadOnlyDictionary<string, decimal> target)
    {
        var sum = 0m;
        foreach (var (symbol, weight) in target)
        {
            if (string.IsNullOrWhiteSpace(symbol))
            {
                throw new ArgumentException("target contains an empty symbol", nameof(target));
            }

            if (weight < 0m)
            {
                throw new ArgumentException($"target weight of {symbol} is negative ({Format(weight)}); weights must be ≥ 0", nameof(target));
            }

            sum += weight;
        }

        if (Math.Abs(sum - 1m) > WeightSumTolerance)
        {
            throw new ArgumentException($"target weights sum to {Format(sum)}, not 1 (tolerance {Format(WeightSumTolerance)})", nameof(target));
        }
    }

    private static Dictionary<string, HeldPosition> ValidateAccount(AccountSnapshot account)
    {
        if (account.Equity < 0m)
        {
            throw new ArgumentException($"account equity is negative ({Format(account.Equity)}); it must be ≥ 0", nameof(account));
        }

        var held = new Dictionary<string, HeldPosition>(StringComparer.Ordinal);
        foreach (var position in account.Positions)
        {
            if (position.Quantity <= 0m)
            {
                throw new ArgumentException($"position {position.Symbol} has quantity {Format(position.Quantity)}; only long positions (> 0) can be planned", nameof(account));
            }

            if (position.CurrentPrice <= 0m || position.MarketValue < 0m)
            {
                throw new ArgumentException($"position {position.Symbol} has price {Format(position.CurrentPrice)} and market value {Format(position.MarketValue)}; the price must be > 0 and the value ≥ 0", nameof(account));
            }

            if (!held.TryAdd(position.Symbol, position))
            {
                throw new ArgumentException($"position {position.Symbol} is listed twice", nameof(account));
            }
        }

        return held;
    }

    private static void ValidatePrices(IReadOnlyDictionary<string, decimal> prices)
    {
        foreach (var (symbol, price) in prices)
        {
            if (price <= 0m)
            {
                throw new ArgumentException($"price of {symbol} is {Format(price)}; prices must be > 0", nameof(prices));
            }
        }
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record SymbolState(string Symbol, decimal TargetWeight, decimal CurrentWeight, decimal MarketValue, decimal Delta);

    private sealed record Context(
        PlannerSettings Settings,
        IReadOnlyDictionary<string, decimal> Prices,
        IReadOnlyDictionary<string, AssetInfo> Assets,
        decimal Capital)
    {
        public bool IsFractionable(string symbol) => Assets.TryGetValue(symbol, out var asset) && asset.Fractionable;

        public string? SellBlock(string symbol, decimal notional) =>
            Settings.KillSwitch ? PlanReasons.KillSwitch
            : AssetBlock(symbol) ?? NotionalBlock(notional);

        public string? BuyBlock(string symbol, decimal notional) =>
            Settings.KillSwitch ? PlanReasons.KillSwitch
            : AssetBlock(symbol) ?? (Settings.Blocklist.Contains(symbol) ? PlanReasons.Blocklisted : NotionalBlock(notional));

        private string? AssetBlock(string symbol) =>
            !Assets.TryGetValue(symbol, out var asset) ? PlanReasons.NoAssetInfo
            : !asset.Tradable ? PlanReasons.NotTradable
            : null;

        private string? NotionalBlock(decimal notional) =>
            Settings.MaxOrderNotional is { } max && notional > max ? PlanReasons.ExceedsMaxOrderNotional(notional, max) : null;
    }
}
