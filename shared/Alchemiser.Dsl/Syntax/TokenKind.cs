namespace Alchemiser.Dsl.Syntax;

/// <summary>The classes of token the lexer produces (DSL.md §1 rule 4).</summary>
public enum TokenKind : byte
{
    /// <summary>No more input; the token sits at the end of the text.</summary>
    EndOfInput,

    /// <summary><c>(</c></summary>
    OpenParen,

    /// <summary><c>)</c></summary>
    CloseParen,

    /// <summary><c>[</c></summary>
    OpenBracket,

    /// <summary><c>]</c></summary>
    CloseBracket,

    /// <summary><c>{</c></summary>
    OpenBrace,

    /// <summary><c>}</c></summary>
    CloseBrace,

    /// <summary><c>-?[0-9]+</c></summary>
    Integer,

    /// <summary><c>-?[0-9]+\.[0-9]+</c></summary>
    Float,

    /// <summary>A string literal; its text is the unescaped value.</summary>
    String,

    /// <summary><c>:name</c>; its text is the name without the colon.</summary>
    Keyword,

    /// <summary><c>true</c></summary>
    True,

    /// <summary><c>false</c></summary>
    False,

    /// <summary><c>nil</c></summary>
    Nil,

    /// <summary>Any other name such as <c>weight-equal</c>, <c>&gt;=</c> or <c>-</c>.</summary>
    Symbol,
}
