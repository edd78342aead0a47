using Alchemiser.Core.Brokerage;
using System.Globalization;

namespace Alchemiser.Portfolio.Planning;

/// <summary>The reasons the planner writes on blocked, capped and skipped trades; stable text for reports and tests.</summary>
public static class PlanReasons
{
    /// <summary>The kill switch blocks every trade.</summary>
    public const string KillSwitch = "kill switch on";

    /// <summary>A buy without a price cannot be sized.</summary>
    public const string NoPrice = "no price";

    /// <summary>No asset information: tradability and fractionability are unknown.</summary>
    public const string NoAssetInfo = "no asset info";

    /// <summary>The broker says the asset is not tradable.</summary>
    public const string NotTradable = "not tradable";

    /// <summary>The symbol is on the blocklist (blocks buys only).</summary>
    public const string Blocklisted = "symbol on blocklist";

    /// <summary>|delta| is below the minimum trade value.</summary>
    public const string BelowMinimumTradeValue = "below minimum trade value";

    /// <summary>The current weight is within the drift band of the target weight.</summary>
    public const string WithinDriftBand = "within drift band";

    /// <summary>A non-fractionable trade rounds toward zero to no whole share.</summary>
    public const string LessThanOneShare = "less than one whole share";

    /// <summary>A fractionable trade rounds down to zero at 9 decimal places.</summary>
    public const string QuantityRoundsToZero = "quantity rounds to zero";

    /// <summary>The position is already at (or above) the max position weight, so nothing is left to buy.</summary>
    public const string AtMaxPositionWeight = "at max position weight";

    /// <summary>The buy cannot be funded from buying power plus the plan's sell proceeds.</summary>
    public const string InsufficientBuyingPower = "insufficient buying power";

    /// <summary>The buys were scaled down together (pro rata) to what the buying power plus the plan's sell proceeds can fund.</summary>
    public const string CappedToBuyingPower = "scaled pro rata to buying power";

    /// <summary>The buy was cut so the position ends at the max position weight.</summary>
    public static string CappedAtMaxPositionWeight(decimal maxWeight) =>
        string.Create(CultureInfo.InvariantCulture, $"capped at max position weight {maxWeight}");

    /// <summary>The order's estimated notional is above the max order notional (dollars shown to the cent).</summary>
    public static string ExceedsMaxOrderNotional(decimal notional, decimal max) =>
        string.Create(CultureInfo.InvariantCulture, $"notional {notional:0.00} exceeds max order notional {max:0.00}");
}
