namespace Alchemiser.Dsl.Evaluation;

/// <summary>
/// Runtime value of DSL.md §4.2: an ordered list of values, from a vector or an <c>if</c> whose branch is a vector.
/// Items are tickers (<see cref="string"/>), <see cref="Portfolio"/>s or nested lists.
/// </summary>
internal sealed class ValueList(IReadOnlyList<object> items)
{
    public static readonly ValueList Empty = new([]);

    public IReadOnlyList<object> Items { get; } = items;
}
