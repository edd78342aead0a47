using System.Runtime.CompilerServices;
using Alchemiser.Dsl.Syntax;

namespace Alchemiser.Dsl.Binding;

/// <summary>
/// Static validation (DSL.md §3): turns the parsed form tree into a typed <see cref="Symphony"/>, or throws the first
/// violation in pre-order as a <see cref="DslException"/> (DSL201–DSL207) at the offending node. Every branch is
/// checked, taken or not. Safe at any depth the parser accepts: deep trees are bound on a dedicated thread with a
/// large stack (§11.1).
/// </summary>
public static class Binder
{
    /// <summary>Trees up to this bracket depth are bound on the caller's thread; deeper ones on a big-stack thread.</summary>
    internal const int InlineDepth = 128;

    /// <summary>
    /// Validates <paramref name="root"/> (the parser's result) and builds the bound tree.
    /// <paramref name="fileName"/> is used in every reported position.
    /// </summary>
    public static Symphony Bind(Node root, string fileName)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(fileName);

        var shape = FormShape.Measure(root);
        if (shape.MaxDepth <= InlineDepth && RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return new TreeBinder(fileName).BindSymphony(root, shape);
        }

        return LargeStack.Run(() => new TreeBinder(fileName).BindSymphony(root, shape));
    }
}
