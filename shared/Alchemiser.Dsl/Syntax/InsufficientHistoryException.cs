namespace Alchemiser.Dsl.Syntax;

/// <summary>
/// DSL301: an indicator or a group history needs more bars than the as-of view has, e.g.
/// <c>insufficient history: rsi(window=5) on CCC as of 2024-01-16 needs 5 bars, 3 available</c>.
/// </summary>
public sealed class InsufficientHistoryException : DslException
{
    public InsufficientHistoryException(
        string file, SourceSpan at, string message, string symbol, string indicator, string parameters,
        int barsNeeded, int barsAvailable, DateOnly asOf)
        : base(DslErrorCodes.InsufficientHistory, file, at, message)
    {
        Symbol = symbol;
        Indicator = indicator;
        Parameters = parameters;
        BarsNeeded = barsNeeded;
        BarsAvailable = barsAvailable;
        AsOf = asOf;
    }

    public string Symbol { get; }

    public string Indicator { get; }

    public string Parameters { get; }

    public int BarsNeeded { get; }

    public int BarsAvailable { get; }

    public DateOnly AsOf { get; }
}
