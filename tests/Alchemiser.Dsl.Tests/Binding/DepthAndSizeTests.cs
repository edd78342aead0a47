using System.Diagnostics;
using System.Globalization;
using System.Text;
using Alchemiser.Dsl.Binding;
using Alchemiser.Dsl.Syntax;
using Xunit.Abstractions;
using static Alchemiser.Dsl.Tests.Binding.BindingHarness;

namespace Alchemiser.Dsl.Tests.Binding;

/// <summary>DSL.md §11 and §12 T5: any accepted depth binds without overflowing the stack; big files bind fast.</summary>
[Collection(BinderPerformanceCollection.Name)]
public sealed class DepthAndSizeTests(ITestOutputHelper output)
{
    /// <summary><c>(defsymphony "t" {} (weight-equal [ … (weight-equal [(asset "A")]) … ]))</c> with n weight-equal levels.</summary>
    private static string NestedWeightEqual(int levels)
    {
        var sb = new StringBuilder(BodyPrefix);
        for (var i = 0; i < levels; i++)
        {
            sb.Append("(weight-equal [");
        }

        sb.Append("(asset \"A\")");
        for (var i = 0; i < levels; i++)
        {
            sb.Append("])");
        }

        return sb.Append(')').ToString();
    }

    [Fact]
    public void A_thousand_nested_weight_equal_forms_bind_down_to_the_innermost_asset()
    {
        var symphony = Bind(NestedWeightEqual(1000));

        // defsymphony is depth 1; each (weight-equal [ adds 2; the innermost asset call is one deeper.
        Assert.Equal(2002, symphony.Stats.MaxDepth);
        BoundWeight current = symphony.Body;
        var levels = 0;
        while (current is BoundWeightEqual equal)
        {
            levels++;
            current = Assert.Single(Assert.IsType<BoundVector>(Assert.Single(equal.Args)).Items);
        }

        Assert.Equal(1000, levels);
        Assert.Equal("A", Assert.IsType<BoundAsset>(current).Ticker);
    }

    [Fact]
    public void The_deepest_tree_the_parser_accepts_binds_even_from_a_thread_with_a_small_stack()
    {
        // 2,047 levels of (weight-equal [ plus defsymphony and the asset: bracket depth 4,096, the parser's limit.
        var source = NestedWeightEqual(2047);
        var tree = Parser.Parse(source, "deep.clj");
        Symphony? symphony = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    symphony = Binder.Bind(tree, "deep.clj");
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.NotNull(symphony);
        Assert.Equal(4096, symphony.Stats.MaxDepth);
    }

    [Fact]
    public void An_error_deep_in_the_tree_reaches_the_caller_with_its_position()
    {
        var source = NestedWeightEqual(1500).Replace("(asset \"A\")", "(asset \"A\" 5)", StringComparison.Ordinal);
        var column = source.IndexOf(" 5)", StringComparison.Ordinal) + 2;
        AssertFails(source, 1, column, "DSL203", "expected a display name (a string) or nil, found a number");
    }

    [Fact]
    public void Deeply_nested_conditions_bind_with_their_canonical_text()
    {
        const int Depth = 3000;
        var condition = string.Concat(Enumerable.Repeat("(not ", Depth)) + "true" + new string(')', Depth);
        var conditional = Body<BoundIf>("(if " + condition + " [(asset \"A\")])");
        Assert.Equal(condition, conditional.Condition.Text);
        var current = conditional.Condition;
        for (var i = 0; i < Depth; i++)
        {
            current = Assert.IsType<BoundNot>(current).Operand;
        }

        Assert.True(Assert.IsType<BoundBoolean>(current).Value);
    }

    [Fact]
    public void A_generated_20_MB_file_with_170k_groups_binds_within_budget()
    {
        const int Blocks = 170;
        const int GroupsPerBlock = 1000;
        var source = StressSource(Blocks, GroupsPerBlock);
        Assert.InRange(source.Length, 18_000_000, 24_000_000);

        // Warm up the code paths once on a small file so the timing measures binding, not JIT.
        Binder.Bind(Parser.Parse(StressSource(2, 10), "warm.clj"), "warm.clj");

        var parse = Measure.Start();
        var tree = Parser.Parse(source, "stress.clj");
        var parsed = parse.Stop();

        var bind = Measure.Start();
        var symphony = Binder.Bind(tree, "stress.clj");
        var bound = bind.Stop();

        var groups = CollectGroups(symphony.Body);
        var history = Measure.Start();
        var historyTickers = groups.Sum(g => g.HistoryTickers.Count);
        var historyTime = history.Stop();

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{source.Length / 1e6:F1} MB, {symphony.Stats.Forms} forms, {symphony.Stats.Groups} groups"));
        output.WriteLine("parse: " + parsed);
        output.WriteLine("bind: " + bound);
        output.WriteLine("T(G) of every group: " + historyTime);

        Assert.Equal(Blocks + (Blocks * GroupsPerBlock), symphony.Stats.Groups);
        Assert.Equal(symphony.Stats.Groups, groups.Count);
        Assert.Equal(1002, symphony.Stats.Tickers.Count);

        // Blocks hold 1,000 distinct tickers plus BIL; every inner group holds its own ticker plus BIL.
        Assert.Equal((Blocks * 1001) + (Blocks * GroupsPerBlock * 2), historyTickers);
    }

    /// <summary>
    /// T5c-style file: <paramref name="blocks"/> groups, each a weight-equal of <paramref name="groupsPerBlock"/>
    /// groups that each hold an <c>if</c> on one shared RSI choosing between one of 1,000 tickers and BIL.
    /// </summary>
    internal static string StressSource(int blocks, int groupsPerBlock)
    {
        var sb = new StringBuilder(blocks * groupsPerBlock * 125);
        sb.Append("(defsymphony \"Stress\" {:rebalance-frequency :daily}\n (weight-equal [\n");
        for (var b = 0; b < blocks; b++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  (group \"Block {b}\" [(weight-equal [\n");
            for (var g = 0; g < groupsPerBlock; g++)
            {
                sb.Append(
                    CultureInfo.InvariantCulture,
                    $"    (group \"Block {b} group {g:D4}\" [(if (> (rsi \"SPY\" {{:window 10}}) 50) [(asset \"TK{g:D3}\")] [(asset \"BIL\")])])\n");
            }

            sb.Append("  ])])\n");
        }

        return sb.Append("]))\n").ToString();
    }

    private static List<BoundGroup> CollectGroups(BoundWeight root)
    {
        var groups = new List<BoundGroup>();
        var pending = new Stack<BoundWeight>();
        pending.Push(root);

        void PushAll(IReadOnlyList<BoundWeight> items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                pending.Push(items[i]);
            }
        }

        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case BoundGroup group:
                    groups.Add(group);
                    pending.Push(group.Body);
                    break;
                case BoundVector vector:
                    PushAll(vector.Items);
                    break;
                case BoundWeightEqual equal:
                    PushAll(equal.Args);
                    break;
                case BoundIf conditional:
                    pending.Push(conditional.Then);
                    if (conditional.Else is not null)
                    {
                        pending.Push(conditional.Else);
                    }

                    break;
            }
        }

        return groups;
    }
}

/// <summary>Wall time, process CPU time (GC threads included) and allocation of one measured step.</summary>
internal readonly record struct Measure(TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes)
{
    public static Running Start() => new();

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"wall {Wall.TotalMilliseconds:F0} ms, cpu {Cpu.TotalMilliseconds:F0} ms, allocated {AllocatedBytes / 1e6:F0} MB");

    /// <summary>A measurement in progress.</summary>
    internal sealed class Running
    {
        private readonly Stopwatch wall = Stopwatch.StartNew();
        private readonly TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly long allocated = GC.GetTotalAllocatedBytes(precise: true);

        public Measure Stop() => new(
            wall.Elapsed,
            Process.GetCurrentProcess().TotalProcessorTime - cpu,
            GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }
}

/// <summary>Timing tests run alone so parallel tests do not distort them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BinderPerformanceCollection
{
    public const string Name = "Binder performance";
}
