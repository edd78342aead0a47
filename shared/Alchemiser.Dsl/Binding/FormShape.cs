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
                    foreach (var arg in call.Args)
                    {
                        pending.Push((arg, depth));
                    }

                    break;
                case VectorNode vector:
                    maxDepth = Math.Max(maxDepth, outer + 1);
                    foreach (var item in vector.Items)
                    {
                        pending.Push((item, outer + 1));
                    }

                    break;
                case MapNode map:
                    maxDepth = Math.Max(maxDepth, outer + 1);
                    forms += map.Entries.Count; // the keys
                    foreach (var entry in map.Entries)
                    {
                        pending.Push((entry.Value, outer + 1));
                    }

                    break;
            }
        }

        return new FormShape(forms, maxDepth, heads.Order(StringComparer.Ordinal).ToArray());
    }
}
