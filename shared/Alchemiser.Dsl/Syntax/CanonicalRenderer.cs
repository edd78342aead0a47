using System.Text;

namespace Alchemiser.Dsl.Syntax;

/// <summary>
/// Renders a form canonically (DSL.md §2): numbers by their lexeme, strings re-quoted with the five escapes,
/// <c>:keyword</c>, <c>(head a b)</c>, <c>[a b]</c>, <c>{:k v}</c>, single spaces, no comments. Iterative, so any
/// accepted depth renders without touching the call stack.
/// </summary>
public static class CanonicalRenderer
{
    public static string Render(Node node)
    {
        var sb = new StringBuilder();
        Render(node, sb);
        return sb.ToString();
    }

    public static void Render(Node root, StringBuilder sb)
    {
        // Work items are either a node to render or a literal piece of punctuation to append.
        var work = new Stack<object>();
        work.Push(root);
        while (work.Count > 0)
        {
            var item = work.Pop();
            if (item is string text)
            {
                sb.Append(text);
                continue;
            }

            switch ((Node)item)
            {
                case NumberNode n: sb.Append(n.Text); break;
                case StringNode s: AppendQuoted(sb, s.Value); break;
                case KeywordNode k: sb.Append(':').Append(k.Name); break;
                case BoolNode b: sb.Append(b.Value ? "true" : "false"); break;
                case NilNode: sb.Append("nil"); break;
                case SymbolNode sym: sb.Append(sym.Name); break;
                case CallNode call:
                    sb.Append('(').Append(call.Head.Name);
                    work.Push(")");
                    for (var i = call.Args.Count - 1; i >= 0; i--)
                    {
                        work.Push(call.Args[i]);
                        work.Push(" ");
                    }

                    break;
                case VectorNode vector:
                    sb.Append('[');
                    work.Push("]");
                    PushSeparated(work, vector.Items);
                    break;
                case MapNode map:
                    sb.Append('{');
                    work.Push("}");
                    for (var i = map.Entries.Count - 1; i >= 0; i--)
                    {
                        work.Push(map.Entries[i].Value);
                        work.Push(" ");
                        work.Push(map.Entries[i].Key);
                        if (i > 0)
                        {
                            work.Push(" ");
                        }
                    }

                    break;
                default:
                    throw new InvalidOperationException("unknown node " + item.GetType().Name);
            }
        }
    }

    /// <summary>A string literal as source text: quotes plus the five escapes of DSL.md §1 rule 6.</summary>
    public static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }

    private static void PushSeparated(Stack<object> work, IReadOnlyList<Node> items)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            work.Push(items[i]);
            if (i > 0)
            {
                work.Push(" ");
            }
        }
    }
}
