namespace Alchemiser.Cli.Bench;

/// <summary>One measured figure with its budget (lower is better); <see cref="Budget"/> null means "reported only".</summary>
public sealed record BenchFigure(string Key, string Description, double Value, string Unit, double? Budget)
{
    public bool WithinBudget => Budget is not { } budget || Value <= budget;
}
