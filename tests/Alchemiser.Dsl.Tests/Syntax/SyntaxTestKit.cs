using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Tests.Syntax;

/// <summary>Shared helpers for the syntax tests: parse-or-fail and an iterative walk over a form tree.</summary>
internal static class SyntaxTestKit
{
    public const string FileName = "t.clj";

    public static Node Parse(string text, ParserOptions? options = null) => Parser.Parse(text, FileName, options);

    public static DslException ParseError(string text, ParserOptions? options = null) =>
        Assert.Throws<DslException>(() => Parser.Parse(text, FileName, options));

    /// <summary>Asserts the error's code, file, position and (when given) exact message.</summary>
    public static void AssertError(DslException error, string code, int line, int column, string? message = null)
    {
        Assert.Equal(code, error.Code);
        Assert.Equal(FileName, error.File);
        Assert.Equal((line, column), (error.Line, error.Column));
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }
    }

    /// <summary>Every node of the tree in pre-order, call heads and map keys included; no recursion.</summary>
    public static List<Node> AllNodes(Node root)
    {
        var found = new List<Node>();
        var pending = new Stack<Node>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            found.Add(node);
            switch (node)
            {
                case CallNode call:
                    for (var i = call.Args.Count - 1; i >= 0; i--)
                    {
                        pending.Push(call.Args[i]);
                    }

                    pending.Push(call.Head);
                    break;
                case VectorNode vector:
                    for (var i = vector.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push(vector.Items[i]);
                    }

                    break;
                case MapNode map:
                    for (var i = map.Entries.Count - 1; i >= 0; i--)
                    {
                        pending.Push(map.Entries[i].Value);
                        pending.Push(map.Entries[i].Key);
                    }

                    break;
            }
        }

        return found;
    }

    /// <summary>The outermost node whose <see cref="Node.Position"/> is at line:column (a call wins over its head).</summary>
    public static Node NodeAt(Node root, int line, int column) =>
        AllNodes(root).First(n => n.Position.Line == line && n.Position.Column == column);
}
