namespace Alchemiser.Dsl.Syntax;

/// <summary>Where a token or node stands in the source: 1-based line and column (UTF-16 units), 0-based char offset.</summary>
public readonly record struct SourceSpan(int Line, int Column, int Offset, int Length);
