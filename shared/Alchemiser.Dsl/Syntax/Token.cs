namespace Alchemiser.Dsl.Syntax;

/// <summary>
/// One token of the strategy language (DSL.md §1): its kind, where it starts (1-based line and column in UTF-16
/// units, 0-based char offset), how many source chars it covers, and its payload.
/// </summary>
/// <param name="Kind">The token class.</param>
/// <param name="Line">1-based line of the first char.</param>
/// <param name="Column">1-based column (UTF-16 units) of the first char.</param>
/// <param name="Offset">0-based char offset of the first char.</param>
/// <param name="Length">Source chars covered, quotes and escapes included.</param>
/// <param name="Text">
/// Integer/Float: the lexeme; String: the unescaped value; Keyword: the name without the colon; Symbol: the name;
/// otherwise <c>null</c>.
/// </param>
/// <param name="Number">The exact value of an Integer or Float token, otherwise 0.</param>
public readonly record struct Token(TokenKind Kind, int Line, int Column, int Offset, int Length, string? Text, decimal Number)
{
    /// <summary>The token's extent as a <see cref="SourceSpan"/>.</summary>
    public SourceSpan Span => new(Line, Column, Offset, Length);
}
