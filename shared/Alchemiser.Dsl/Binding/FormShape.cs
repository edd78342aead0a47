using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Binding;

/// <summary>
/// The purely structural part of <see cref="SymphonyStats"/>, measured by one iterative walk (any depth, no
/// recursion): every node of the form tree counted (call heads and map keys included), the deepest bracket nesting
/// (a call, vector or map is one level deeper than the bracket around it; the top-level call is depth 1, a bare atom
/// 0), and the distinct call heads as written, ordinal order.
/// </summary>
internal sealed record FormShape(int Forms, int MaxDepth, IReadOnlyList<string> Functions)
{
    public static FormShape Measure(Node root)
    {
        // Indexed loops, not foreach: enumerating an IReadOnlyList through the interface boxes an enumerator per
        // node, which on a 20 MB file is tens of megabytes of garbage.
        var forms = 0;
        var maxDepth = 0;
        var heads = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(Node Node, int Depth)>();
        pending.Push((root, 0));

        while (pending.Count > 0)
        {
            var (node, outer) = pending.Pop();
            forms++;
            switch (node)
            {
                case CallNode call:
                    var depth = outer + 1;
                    maxDepth = Math.Max(maxDepth, depth);
                    heads.Add(call.Head.Name);
                    forms++; // the head symbol
                    var args = call.Args;
                    for (var i = 0; i < args.Count; i++)
                    {
                        pending.Push((args[i], depth));
                    }

                    break;
                case VectorNode vector:
                    maxDepth = Math.Max(maxDepth, outer + 1);
                    var items = vector.Items;
                    for (var i = 0; i < items.Count; i++)
                    {
                        pending.Push((items[i], outer + 1));
                    }

                    break;
                case MapNode map:
                    maxDepth = Math.Max(maxDepth, outer + 1);
                    var entries = map.Entries;
                    forms += entries.Count; // the keys
                    for (var i = 0; i < entries.Count; i++)
                    {
                        pending.Push((entries[i].Value, outer + 1));
                    }

                    break;
            }
        }

        return new FormShape(forms, maxDepth, heads.Order(StringComparer.Ordinal).ToArray());
    }
}
