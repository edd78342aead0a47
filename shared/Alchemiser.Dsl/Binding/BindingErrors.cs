using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Binding;

/// <summary>
/// Builds the validation errors of DSL.md §3 at a node's position (a call: its head). Kind errors share one
/// wording, <c>expected X, found Y</c>, where Y names a call by its head as written and any other form by what it is;
/// a stray symbol is always <c>unexpected symbol 'x'</c> (rule 4), whatever was expected in its place.
/// </summary>
internal sealed class BindingErrors(string fileName)
{
    /// <summary>The one function that may only be the whole file.</summary>
    public const string TopLevelHead = "defsymphony";

    public string FileName { get; } = fileName;

    /// <summary>An error of any code at <paramref name="node"/>.</summary>
    public DslException At(Node node, string code, string message) => new(code, FileName, node.Position, message);

    /// <summary>DSL203: <paramref name="node"/> is not what this position takes.</summary>
    public DslException Expected(Node node, string expected) =>
        Misplaced(node) ?? At(node, DslErrorCodes.ArgumentKind, "expected " + expected + ", found " + Describe(node));

    /// <summary>
    /// DSL203 for a form that is wrong wherever it stands below the top level, whatever the position takes: a symbol
    /// (rule 4) or a <c>defsymphony</c> call (rule 1). Null for any other form. Positions whose own violations have
    /// another code (parameters DSL204, settings DSL205) ask this first, so these two rules read the same everywhere.
    /// </summary>
    public DslException? Misplaced(Node node) => node switch
    {
        SymbolNode symbol => At(symbol, DslErrorCodes.ArgumentKind, "unexpected symbol '" + symbol.Name + "'"),
        CallNode { Head.Name: TopLevelHead } call =>
            At(call, DslErrorCodes.ArgumentKind, "'" + TopLevelHead + "' is only allowed as the top-level form"),
        _ => null,
    };

    /// <summary>
    /// What a form is, for "found …": a call's head as written (<c>rsi</c>), <c>a number</c>, <c>a string</c>,
    /// <c>a keyword</c>, <c>a map</c>, <c>a vector</c>, <c>nil</c>, <c>true</c>, <c>false</c>, <c>symbol 'x'</c>.
    /// </summary>
    public static string Describe(Node node) => node switch
    {
        CallNode call => call.Head.Name,
        NumberNode => "a number",
        StringNode => "a string",
        KeywordNode => "a keyword",
        MapNode => "a map",
        VectorNode => "a vector",
        NilNode => "nil",
        BoolNode b => b.Value ? "true" : "false",
        SymbolNode s => "symbol '" + s.Name + "'",
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "unknown node type"),
    };
}
