namespace Alchemiser.Dsl.Syntax;

/// <summary>
/// A node of the parsed form tree (DSL.md §2). Nodes are plain data: the parser builds them, the binder reads them.
/// </summary>
public abstract class Node(SourceSpan span)
{
    /// <summary>The node's extent in the source, from its first char to its last.</summary>
    public SourceSpan Span { get; } = span;

    /// <summary>Where errors about this node are reported: a call's head symbol, otherwise the first char.</summary>
    public virtual SourceSpan Position => Span;
}

/// <summary>An integer or float literal: the exact decimal plus the lexeme text it was read from.</summary>
public sealed class NumberNode(SourceSpan span, decimal value, string text) : Node(span)
{
    public decimal Value { get; } = value;

    public string Text { get; } = text;
}

/// <summary>A string literal, already unescaped.</summary>
public sealed class StringNode(SourceSpan span, string value) : Node(span)
{
    public string Value { get; } = value;
}

/// <summary>A keyword such as <c>:window</c>; the name is kept without the colon.</summary>
public sealed class KeywordNode(SourceSpan span, string name) : Node(span)
{
    public string Name { get; } = name;
}

/// <summary>The literal <c>true</c> or <c>false</c>.</summary>
public sealed class BoolNode(SourceSpan span, bool value) : Node(span)
{
    public bool Value { get; } = value;
}

/// <summary>The literal <c>nil</c>.</summary>
public sealed class NilNode(SourceSpan span) : Node(span);

/// <summary>A bare symbol; only legal as the head of a call.</summary>
public sealed class SymbolNode(SourceSpan span, string name) : Node(span)
{
    public string Name { get; } = name;
}

/// <summary>A parenthesised list: always a call of its head symbol.</summary>
public sealed class CallNode(SourceSpan span, SymbolNode head, IReadOnlyList<Node> args) : Node(span)
{
    public SymbolNode Head { get; } = head;

    public IReadOnlyList<Node> Args { get; } = args;

    public override SourceSpan Position => Head.Span;
}

/// <summary>A bracketed vector <c>[a b c]</c>.</summary>
public sealed class VectorNode(SourceSpan span, IReadOnlyList<Node> items) : Node(span)
{
    public IReadOnlyList<Node> Items { get; } = items;
}

/// <summary>A braced map; entries in source order, keys unique keywords.</summary>
public sealed class MapNode(SourceSpan span, IReadOnlyList<MapEntry> entries) : Node(span)
{
    public IReadOnlyList<MapEntry> Entries { get; } = entries;
}

/// <summary>One key/value pair of a <see cref="MapNode"/>.</summary>
public readonly record struct MapEntry(KeywordNode Key, Node Value);
