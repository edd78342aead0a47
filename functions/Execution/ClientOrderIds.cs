using System.Globalization;
using Alchemiser.Core.Brokerage;

namespace Alchemiser.Execution;

/// <summary>
/// The deterministic client order ids of one planned trade: <c>alc-{correlationId}-{SYMBOL}-{side}-{step}</c>, where
/// the step is <c>1</c>..<c>N</c> for the limit steps, <see cref="MarketStep"/> for the market order of the whole shares
/// left, and <see cref="FractionalStep"/> for the market order of the fractional remainder. A redelivered plan derives
/// the same ids, so execution finds the orders it placed before instead of placing them again.
/// </summary>
public sealed class ClientOrderIds
{
    /// <summary>The longest client order id Alpaca accepts.</summary>
    public const int MaxLength = 128;

    /// <summary>What every id starts with.</summary>
    public const string Prefix = "alc";

    /// <summary>The step of the market order for the whole shares the limit steps left.</summary>
    public const string MarketStep = "m";

    /// <summary>The step of the market order for the fractional remainder.</summary>
    public const string FractionalStep = "f";

    /// <summary>The ids of the trade of <paramref name="symbol"/> on <paramref name="side"/> in run <paramref name="correlationId"/>.</summary>
    /// <exception cref="ArgumentException">A part is blank or holds whitespace, there are no limit steps, or the longest id exceeds <see cref="MaxLength"/>.</exception>
    public ClientOrderIds(string correlationId, string symbol, OrderSide side, int limitSteps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(correlationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfLessThan(limitSteps, 1);
        if (correlationId.Any(char.IsWhiteSpace) || symbol.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"client order id parts may not hold whitespace: correlation id '{correlationId}', symbol '{symbol}'");
        }

        CorrelationId = correlationId;
        Symbol = symbol;
        Side = side;
        LimitSteps = limitSteps;
        var longest = For(correlationId, symbol, side, limitSteps.ToString(CultureInfo.InvariantCulture));
        if (longest.Length > MaxLength)
        {
            throw new ArgumentException(
                $"client order id '{longest}' has {longest.Length.ToString(CultureInfo.InvariantCulture)} characters; the broker accepts at most {MaxLength.ToString(CultureInfo.InvariantCulture)} (the correlation id is too long)");
        }
    }

    public string CorrelationId { get; }

    public string Symbol { get; }

    public OrderSide Side { get; }

    /// <summary>How many limit steps the walk has (N).</summary>
    public int LimitSteps { get; }

    /// <summary>The id of the market order for the whole shares left after the limit steps.</summary>
    public string Market => For(CorrelationId, Symbol, Side, MarketStep);

    /// <summary>The id of the market order for the fractional remainder.</summary>
    public string Fractional => For(CorrelationId, Symbol, Side, FractionalStep);

    /// <summary>The id of limit step <paramref name="step"/> (1..N).</summary>
    public string Limit(int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, LimitSteps);
        return For(CorrelationId, Symbol, Side, step.ToString(CultureInfo.InvariantCulture));
    }

    private static string For(string correlationId, string symbol, OrderSide side, string step) =>
        $"{Prefix}-{correlationId}-{symbol}-{side.ToWire()}-{step}";
}
