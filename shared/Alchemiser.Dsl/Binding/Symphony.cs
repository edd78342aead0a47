using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Binding;

/// <summary>A parsed and validated strategy file: ready to evaluate at any as-of date.</summary>
public sealed class Symphony(string fileName, string name, SymphonySettings settings, BoundWeight body, CallNode syntax, SymphonyStats stats)
{
    /// <summary>The file name given to the parser (base name, no directories); used in every position.</summary>
    public string FileName { get; } = fileName;

    /// <summary>The <c>defsymphony</c> name.</summary>
    public string Name { get; } = name;

    public SymphonySettings Settings { get; } = settings;

    public BoundWeight Body { get; } = body;

    /// <summary>The top-level <c>defsymphony</c> call.</summary>
    public CallNode Syntax { get; } = syntax;

    public SymphonyStats Stats { get; } = stats;
}

/// <summary>
/// The validated settings map (DSL.md §3 rule 7). Absent or nil values are null. <see cref="Extra"/> holds unknown
/// keys (without colon) with canonically rendered values, sorted ordinally.
/// </summary>
public sealed record SymphonySettings(
    string? AssetClass,
    string? RebalanceFrequency,
    decimal? RebalanceThreshold,
    IReadOnlyList<KeyValuePair<string, string>> Extra);

/// <summary>Shape of a file as <c>alchemiser validate</c> reports it.</summary>
/// <param name="Forms">Number of nodes in the form tree.</param>
/// <param name="Groups">Number of <c>group</c> calls.</param>
/// <param name="Tickers">Distinct tickers (upper-cased), ordinal order, each with the position of its first use.</param>
/// <param name="MaxDepth">Deepest bracket nesting.</param>
/// <param name="Functions">Distinct call heads as written, ordinal order.</param>
public sealed record SymphonyStats(int Forms, int Groups, IReadOnlyList<TickerReference> Tickers, int MaxDepth, IReadOnlyList<string> Functions);

/// <summary>A ticker the file names, with where it first appears (for "unknown ticker" reports).</summary>
public sealed record TickerReference(string Ticker, SourceSpan At);
