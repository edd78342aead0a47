using Alchemiser.Core.Brokerage;
using Alchemiser.Portfolio.Planning;

namespace Alchemiser.Functions.Tests.Portfolio;

/// <summary>
/// Builds the planner's inputs: an account with equity and long positions (market value = quantity × price), target
/// weights, quotes and asset info. Cash is equity − Σ market value; buying power is the cash unless set.
/// </summary>
internal sealed class PlanningScenario(decimal equity)
{
    private readonly Dictionary<string, decimal> _target = new(StringComparer.Ordinal);
    private readonly List<HeldPosition> _positions = [];
    private readonly Dictionary<string, decimal> _prices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AssetInfo> _assets = new(StringComparer.Ordinal);

    public decimal? BuyingPower { get; set; }

    /// <summary>Targets <paramref name="symbol"/> at <paramref name="weight"/>, quoted at <paramref name="price"/> (none when null).</summary>
    public PlanningScenario Target(string symbol, decimal weight, decimal? price = null, bool fractionable = true)
    {
        _target[symbol] = weight;
        if (price is { } p)
        {
            _prices[symbol] = p;
        }

        _assets.TryAdd(symbol, new AssetInfo(symbol, Tradable: true, fractionable));
        return this;
    }

    /// <summary>Holds <paramref name="quantity"/> shares valued at <paramref name="price"/>, which is also the quote.</summary>
    public PlanningScenario Hold(string symbol, decimal quantity, decimal price, bool fractionable = true)
    {
        _positions.Add(new HeldPosition(symbol, quantity, price, quantity * price));
        _prices.TryAdd(symbol, price);
        _assets.TryAdd(symbol, new AssetInfo(symbol, Tradable: true, fractionable));
        return this;
    }

    /// <summary>Overrides the quote of <paramref name="symbol"/>.</summary>
    public PlanningScenario Quote(string symbol, decimal price)
    {
        _prices[symbol] = price;
        return this;
    }

    /// <summary>Overrides (or with null removes) the asset info of <paramref name="symbol"/>.</summary>
    public PlanningScenario Asset(string symbol, AssetInfo? info)
    {
        if (info is null)
        {
            _assets.Remove(symbol);
        }
        else
        {
            _assets[symbol] = info;
        }

        return this;
    }

    public AccountSnapshot Account()
    {
        var cash = equity - _positions.Sum(p => p.MarketValue);
        return new AccountSnapshot(equity, cash, BuyingPower ?? cash, _positions.ToList());
    }

    public RebalancePlan Plan(PlannerSettings? settings = null) =>
        RebalancePlanner.Plan(_target, Account(), _prices, _assets, settings ?? new PlannerSettings());
}
