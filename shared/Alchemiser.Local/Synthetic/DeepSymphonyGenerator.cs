using System.Globalization;
using System.Text;

namespace Alchemiser.Local.Synthetic;

/// <summary>
/// Extreme-shape symphonies for the depth and size tests of DSL.md §12 T5: <see cref="NestedWeightEqual"/> (T5a,
/// pure depth) and <see cref="ManyGroups"/> (T5c, pure breadth: ≈ 170k groups in 20 MB). Both are built
/// iteratively with one <see cref="StringBuilder"/>, so any size is cheap to produce.
/// </summary>
public static class DeepSymphonyGenerator
{
    /// <summary>The size T5c asks for: 20 MB.</summary>
    public const int TwentyMegabytes = 20_000_000;

    /// <summary>The one RSI every group of <see cref="ManyGroups"/> tests (so an evaluator computes it once).</summary>
    public const string SharedRsi = "(rsi \"SPY\" {:window 10})";

    /// <summary>Number of distinct asset tickers <see cref="ManyGroups"/> draws from (<c>M000</c> … <c>M199</c>).</summary>
    public const int ManyGroupsAssetTickers = 200;

    private const string Settings = "{:asset-class \"EQUITIES\" :rebalance-frequency :daily}";

    /// <summary>
    /// <c>(defsymphony "Nested weight-equal N" {…} (weight-equal [(weight-equal [ … (asset "A") … ])]))</c> with
    /// <paramref name="levels"/> nested <c>weight-equal</c>s; evaluates to {A: 1}. The maximum bracket depth is
    /// 2·<paramref name="levels"/> + 2 (the <c>defsymphony</c> paren, two per level, the <c>asset</c> paren), e.g.
    /// 2,047 levels give exactly 4,096. No groups; the only ticker is <c>A</c>.
    /// </summary>
    public static StressSymphony NestedWeightEqual(int levels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(levels, 10_000_000);

        const string open = "(weight-equal [";
        const string leaf = "(asset \"A\")";
        var name = "Nested weight-equal " + levels.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder(((open.Length + 2) * levels) + 160);
        text.Append("(defsymphony \"").Append(name).Append("\" ").Append(Settings).Append('\n').Append(' ');
        for (var i = 0; i < levels; i++)
        {
            text.Append(open);
        }

        text.Append(leaf);
        for (var i = 0; i < levels; i++)
        {
            text.Append("])");
        }

        text.Append(")\n");
        var result = text.ToString();
        return new StressSymphony(name, result, ["A"], 0, (2 * levels) + 2, Encoding.UTF8.GetByteCount(result));
    }

    /// <summary>
    /// A flat, wide file of at least <paramref name="targetBytes"/> UTF-8 bytes (and at least one group): one top-level
    /// <c>weight-equal</c> vector of groups, each
    /// <c>(group "g000123" [(if (&gt; (rsi "SPY" {:window 10}) 47) [(asset "M017")] [(asset "M105")])])</c>, printed over
    /// four lines (about 120 bytes per group, so 20 MB holds about 170k groups). Thresholds vary from 30 to 70 so both
    /// branches are taken; the maximum bracket depth is 9. Tickers: SPY plus <c>M000</c>…<c>M199</c>.
    /// </summary>
    public static StressSymphony ManyGroups(int targetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetBytes, 512 * 1024 * 1024);

        const string name = "Many groups";
        var tickers = new string[ManyGroupsAssetTickers];
        for (var i = 0; i < tickers.Length; i++)
        {
            tickers[i] = "M" + i.ToString("000", CultureInfo.InvariantCulture);
        }

        var used = new bool[ManyGroupsAssetTickers];
        var text = new StringBuilder(targetBytes + 512);
        text.Append("(defsymphony\n \"").Append(name).Append("\"\n ").Append(Settings).Append("\n (weight-equal\n  [");
        var groups = 0;
        Span<char> number = stackalloc char[16];
        while (groups == 0 || text.Length + 6 < targetBytes)
        {
            if (groups > 0)
            {
                text.Append("\n   ");
            }

            var then = (int)((groups * 7L) % ManyGroupsAssetTickers);
            var otherwise = (int)(((groups * 13L) + 5) % ManyGroupsAssetTickers);
            used[then] = true;
            used[otherwise] = true;
            var threshold = 30 + (int)((groups * 17L) % 41);

            text.Append("(group \"g");
            AppendPadded(text, number, groups + 1, "D6");
            text.Append("\"\n    [(if (> ").Append(SharedRsi).Append(' ');
            AppendPadded(text, number, threshold, "D");
            text.Append(")\n      [(asset \"").Append(tickers[then]).Append("\")]\n      [(asset \"")
                .Append(tickers[otherwise]).Append("\")])])");
            groups++;
        }

        text.Append("]))\n");
        var result = text.ToString();
        var list = new List<string>(ManyGroupsAssetTickers + 1) { "SPY" };
        for (var i = 0; i < tickers.Length; i++)
        {
            if (used[i])
            {
                list.Add(tickers[i]);
            }
        }

        list.Sort(StringComparer.Ordinal);
        return new StressSymphony(name, result, list.AsReadOnly(), groups, 9, Encoding.UTF8.GetByteCount(result));
    }

    private static void AppendPadded(StringBuilder text, Span<char> buffer, int value, string format)
    {
        value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture);
        text.Append(buffer[..written]);
    }
}
