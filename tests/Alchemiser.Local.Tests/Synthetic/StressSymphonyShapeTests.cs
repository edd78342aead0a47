using System.Globalization;
using System.Text.RegularExpressions;

namespace Alchemiser.Local.Tests.Synthetic;

/// <summary>A node of the test-side reader: an atom (number, string, keyword, symbol) or a bracketed list.</summary>
public abstract record SNode(int Line);

/// <summary>An atom: number, string (unescaped), keyword or symbol text.</summary>
public sealed record SAtom(string Text, bool IsString, int Line) : SNode(Line)
{
    public bool IsNumber => !IsString && decimal.TryParse(Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    public decimal Number => decimal.Parse(Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}

/// <summary><c>(…)</c>, <c>[…]</c> or <c>{…}</c>.</summary>
public sealed record SList(char Open, List<SNode> Items, int Line) : SNode(Line)
{
    public string? Head => Open == '(' && Items.Count > 0 && Items[0] is SAtom { IsString: false } a ? a.Text : null;

    public IReadOnlyList<SNode> Args => Items.Skip(1).ToList();
}

/// <summary>Facts gathered while linting a symphony.</summary>
public sealed class ShapeReport
{
    public List<string> Problems { get; } = [];

    public HashSet<string> Indicators { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Heads { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Tickers { get; } = new(StringComparer.Ordinal);

    public HashSet<string> AssetTickers { get; } = new(StringComparer.Ordinal);

    public int IndicatorVsNumber { get; set; }

    public int IndicatorVsIndicator { get; set; }

    public int GroupFilters { get; set; }

    public int AssetFilters { get; set; }

    public int MaxGroupFilterNesting { get; set; }

    /// <summary>Filters over groups whose metric is scored from group history (DSL.md §7.3), not a weighted average.</summary>
    public int HistoryScoredGroupFilters { get; set; }

    public List<int> GroupFilterWindows { get; } = [];

    public int Count(string head) => Heads.GetValueOrDefault(head);
}

/// <summary>
/// Test-side, text-level checks of symphony files, written from DSL.md §1–§3 independently of the engine (which is
/// built elsewhere): bracket scanning, a small iterative reader, and a linter for the argument kinds, arities,
/// parameter keys and windows of §3 plus this project's own rules (every <c>if</c> has an else branch, windows
/// ≤ 200, group bodies yield one weight node).
/// </summary>
public static partial class SymphonyShape
{
    public static readonly string[] IndicatorNames =
    [
        "current-price", "rsi", "moving-average-price", "exponential-moving-average-price", "cumulative-return",
        "moving-average-return", "stdev-return", "stdev-price", "max-drawdown", "percentage-price-oscillator",
        "percentage-price-oscillator-signal",
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["relative-strength-index"] = "rsi",
        ["standard-deviation-return"] = "stdev-return",
        ["standard-deviation-price"] = "stdev-price",
    };

    private static readonly HashSet<string> Comparisons = new(StringComparer.Ordinal) { ">", "<", ">=", "<=", "=" };

    private static readonly HashSet<string> HistoryMetrics = new(StringComparer.Ordinal)
        { "moving-average-return", "cumulative-return", "stdev-return", "max-drawdown", "rsi" };

    [GeneratedRegex("^[A-Z0-9][A-Z0-9./:_-]{0,31}$")]
    private static partial Regex TickerPattern();

    [GeneratedRegex("\\(asset \"([^\"]+)\"")]
    private static partial Regex AssetPattern();

    /// <summary>Maximum bracket depth and balance, skipping strings and comments; Error is null when balanced.</summary>
    public static (int MaxDepth, string? Error) ScanBrackets(string text)
    {
        var stack = new Stack<(char Open, int Line)>();
        var max = 0;
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    break;
                case ';':
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '"':
                    i++;
                    while (i < text.Length && text[i] != '"')
                    {
                        if (text[i] == '\\')
                        {
                            i++;
                        }
                        else if (text[i] == '\n')
                        {
                            line++;
                        }

                        i++;
                    }

                    if (i >= text.Length)
                    {
                        return (max, "unterminated string");
                    }

                    break;
                case '(' or '[' or '{':
                    stack.Push((c, line));
                    max = Math.Max(max, stack.Count);
                    break;
                case ')' or ']' or '}':
                    var expected = c switch { ')' => '(', ']' => '[', _ => '{' };
                    if (stack.Count == 0)
                    {
                        return (max, $"unexpected '{c}' at line {line}");
                    }

                    var open = stack.Pop();
                    if (open.Open != expected)
                    {
                        return (max, $"'{open.Open}' from line {open.Line} closed by '{c}' at line {line}");
                    }

                    break;
            }
        }

        return stack.Count == 0 ? (max, null) : (max, $"'{stack.Peek().Open}' from line {stack.Peek().Line} is never closed");
    }

    /// <summary>Number of <c>(group </c> forms (group names never contain that text).</summary>
    public static int CountGroups(string text)
    {
        var count = 0;
        for (var i = text.IndexOf("(group ", StringComparison.Ordinal); i >= 0; i = text.IndexOf("(group ", i + 7, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Distinct tickers of <c>(asset "…")</c> forms.</summary>
    public static HashSet<string> AssetTickers(string text) =>
        AssetPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads exactly one form (iteratively, any depth); throws <see cref="FormatException"/> on malformed text.</summary>
    public static SNode Read(string text)
    {
        var stack = new Stack<SList>();
        var root = new SList('^', [], 1);
        stack.Push(root);
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c) || c == ',')
            {
                i++;
            }
            else if (c == ';')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c is '(' or '[' or '{')
            {
                var list = new SList(c, [], line);
                stack.Peek().Items.Add(list);
                stack.Push(list);
                i++;
            }
            else if (c is ')' or ']' or '}')
            {
                var open = stack.Pop();
                var expected = c switch { ')' => '(', ']' => '[', _ => '{' };
                if (open.Open != expected)
                {
                    throw new FormatException($"line {line}: '{c}' does not close '{open.Open}'");
                }

                i++;
            }
            else if (c == '"')
            {
                var start = line;
                var value = new System.Text.StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\')
                    {
                        i++;
                        if (i >= text.Length || text[i] is not ('"' or '\\' or 'n' or 't' or 'r'))
                        {
                            throw new FormatException($"line {line}: invalid escape");
                        }

                        value.Append(text[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var e => e });
                    }
                    else
                    {
                        if (text[i] == '\n')
                        {
                            line++;
                        }

                        value.Append(text[i]);
                    }

                    i++;
                }

                if (i >= text.Length)
                {
                    throw new FormatException($"line {start}: unterminated string");
                }

                i++;
                stack.Peek().Items.Add(new SAtom(value.ToString(), true, start));
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (',' or ';' or '(' or ')' or '[' or ']' or '{' or '}' or '"'))
                {
                    i++;
                }

                stack.Peek().Items.Add(new SAtom(text[start..i], false, line));
            }

            if (stack.Count == 0)
            {
                throw new FormatException($"line {line}: unexpected closing bracket");
            }
        }

        if (stack.Count != 1)
        {
            throw new FormatException($"'{stack.Peek().Open}' from line {stack.Peek().Line} is never closed");
        }

        if (root.Items.Count != 1)
        {
            throw new FormatException($"expected exactly one top-level form, found {root.Items.Count}");
        }

        return root.Items[0];
    }

    /// <summary>Reads and lints a whole file; <paramref name="maxWindow"/> is the project's limit on windows.</summary>
    public static ShapeReport Lint(string text, int maxWindow = 200)
    {
        var report = new ShapeReport();
        SNode root;
        try
        {
            root = Read(text);
        }
        catch (FormatException ex)
        {
            report.Problems.Add(ex.Message);
            return report;
        }

        new Linter(report, maxWindow).Top(root);
        return report;
    }

    private sealed class Linter(ShapeReport report, int maxWindow)
    {
        public void Top(SNode root)
        {
            if (root is not SList { Head: "defsymphony" } call)
            {
                Problem(root, "top-level form is not defsymphony");
                return;
            }

            Count("defsymphony");
            var args = call.Args;
            if (args.Count != 3 || args[0] is not SAtom { IsString: true } || args[1] is not SList { Open: '{' } settings)
            {
                Problem(call, "defsymphony needs a name, a settings map and a body");
                return;
            }

            Settings(settings);
            Weight(args[2], 0, inGroupBody: false);
        }

        private void Settings(SList map)
        {
            if (map.Items.Count % 2 != 0)
            {
                Problem(map, "settings map needs key/value pairs");
                return;
            }

            for (var i = 0; i < map.Items.Count; i += 2)
            {
                var key = (map.Items[i] as SAtom)?.Text;
                var value = map.Items[i + 1] as SAtom;
                switch (key)
                {
                    case ":asset-class" when value is { IsString: true, Text: "EQUITIES" or "CRYPTO" }:
                    case ":rebalance-frequency" when value is { Text: ":none" or ":daily" or ":weekly" or ":monthly" or ":quarterly" or ":yearly" }:
                        break;
                    default:
                        Problem(map, $"unexpected setting {key}");
                        break;
                }
            }
        }

        private void Weight(SNode node, int groupFilterNesting, bool inGroupBody)
        {
            if (node is SList { Open: '[' } vector)
            {
                foreach (var item in vector.Items)
                {
                    Weight(item, groupFilterNesting, inGroupBody && vector.Items.Count == 1);
                }

                return;
            }

            if (node is not SList { Head: { } head } call)
            {
                Problem(node, "expected a weight expression");
                return;
            }

            Count(head);
            var args = call.Args;
            switch (head)
            {
                case "asset":
                    if (args.Count is < 1 or > 2 || args[0] is not SAtom { IsString: true } ticker
                        || (args.Count == 2 && args[1] is not SAtom { IsString: true } and not SAtom { Text: "nil" }))
                    {
                        Problem(call, "asset needs a ticker and an optional display name");
                        return;
                    }

                    Ticker(ticker, call);
                    report.AssetTickers.Add(ticker.Text);
                    break;
                case "group":
                    if (args.Count != 2 || args[0] is not SAtom { IsString: true })
                    {
                        Problem(call, "group needs a name and exactly one body");
                        return;
                    }

                    if (args[1] is SList { Open: '[' } body && body.Items.Count != 1)
                    {
                        Problem(call, "a group body must hold exactly one weight node");
                    }

                    Weight(args[1], groupFilterNesting, inGroupBody: true);
                    break;
                case "weight-equal":
                    if (args.Count == 0 || args.Any(a => a is SList { Open: '[', Items.Count: 0 }))
                    {
                        Problem(call, "weight-equal needs non-empty children");
                    }

                    foreach (var a in args)
                    {
                        Weight(a, groupFilterNesting, inGroupBody: false);
                    }

                    break;
                case "weight-specified":
                    if (args.Count == 0 || args.Count % 2 != 0)
                    {
                        Problem(call, "weight-specified needs weight/expression pairs");
                        return;
                    }

                    for (var i = 0; i < args.Count; i += 2)
                    {
                        if (args[i] is not SAtom { IsNumber: true } w || w.Number < 0)
                        {
                            Problem(call, "weight-specified weights must be non-negative numbers");
                        }

                        Weight(args[i + 1], groupFilterNesting, inGroupBody: false);
                    }

                    break;
                case "weight-inverse-volatility":
                    if (args.Count < 2 || args[0] is not SAtom { IsNumber: true } window)
                    {
                        Problem(call, "weight-inverse-volatility needs a window and children");
                        return;
                    }

                    Window(window, call, 1);
                    foreach (var a in args.Skip(1))
                    {
                        Weight(a, groupFilterNesting, inGroupBody: false);
                    }

                    break;
                case "filter":
                    Filter(call, args, groupFilterNesting);
                    break;
                case "if":
                    if (args.Count != 3)
                    {
                        Problem(call, "if needs a condition, a then branch and an else branch");
                        return;
                    }

                    Condition(args[0]);
                    for (var b = 1; b <= 2; b++)
                    {
                        if (inGroupBody && args[b] is SList { Open: '[' } branch && branch.Items.Count != 1)
                        {
                            Problem(call, "an if that is a group body must yield one weight node per branch");
                        }

                        Weight(args[b], groupFilterNesting, inGroupBody: false);
                    }

                    break;
                default:
                    Problem(call, $"'{head}' is not a weight expression");
                    break;
            }
        }

        private void Filter(SList call, IReadOnlyList<SNode> args, int groupFilterNesting)
        {
            if (args.Count is < 2 or > 3 || args[0] is not SList { Head: not null } metric)
            {
                Problem(call, "filter needs a metric, an optional selector and candidates");
                return;
            }

            Indicator(metric, withTicker: false);
            if (args.Count == 3)
            {
                if (args[1] is not SList { Head: "select-top" or "select-bottom" } selector
                    || selector.Args.Count != 1 || selector.Args[0] is not SAtom { IsNumber: true } n || n.Number < 1)
                {
                    Problem(call, "filter selector must be (select-top n) or (select-bottom n), n >= 1");
                }
                else
                {
                    Count(selector.Head!);
                }
            }

            var candidates = args[^1];
            var portfolio = candidates is SList { Open: '[' } v && v.Items.Count > 0 && v.Items.All(i => i is SList { Head: "group" });
            if (portfolio)
            {
                report.GroupFilters++;
                groupFilterNesting++;
                report.MaxGroupFilterNesting = Math.Max(report.MaxGroupFilterNesting, groupFilterNesting);
                var window = metric.Args.FirstOrDefault() is SList { Open: '{' } map && map.Items.Count >= 2 && map.Items[1] is SAtom { IsNumber: true } w
                    ? (int)w.Number
                    : -1;
                report.GroupFilterWindows.Add(window);
                if (HistoryMetrics.Contains(metric.Head!))
                {
                    report.HistoryScoredGroupFilters++;
                }
            }
            else
            {
                report.AssetFilters++;
            }

            Weight(candidates, groupFilterNesting, inGroupBody: false);
        }

        private void Condition(SNode node)
        {
            if (node is SAtom { Text: "true" or "false" })
            {
                return;
            }

            if (node is not SList { Head: { } head } call)
            {
                Problem(node, "expected a condition");
                return;
            }

            Count(head);
            var args = call.Args;
            if (Comparisons.Contains(head))
            {
                if (args.Count != 2)
                {
                    Problem(call, "a comparison needs two operands");
                    return;
                }

                var indicators = 0;
                foreach (var operand in args)
                {
                    if (operand is SAtom { IsNumber: true })
                    {
                        continue;
                    }

                    if (operand is SList { Head: not null } indicator)
                    {
                        Indicator(indicator, withTicker: true);
                        indicators++;
                    }
                    else
                    {
                        Problem(operand, "a comparison operand must be a number or an indicator");
                    }
                }

                if (indicators == 2)
                {
                    report.IndicatorVsIndicator++;
                }
                else if (indicators == 1)
                {
                    report.IndicatorVsNumber++;
                }

                return;
            }

            if (head is "and" or "or" && args.Count >= 1)
            {
                foreach (var a in args)
                {
                    Condition(a);
                }

                return;
            }

            if (head == "not" && args.Count == 1)
            {
                Condition(args[0]);
                return;
            }

            Problem(call, $"'{head}' is not a condition");
        }

        /// <summary>Checks an indicator call; returns its canonical name (null when unknown).</summary>
        private string? Indicator(SList call, bool withTicker)
        {
            var head = call.Head!;
            Count(head);
            var name = Aliases.GetValueOrDefault(head, head);
            if (!IndicatorNames.Contains(name))
            {
                Problem(call, $"unknown indicator '{head}'");
                return null;
            }

            report.Indicators.Add(name);
            var args = call.Args.ToList();
            if (withTicker)
            {
                if (args.Count == 0 || args[0] is not SAtom { IsString: true } ticker)
                {
                    Problem(call, $"{head} in a comparison needs a ticker");
                    return name;
                }

                Ticker(ticker, call);
                args.RemoveAt(0);
            }
            else if (args.Any(a => a is SAtom { IsString: true }))
            {
                Problem(call, "a filter metric must not carry a ticker");
                return name;
            }

            if (name == "current-price")
            {
                if (args.Count != 0)
                {
                    Problem(call, "current-price takes no parameters");
                }

                return name;
            }

            if (args.Count == 0)
            {
                if (withTicker && name != "rsi")
                {
                    Problem(call, $"{head} needs a window");
                }

                return name;
            }

            if (args.Count != 1 || args[0] is not SList { Open: '{' } map || map.Items.Count % 2 != 0)
            {
                Problem(call, $"{head} parameters must be one map");
                return name;
            }

            var allowed = name switch
            {
                "percentage-price-oscillator" => new[] { ":short-window", ":long-window" },
                "percentage-price-oscillator-signal" => [":short-window", ":long-window", ":smooth-window"],
                _ => [":window"],
            };
            var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
            for (var i = 0; i < map.Items.Count; i += 2)
            {
                var key = (map.Items[i] as SAtom)?.Text ?? "?";
                if (!allowed.Contains(key) || map.Items[i + 1] is not SAtom { IsNumber: true } value || !values.TryAdd(key, value.Number))
                {
                    Problem(call, $"{head}: bad parameter {key}");
                    continue;
                }

                Window(value, call, name == "stdev-price" ? 2 : 1);
            }

            if (name.StartsWith("percentage-price-oscillator", StringComparison.Ordinal)
                && values.GetValueOrDefault(":short-window", 12) >= values.GetValueOrDefault(":long-window", 26))
            {
                Problem(call, "PPO short window must be below the long window");
            }

            return name;
        }

        private void Window(SAtom value, SNode at, int min)
        {
            var n = decimal.Truncate(value.Number);
            if (n < min || n > maxWindow)
            {
                Problem(at, $"window {value.Text} outside {min}..{maxWindow}");
            }
        }

        private void Ticker(SAtom ticker, SNode at)
        {
            var upper = ticker.Text.ToUpperInvariant();
            if (!TickerPattern().IsMatch(upper))
            {
                Problem(at, $"invalid ticker '{ticker.Text}'");
            }

            report.Tickers.Add(upper);
        }

        private void Count(string head) => report.Heads[head] = report.Heads.GetValueOrDefault(head) + 1;

        private void Problem(SNode at, string message)
        {
            if (report.Problems.Count < 20)
            {
                report.Problems.Add($"line {at.Line}: {message}");
            }
        }
    }
}

public sealed class StressSymphonyShapeTests
{
    private const string Valid = """
        ; comment (with brackets] that must be ignored
        (defsymphony "T" {:asset-class "EQUITIES", :rebalance-frequency :daily}
          (weight-equal
            [(if (> (rsi "SPY" {:window 10}) 79)
               [(group "G" [(weight-equal [(asset "UVXY") (asset "BRK/B" "Berkshire")])])]
               [(filter (cumulative-return {:window 10}) (select-top 1)
                  [(group "A" [(asset "SPY")]) (group "B" [(asset "TLT" nil)])])])]))
        """;

    [Fact]
    public void Scanner_measures_depth_and_ignores_brackets_in_strings_and_comments()
    {
        var (depth, error) = SymphonyShape.ScanBrackets("; ((((\n(a \"[[[\" [b {:c 1}])");
        Assert.Null(error);
        Assert.Equal(3, depth);
    }

    [Theory]
    [InlineData("(a [b)]", "closed by")]
    [InlineData("(a [b]", "never closed")]
    [InlineData("(a))", "unexpected")]
    [InlineData("(a \"b)", "unterminated")]
    public void Scanner_reports_unbalanced_text(string text, string expected)
    {
        var (_, error) = SymphonyShape.ScanBrackets(text);
        Assert.NotNull(error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Counting_helpers_see_groups_and_asset_tickers()
    {
        Assert.Equal(3, SymphonyShape.CountGroups(Valid));
        Assert.Equal(new[] { "BRK/B", "SPY", "TLT", "UVXY" }, SymphonyShape.AssetTickers(Valid).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Linter_accepts_a_valid_symphony_and_collects_facts()
    {
        var report = SymphonyShape.Lint(Valid);

        Assert.Empty(report.Problems);
        Assert.Equal(["cumulative-return", "rsi"], report.Indicators.Order(StringComparer.Ordinal));
        Assert.Equal(1, report.GroupFilters);
        Assert.Equal(1, report.MaxGroupFilterNesting);
        Assert.Equal([10], report.GroupFilterWindows);
        Assert.Equal(1, report.IndicatorVsNumber);
        Assert.Equal(3, report.Count("group"));
        Assert.Contains("BRK/B", report.AssetTickers);
    }

    [Theory]
    [InlineData("(weight-equal [(asset \"A\")])", "not defsymphony")]
    [InlineData("(defsymphony \"T\" {} (weight-equal [(asset \"A\")]) (asset \"B\"))", "needs a name, a settings map and a body")]
    [InlineData("(defsymphony \"T\" {:rebalance-frequency :hourly} (asset \"A\"))", "unexpected setting")]
    [InlineData("(defsymphony \"T\" {} (weight-equal [(rsii \"SPY\" 10)]))", "not a weight expression")]
    [InlineData("(defsymphony \"T\" {} (if (> (rsi \"SPY\" {:window 10}) 50) [(asset \"A\")]))", "else branch")]
    [InlineData("(defsymphony \"T\" {} (if (> (rsii \"SPY\" {:window 10}) 50) [(asset \"A\")] [(asset \"B\")]))", "unknown indicator 'rsii'")]
    [InlineData("(defsymphony \"T\" {} (if (> (rsi \"SPY\" {:windw 10}) 50) [(asset \"A\")] [(asset \"B\")]))", "bad parameter :windw")]
    [InlineData("(defsymphony \"T\" {} (if (> (moving-average-price \"SPY\") 1) [(asset \"A\")] [(asset \"B\")]))", "needs a window")]
    [InlineData("(defsymphony \"T\" {} (if (> (moving-average-price \"SPY\" {:window 250}) 1) [(asset \"A\")] [(asset \"B\")]))", "outside 1..200")]
    [InlineData("(defsymphony \"T\" {} (if (> (stdev-price \"SPY\" {:window 1}) 1) [(asset \"A\")] [(asset \"B\")]))", "outside 2..200")]
    [InlineData("(defsymphony \"T\" {} (if (> (percentage-price-oscillator \"SPY\" {:short-window 26 :long-window 12}) 0) [(asset \"A\")] [(asset \"B\")]))", "short window")]
    [InlineData("(defsymphony \"T\" {} (filter (rsi \"SPY\" {:window 10}) (select-top 1) [(asset \"A\")]))", "must not carry a ticker")]
    [InlineData("(defsymphony \"T\" {} (filter (rsi {:window 10}) (select-top 0) [(asset \"A\")]))", "n >= 1")]
    [InlineData("(defsymphony \"T\" {} (weight-specified -0.5 (asset \"A\")))", "non-negative")]
    [InlineData("(defsymphony \"T\" {} (weight-equal []))", "non-empty")]
    [InlineData("(defsymphony \"T\" {} (group \"G\" [(asset \"A\") (asset \"B\")]))", "exactly one weight node")]
    [InlineData("(defsymphony \"T\" {} (group \"G\" [(if true [(asset \"A\") (asset \"B\")] [(asset \"C\")])]))", "one weight node per branch")]
    [InlineData("(defsymphony \"T\" {} (asset \"a b\"))", "invalid ticker")]
    [InlineData("(defsymphony \"T\" {} (weight-equal [(asset \"A\")])", "never closed")]
    public void Linter_reports_what_the_validator_would_reject(string text, string expected)
    {
        var report = SymphonyShape.Lint(text);
        Assert.Contains(report.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Linter_measures_nesting_of_filters_over_groups()
    {
        const string text = """
            (defsymphony "T" {}
              (filter (rsi {:window 5}) (select-top 1)
                [(group "Outer" [(filter (max-drawdown {:window 20}) (select-bottom 1)
                                   [(group "Inner A" [(asset "A")]) (group "Inner B" [(asset "B")])])])
                 (group "Plain" [(asset "C")])]))
            """;
        var report = SymphonyShape.Lint(text);
        Assert.Empty(report.Problems);
        Assert.Equal(2, report.MaxGroupFilterNesting);
        Assert.Equal([5, 20], report.GroupFilterWindows);
    }
}
