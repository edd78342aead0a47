using System.Collections;

namespace Alchemiser.Dsl.Binding;

/// <summary>
/// T(G) of DSL.md §7.3 rule 2 for one group: the tickers of every <c>asset</c> form in the group's body, all branches,
/// in order of first appearance, de-duplicated. Computed on first use and cached, so binding stays linear however
/// deeply groups nest (eager lists would cost the sum of every group's subtree); only groups that a portfolio-mode
/// filter actually scores ever pay for it. The walk is iterative and reuses the cached list of any inner group that
/// was already computed. Safe for concurrent readers: a race computes the same list twice and keeps one.
/// </summary>
internal sealed class GroupHistoryTickers(BoundWeight body) : IReadOnlyList<string>
{
    private string[]? tickers;

    public int Count => Tickers.Length;

    private string[] Tickers
    {
        get
        {
            var computed = Volatile.Read(ref tickers);
            if (computed is not null)
            {
                return computed;
            }

            computed = Compute(body);
            return Interlocked.CompareExchange(ref tickers, computed, null) ?? computed;
        }
    }

    public string this[int index] => Tickers[index];

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)Tickers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string[] Compute(BoundWeight body)
    {
        var result = new TickerSet();
        var pending = new Stack<BoundWeight>();
        pending.Push(body);

        void PushReversed(IReadOnlyList<BoundWeight> items)
        {
            for (var i = items.Count - 1; i >= 0; i--)
            {
                pending.Push(items[i]);
            }
        }

        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case BoundAsset asset:
                    result.Add(asset.Ticker);
                    break;
                case BoundGroup group when group.HistoryTickers is GroupHistoryTickers inner && inner.IsComputed:
                    foreach (var ticker in inner.Tickers)
                    {
                        result.Add(ticker);
                    }

                    break;
                case BoundGroup group:
                    pending.Push(group.Body);
                    break;
                case BoundVector vector:
                    PushReversed(vector.Items);
                    break;
                case BoundIf conditional:
                    // The condition's indicators name tickers too, but T(G) counts asset forms only.
                    if (conditional.Else is not null)
                    {
                        pending.Push(conditional.Else);
                    }

                    pending.Push(conditional.Then);
                    break;
                case BoundWeightEqual equal:
                    PushReversed(equal.Args);
                    break;
                case BoundWeightSpecified specified:
                    for (var i = specified.Branches.Count - 1; i >= 0; i--)
                    {
                        pending.Push(specified.Branches[i].Body);
                    }

                    break;
                case BoundInverseVolatility inverse:
                    PushReversed(inverse.Args);
                    break;
                case BoundFilter filter:
                    pending.Push(filter.Candidates);
                    break;
                case var other:
                    throw new InvalidOperationException("T(G) walk met an unexpected node " + other.GetType().Name);
            }
        }

        return result.ToArray();
    }

    private bool IsComputed => Volatile.Read(ref tickers) is not null;

    /// <summary>
    /// Insertion-ordered, ordinal de-duplicated tickers. Most groups hold a handful, so a linear scan is used until
    /// the list grows past <see cref="ScanLimit"/>, then a hash set takes over.
    /// </summary>
    private sealed class TickerSet
    {
        private const int ScanLimit = 8;
        private readonly List<string> order = [];
        private HashSet<string>? index;

        public void Add(string ticker)
        {
            if (index is not null)
            {
                if (index.Add(ticker))
                {
                    order.Add(ticker);
                }

                return;
            }

            foreach (var known in order)
            {
                if (string.Equals(known, ticker, StringComparison.Ordinal))
                {
                    return;
                }
            }

            order.Add(ticker);
            if (order.Count > ScanLimit)
            {
                index = new HashSet<string>(order, StringComparer.Ordinal);
            }
        }

        public string[] ToArray() => order.ToArray();
    }
}
