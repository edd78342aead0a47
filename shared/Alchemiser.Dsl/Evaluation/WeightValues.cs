namespace Alchemiser.Dsl.Evaluation;

/// <summary>The helpers of DSL.md §4.2 over weight values (ticker string, <see cref="Portfolio"/>, <see cref="ValueList"/>).</summary>
internal static class WeightValues
{
    /// <summary>Unwrap(v): while v is a list of length 1, v := its element.</summary>
    public static object Unwrap(object value)
    {
        while (value is ValueList { Items.Count: 1 } list)
        {
            value = list.Items[0];
        }

        return value;
    }

    /// <summary>Tickers(v): tickers in order of first appearance, de-duplicated.</summary>
    public static List<string> Tickers(object value)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<object>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case string ticker:
                    if (seen.Add(ticker))
                    {
                        result.Add(ticker);
                    }

                    break;
                case Portfolio portfolio:
                    foreach (var t in portfolio.Tickers)
                    {
                        if (seen.Add(t))
                        {
                            result.Add(t);
                        }
                    }

                    break;
                case ValueList list:
                    for (var i = list.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push(list.Items[i]);
                    }

                    break;
            }
        }

        return result;
    }
}
