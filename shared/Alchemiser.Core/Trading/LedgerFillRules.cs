namespace Alchemiser.Core.Trading;

/// <summary>
/// What makes a <see cref="LedgerFill"/> recordable, checked by every <see cref="ITradeLedger"/> before it touches its
/// storage so that all of them reject the same fill with the same message.
/// </summary>
public static class LedgerFillRules
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless the fill has its ids and symbol, a side of buy or sell, a quantity
    /// and a price above zero, and attributions to distinct strategies, each above zero, that sum exactly to the quantity.
    /// </summary>
    public static void Validate(LedgerFill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentException.ThrowIfNullOrWhiteSpace(fill.FillId, nameof(fill));
        ArgumentException.ThrowIfNullOrWhiteSpace(fill.CorrelationId, nameof(fill));
        ArgumentException.ThrowIfNullOrWhiteSpace(fill.Symbol, nameof(fill));
        ArgumentException.ThrowIfNullOrWhiteSpace(fill.ClientOrderId, nameof(fill));
        if (fill.BrokerOrderId is not null && string.IsNullOrWhiteSpace(fill.BrokerOrderId))
        {
            throw Invalid(fill, "has a blank broker order id (leave it null when there is none)");
        }

        if (fill.Side is not (FillSides.Buy or FillSides.Sell))
        {
            throw Invalid(fill, $"has side '{fill.Side}'; a fill is '{FillSides.Buy}' or '{FillSides.Sell}'");
        }

        if (fill.Quantity <= 0m)
        {
            throw Invalid(fill, $"has quantity {Text(fill.Quantity)}; a fill's quantity is above zero");
        }

        if (fill.Price <= 0m)
        {
            throw Invalid(fill, $"has price {Text(fill.Price)}; a fill's price is above zero");
        }

        Attribution(fill);
    }

    private static void Attribution(LedgerFill fill)
    {
        if (fill.Attribution is null || fill.Attribution.Count == 0)
        {
            throw Invalid(fill, "is attributed to no strategy");
        }

        var strategies = new HashSet<string>(StringComparer.Ordinal);
        var sum = 0m;
        foreach (var part in fill.Attribution)
        {
            if (part is null || string.IsNullOrWhiteSpace(part.StrategyId))
            {
                throw Invalid(fill, "has an attribution without a strategy id");
            }

            if (!strategies.Add(part.StrategyId))
            {
                throw Invalid(fill, $"is attributed to strategy '{part.StrategyId}' twice");
            }

            if (part.Quantity <= 0m)
            {
                throw Invalid(fill, $"attributes quantity {Text(part.Quantity)} to strategy '{part.StrategyId}'; an attribution is above zero");
            }

            sum += part.Quantity;
        }

        if (sum != fill.Quantity)
        {
            throw Invalid(fill, $"attributes {Text(sum)} in all but its quantity is {Text(fill.Quantity)}");
        }
    }

    private static ArgumentException Invalid(LedgerFill fill, string problem) =>
        new($"fill '{fill.FillId}' {problem}", nameof(fill));

    private static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
