namespace Alchemiser.Core.Configuration;

/// <summary>
/// One entry of a stage manifest: a strategy file (a plain file name next to the manifest, e.g.
/// <c>nuclear.clj</c>), the share of the portfolio it allocates, and the file's full path.
/// </summary>
/// <param name="File">The file name as written in the manifest.</param>
/// <param name="Weight">Share of the whole portfolio, greater than 0; the weights of one manifest sum to exactly 1.</param>
/// <param name="FullPath">Absolute path of the strategy file (manifest directory + <paramref name="File"/>).</param>
public sealed record StrategyAllocation(string File, decimal Weight, string FullPath)
{
    /// <summary>The strategy id: the file name without its extension (<c>nuclear.clj</c> → <c>nuclear</c>), as DSL.md §9 uses it.</summary>
    public string StrategyId => Path.GetFileNameWithoutExtension(File);
}
