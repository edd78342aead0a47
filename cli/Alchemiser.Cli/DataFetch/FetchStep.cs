namespace Alchemiser.Cli.DataFetch;

/// <summary>One symbol's part of a fetch: what to do, which dates to ask Alpaca for (both included), and why.</summary>
public sealed record FetchStep(string Symbol, FetchKind Kind, DateOnly From, DateOnly To, string Reason);
