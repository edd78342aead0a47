using System.Globalization;
using System.Text;

namespace Alchemiser.Local.Synthetic;

/// <summary>
/// Generates large, realistic Composer-style symphonies for parser/validator/evaluator stress tests and
/// benchmarks, deterministically from <see cref="StressSymphonyOptions.Seed"/>.
/// <para>
/// Shape: a <c>defsymphony</c> whose top-level <c>weight-equal</c> holds a deep "spine" (a long chain of
/// <c>if</c>s nested through their else branches, now and then wrapped in a <c>group</c>, whose then branches carry
/// most of the content) followed by shallower top-level groups. Content is made of groups wrapping
/// <c>weight-equal</c> vectors, if-trees whose conditions compare an indicator with a number or with another
/// indicator, filters over assets (every indicator of DSL.md §6 as a metric), filters over groups (portfolio mode,
/// windows 5–20, nested at most <see cref="StressSymphonyOptions.MaxGroupFilterNesting"/> deep),
/// <c>weight-specified</c> and <c>weight-inverse-volatility</c>. Every <c>if</c> has an else branch, every group body
/// yields one weight node, every vector is non-empty and every window is at most 200, so a file validates and
/// evaluates given about two years of prices for <see cref="StressSymphony.Tickers"/>.
/// </para>
/// Text is pretty-printed the way exports are: one argument per line, indented one space per open bracket,
/// closing brackets gathered at the end of the last line.
/// </summary>
public static class StressSymphonyGenerator
{
    /// <summary>Generates a symphony; <paramref name="options"/> defaults to <c>new StressSymphonyOptions()</c>.</summary>
    public static StressSymphony Generate(StressSymphonyOptions? options = null)
    {
        options ??= new StressSymphonyOptions();
        options.Validate();
        return new Builder(options).Build();
    }

    private enum Cond
    {
        RsiVsNumber,
        RsiVsRsi,
        PriceVsMovingAverage,
        EmaVsMovingAverage,
        CumulativeReturnVsNumber,
        CumulativeReturnVsCumulativeReturn,
        MovingAverageReturnVsNumber,
        StdevReturnVsNumber,
        StdevPriceVsStdevPrice,
        MaxDrawdownVsNumber,
        PpoVsNumber,
        PpoVsSignal,
        PriceVsNumber,
        RsiDefaultVsNumber,
    }

    private enum Metric
    {
        Rsi,
        MovingAverageReturn,
        CumulativeReturn,
        StdevReturn,
        MaxDrawdown,
        MovingAveragePrice,
        ExponentialMovingAveragePrice,
        StdevPrice,
        Ppo,
        PpoSignal,
        CurrentPrice,
    }

    private sealed class Builder
    {
        private const int BranchGroupPercent = 3;

        private static readonly int[] RsiWindows = [5, 7, 8, 10, 10, 10, 10, 11, 12, 14, 15, 16, 20, 21];
        private static readonly int[] TrendWindows = [10, 20, 20, 25, 50, 50, 100, 150, 200, 200];

        private static readonly string[] Themes =
        [
            "Blow-off guard", "Dip buyer", "Trend sleeve", "Volatility hedge", "Bond switch", "Momentum rotation",
            "Mean reversion", "Crash shield", "Sector rotation", "Risk parity", "Safe haven", "Leverage ladder",
            "Yield curve check", "Commodity tilt", "Breadth filter", "Overbought ladder",
        ];

        // Cumulative weights (out of 100) for conditions after the coverage prefix.
        private static readonly (int Upto, Cond Kind)[] CondTable =
        [
            (38, Cond.RsiVsNumber), (44, Cond.RsiVsRsi), (56, Cond.PriceVsMovingAverage), (61, Cond.EmaVsMovingAverage),
            (69, Cond.CumulativeReturnVsNumber), (73, Cond.CumulativeReturnVsCumulativeReturn),
            (78, Cond.MovingAverageReturnVsNumber), (84, Cond.StdevReturnVsNumber), (86, Cond.StdevPriceVsStdevPrice),
            (92, Cond.MaxDrawdownVsNumber), (94, Cond.PpoVsNumber), (97, Cond.PpoVsSignal), (98, Cond.PriceVsNumber),
            (100, Cond.RsiDefaultVsNumber),
        ];

        private static readonly (int Upto, Metric Kind)[] AssetMetricTable =
        [
            (25, Metric.Rsi), (40, Metric.MovingAverageReturn), (55, Metric.CumulativeReturn), (67, Metric.StdevReturn),
            (77, Metric.MaxDrawdown), (82, Metric.MovingAveragePrice), (87, Metric.ExponentialMovingAveragePrice),
            (91, Metric.StdevPrice), (94, Metric.Ppo), (97, Metric.PpoSignal), (100, Metric.CurrentPrice),
        ];

        private static readonly Metric[] GroupHistoryMetrics =
            [Metric.MovingAverageReturn, Metric.CumulativeReturn, Metric.StdevReturn, Metric.MaxDrawdown, Metric.Rsi];

        private readonly StressSymphonyOptions _options;
        private readonly StressSymphonyRandom _rng;
        private readonly StressSymphonyWriter _w;
        private readonly IReadOnlyList<string> _universe;
        private readonly int[] _deck;
        private readonly int _cap;
        private int _deckPosition;
        private int _groupSerial;
        private int _conditions;
        private int _assetMetrics;
        private int _groupMetrics;

        public Builder(StressSymphonyOptions options)
        {
            _options = options;
            _rng = new StressSymphonyRandom(options.Seed);
            _w = new StressSymphonyWriter(options.TargetBytes + (options.TargetBytes / 8) + 4096);
            _universe = StressSymphonyUniverse.Tickers(options.TickerCount);
            _deck = Enumerable.Range(0, _universe.Count).ToArray();
            _deckPosition = _deck.Length;
            _cap = options.TargetDepth;
        }

        private int Avail => _cap - _w.Depth;

        public StressSymphony Build()
        {
            _w.Raw(";; Generated by Alchemiser StressSymphonyGenerator (seed ");
            _w.Raw(_options.Seed.ToString(CultureInfo.InvariantCulture));
            _w.Raw("). Synthetic test data, not an investment strategy.\n");
            _w.OpenCall("defsymphony");
            _w.NewLine();
            _w.String(_options.Name);
            _w.NewLine();
            _w.Open('{');
            _w.Raw(":asset-class \"EQUITIES\", :rebalance-frequency :daily");
            _w.Close();
            _w.NewLine();
            _w.OpenCall("weight-equal");
            _w.NewLine();
            _w.Open('[');
            Spine();

            while (_w.Length < _options.TargetBytes || _w.Groups < _options.TargetGroups)
            {
                _w.NewLine();
                Module(_rng.Between(3, 5), 0);
            }

            _w.CloseTo(0);
            _w.Raw('\n');
            var text = _w.ToString();
            return new StressSymphony(_options.Name, text, _w.Tickers(), _w.Groups, _w.MaxDepth, Encoding.UTF8.GetByteCount(text));
        }

        // ---- structure ----------------------------------------------------------------------------------

        private void Spine()
        {
            var start = _w.Depth;
            OpenGroup("Spine | " + _universe[0] + " regime ladder");

            // Plan the links first so every link knows its share of the spine's byte budget.
            var wrapped = new List<bool>();
            var depth = _w.Depth;
            while (_cap - depth >= 12)
            {
                var wrap = wrapped.Count > 0 && _cap - depth >= 16 && _rng.Chance(30);
                wrapped.Add(wrap);
                depth += wrap ? 6 : 2;
            }

            var spineBytes = (long)_options.TargetBytes * _options.SpinePercent / 100;
            for (var i = 0; i < wrapped.Count; i++)
            {
                if (wrapped[i])
                {
                    OpenGroup(GroupName());
                }

                _w.OpenCall("if");
                _w.Space();
                Condition();
                _w.NewLine();
                _w.Open('[');
                var linksLeft = wrapped.Count - i;
                var byteShare = (spineBytes - _w.Length) / linksLeft;
                var startLength = _w.Length;
                var items = 0;
                do
                {
                    if (items > 0)
                    {
                        _w.NewLine();
                    }

                    BranchItem(_rng.Between(3, 5), 0);
                    items++;
                }
                while (items < 12 && _w.Length - startLength < byteShare);

                _w.Close();
                _w.NewLine();
                _w.Open('[');
            }

            Land(Avail);
            _w.CloseTo(start);
        }

        /// <summary>Emits a weight expression whose deepest bracket is exactly <paramref name="levels"/> below the current depth.</summary>
        private void Land(int levels)
        {
            if (levels <= 1)
            {
                Asset(Draw());
                return;
            }

            if (levels == 2)
            {
                _w.OpenCall("weight-specified");
                _w.NewLine();
                _w.Raw('1');
                _w.NewLine();
                Asset(Draw());
                _w.Close();
                return;
            }

            _w.OpenCall("weight-equal");
            _w.NewLine();
            _w.Open('[');
            Land(levels - 2);
            _w.NewLine();
            Asset(Draw());
            _w.Close();
            _w.Close();
        }

        /// <summary><c>(group "name" [(weight-equal [</c>, four brackets; the caller closes them.</summary>
        private void OpenGroup(string name)
        {
            _w.OpenCall("group");
            _w.Space();
            _w.String(name);
            _w.CountGroup();
            _w.NewLine();
            _w.Open('[');
            _w.OpenCall("weight-equal");
            _w.NewLine();
            _w.Open('[');
        }

        private void BranchItem(int levels, int groupFilters)
        {
            if (Avail >= 7 && _rng.Chance(BranchGroupPercent))
            {
                Module(levels, groupFilters);
            }
            else
            {
                Body(levels, groupFilters);
            }
        }

        /// <summary>One weight expression (a single call) within the depth cap.</summary>
        private void Body(int levels, int groupFilters)
        {
            var avail = Avail;
            if (levels <= 0 || avail < 7)
            {
                Leaf();
                return;
            }

            var roll = _rng.Next(100);
            if (roll < 62)
            {
                If(levels, groupFilters);
            }
            else if (roll < 65 && groupFilters < _options.MaxGroupFilterNesting && avail >= 12)
            {
                GroupFilter(levels, groupFilters);
            }
            else if (roll < 67 && avail >= 10)
            {
                InverseVolatilityGroups(levels, groupFilters);
            }
            else if (roll < 76)
            {
                WeightSpecifiedMixed(levels, groupFilters);
            }
            else if (roll < 78)
            {
                Module(levels - 1, groupFilters);
            }
            else
            {
                Leaf();
            }
        }

        /// <summary>A group; its body is usually a <c>weight-equal</c> vector, sometimes a single call.</summary>
        private void Module(int levels, int groupFilters)
        {
            var before = _w.Depth;
            if (Avail < 3)
            {
                Leaf(); // no room for a group at all (callers normally leave at least 6 levels)
                return;
            }

            if (Avail < 5)
            {
                // Too deep for the weight-equal wrapper: (group "x" [(asset …)]) needs 3.
                _w.OpenCall("group");
                _w.Space();
                _w.String(GroupName());
                _w.CountGroup();
                _w.NewLine();
                _w.Open('[');
                Leaf();
                _w.CloseTo(before);
                return;
            }

            if (_rng.Chance(80))
            {
                OpenGroup(GroupName());
                var count = _rng.Chance(75) ? 1 : _rng.Between(2, 3);
                for (var i = 0; i < count; i++)
                {
                    if (i > 0)
                    {
                        _w.NewLine();
                    }

                    Body(levels, groupFilters);
                }
            }
            else
            {
                _w.OpenCall("group");
                _w.Space();
                _w.String(GroupName());
                _w.CountGroup();
                _w.NewLine();
                _w.Open('[');
                Body(levels, groupFilters);
            }

            _w.CloseTo(before);
        }

        private void If(int levels, int groupFilters)
        {
            var before = _w.Depth;
            _w.OpenCall("if");
            _w.Space();
            Condition();
            for (var branch = 0; branch < 2; branch++)
            {
                _w.NewLine();
                _w.Open('[');
                BranchItem(levels - 1, groupFilters);
                _w.Close();
            }

            _w.CloseTo(before);
        }

        /// <summary>A filter whose candidates are all groups: portfolio mode, scored by group history.</summary>
        private void GroupFilter(int levels, int groupFilters)
        {
            var before = _w.Depth;
            var count = _rng.Chance(70) ? 2 : _rng.Between(3, 4);
            _w.OpenCall("filter");
            _w.Space();
            GroupMetric();
            if (_rng.Chance(92))
            {
                _w.Space();
                Selector(_rng.Chance(70), _rng.Chance(75) ? 1 : _rng.Between(1, count - 1));
            }

            _w.NewLine();
            _w.Open('[');
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    _w.NewLine();
                }

                Module(levels - 1, groupFilters + 1);
            }

            _w.CloseTo(before);
        }

        /// <summary><c>weight-inverse-volatility</c> over groups (grouped mode).</summary>
        private void InverseVolatilityGroups(int levels, int groupFilters)
        {
            var before = _w.Depth;
            _w.OpenCall("weight-inverse-volatility");
            _w.Space();
            _w.Raw(Int(_rng.Between(5, 60)));
            _w.NewLine();
            _w.Open('[');
            var count = _rng.Between(2, 3);
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    _w.NewLine();
                }

                Module(levels - 1, groupFilters);
            }

            _w.CloseTo(before);
        }

        private void WeightSpecifiedMixed(int levels, int groupFilters)
        {
            var before = _w.Depth;
            _w.OpenCall("weight-specified");
            foreach (var weight in Weights(_rng.Between(2, 3)))
            {
                _w.NewLine();
                _w.Raw(weight);
                _w.NewLine();
                if (_rng.Chance(20))
                {
                    Module(levels - 1, groupFilters);
                }
                else
                {
                    Body(levels - 1, groupFilters);
                }
            }

            _w.CloseTo(before);
        }

        // ---- leaves -------------------------------------------------------------------------------------

        private void Leaf()
        {
            var avail = Avail;
            if (avail < 3)
            {
                if (avail >= 2 && _rng.Chance(30))
                {
                    Land(2);
                }
                else
                {
                    Asset(Draw());
                }

                return;
            }

            var before = _w.Depth;
            var roll = _rng.Next(100);
            if (roll < 30)
            {
                _w.OpenCall("weight-equal");
                _w.NewLine();
                AssetVector(_rng.Between(2, 6));
            }
            else if (roll < 65)
            {
                var count = _rng.Between(3, 10);
                _w.OpenCall("filter");
                _w.Space();
                AssetMetric();
                if (_rng.Chance(92))
                {
                    _w.Space();
                    Selector(_rng.Chance(75), _rng.Between(1, Math.Min(3, count - 1)));
                }

                _w.NewLine();
                AssetVector(count);
            }
            else if (roll < 78)
            {
                _w.OpenCall("weight-inverse-volatility");
                _w.Space();
                _w.Raw(Int(_rng.Pick<int>([5, 10, 14, 20, 21, 30, 45, 60])));
                _w.NewLine();
                AssetVector(_rng.Between(2, 5));
            }
            else if (roll < 90)
            {
                _w.OpenCall("weight-specified");
                var used = new HashSet<string>(StringComparer.Ordinal);
                foreach (var weight in Weights(_rng.Between(2, 3)))
                {
                    _w.NewLine();
                    _w.Raw(weight);
                    _w.NewLine();
                    if (_rng.Chance(25))
                    {
                        AssetVector(2, used);
                    }
                    else
                    {
                        Asset(Distinct(used));
                    }
                }
            }
            else
            {
                Asset(Draw());
            }

            _w.CloseTo(before);
        }

        private void AssetVector(int count, HashSet<string>? used = null)
        {
            used ??= new HashSet<string>(StringComparer.Ordinal);
            _w.Open('[');
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    _w.NewLine();
                }

                Asset(Distinct(used));
            }

            _w.Close();
        }

        private void Asset(string ticker)
        {
            _w.OpenCall("asset");
            _w.Space();
            _w.Ticker(ticker);
            var roll = _rng.Next(100);
            if (roll < 80)
            {
                _w.Space();
                _w.String(StressSymphonyUniverse.DisplayName(ticker));
            }
            else if (roll < 84)
            {
                _w.Raw(" nil");
            }

            _w.Close();
        }

        private void Selector(bool top, int n)
        {
            _w.OpenCall(top ? "select-top" : "select-bottom");
            _w.Space();
            _w.Raw(Int(n));
            _w.Close();
        }

        // ---- conditions and metrics -------------------------------------------------------------------

        private void Condition()
        {
            var kind = _conditions < 12 ? (Cond)_conditions : Lookup(CondTable, _rng.Next(100));
            _conditions++;
            var a = Signal();
            var w = _rng.Pick(RsiWindows);
            switch (kind)
            {
                case Cond.RsiVsNumber:
                case Cond.RsiDefaultVsNumber:
                {
                    var level = _rng.Between(15, 88);
                    var high = level >= 50;
                    OpenComparison(_rng.Chance(85) ? high : !high);
                    Windowed("rsi", a, kind == Cond.RsiDefaultVsNumber ? 0 : w);
                    _w.Space();
                    _w.Raw(_rng.Chance(15) ? Dec(level + (_rng.Between(1, 9) / 10m)) : Int(level));
                    break;
                }

                case Cond.RsiVsRsi:
                    OpenComparison(_rng.Chance(50));
                    Windowed("rsi", a, w);
                    _w.Space();
                    Windowed("rsi", OtherSignal(a), w);
                    break;
                case Cond.PriceVsMovingAverage:
                    OpenComparison(_rng.Chance(70));
                    Indicator("current-price", a);
                    _w.Space();
                    Windowed("moving-average-price", a, _rng.Pick(TrendWindows));
                    break;
                case Cond.EmaVsMovingAverage:
                {
                    var slow = _rng.Pick<int>([50, 100, 150, 200]);
                    OpenComparison(_rng.Chance(70));
                    Windowed("exponential-moving-average-price", a, _rng.Pick<int>([8, 10, 12, 20, 26, 30]));
                    _w.Space();
                    Windowed("moving-average-price", a, slow);
                    break;
                }

                case Cond.CumulativeReturnVsNumber:
                    OpenComparison(_rng.Chance(50));
                    Windowed("cumulative-return", a, _rng.Between(1, 60));
                    _w.Space();
                    _w.Raw(Dec(_rng.Between(-150, 150) / 10m));
                    break;
                case Cond.CumulativeReturnVsCumulativeReturn:
                {
                    var window = _rng.Pick<int>([5, 10, 20, 30, 60]);
                    OpenComparison(_rng.Chance(50));
                    Windowed("cumulative-return", a, window);
                    _w.Space();
                    Windowed("cumulative-return", OtherSignal(a), window);
                    break;
                }

                case Cond.MovingAverageReturnVsNumber:
                    OpenComparison(_rng.Chance(50));
                    Windowed("moving-average-return", a, _rng.Between(2, 30));
                    _w.Space();
                    _w.Raw(Dec(_rng.Between(-25, 25) / 10m));
                    break;
                case Cond.StdevReturnVsNumber:
                    OpenComparison(_rng.Chance(60));
                    Windowed("stdev-return", a, _rng.Between(5, 30));
                    _w.Space();
                    _w.Raw(Int(_rng.Between(10, 80)));
                    break;
                case Cond.StdevPriceVsStdevPrice:
                {
                    var window = _rng.Between(2, 30);
                    OpenComparison(_rng.Chance(50));
                    Windowed("stdev-price", a, window);
                    _w.Space();
                    Windowed("stdev-price", OtherSignal(a), window);
                    break;
                }

                case Cond.MaxDrawdownVsNumber:
                    OpenComparison(_rng.Chance(60));
                    Windowed("max-drawdown", a, _rng.Between(5, 60));
                    _w.Space();
                    _w.Raw(Int(_rng.Between(2, 40)));
                    break;
                case Cond.PpoVsNumber:
                    OpenComparison(_rng.Chance(50));
                    Ppo(a, signal: false);
                    _w.Space();
                    _w.Raw(Dec(_rng.Between(-30, 30) / 10m));
                    break;
                case Cond.PpoVsSignal:
                {
                    var (s, l, k) = PpoWindows();
                    OpenComparison(_rng.Chance(60));
                    PpoWith(a, s, l, 0);
                    _w.Space();
                    PpoWith(a, s, l, k);
                    break;
                }

                default:
                    OpenComparison(_rng.Chance(50));
                    Indicator("current-price", a);
                    _w.Space();
                    _w.Raw(Dec(_rng.Between(50, 5000) / 10m));
                    break;
            }

            _w.Close();
        }

        /// <summary>Opens a comparison; mostly <c>&gt;</c>/<c>&lt;</c>, sometimes the inclusive forms.</summary>
        private void OpenComparison(bool greater)
        {
            var inclusive = _rng.Chance(6);
            _w.OpenCall(greater ? (inclusive ? ">=" : ">") : (inclusive ? "<=" : "<"));
            _w.Space();
        }

        private void AssetMetric()
        {
            var kind = _assetMetrics < 11 ? (Metric)_assetMetrics : Lookup(AssetMetricTable, _rng.Next(100));
            _assetMetrics++;
            switch (kind)
            {
                case Metric.Rsi:
                    Windowed("rsi", null, _rng.Pick(RsiWindows));
                    break;
                case Metric.MovingAverageReturn:
                    Windowed("moving-average-return", null, _rng.Between(5, 60));
                    break;
                case Metric.CumulativeReturn:
                    Windowed("cumulative-return", null, _rng.Between(5, 90));
                    break;
                case Metric.StdevReturn:
                    Windowed("stdev-return", null, _rng.Between(5, 30));
                    break;
                case Metric.MaxDrawdown:
                    Windowed("max-drawdown", null, _rng.Between(5, 60));
                    break;
                case Metric.MovingAveragePrice:
                    Windowed("moving-average-price", null, _rng.Pick(TrendWindows));
                    break;
                case Metric.ExponentialMovingAveragePrice:
                    Windowed("exponential-moving-average-price", null, _rng.Between(5, 100));
                    break;
                case Metric.StdevPrice:
                    Windowed("stdev-price", null, _rng.Between(2, 30));
                    break;
                case Metric.Ppo:
                    Ppo(null, signal: false);
                    break;
                case Metric.PpoSignal:
                    Ppo(null, signal: true);
                    break;
                default:
                    Indicator("current-price", null);
                    break;
            }
        }

        /// <summary>A portfolio-mode metric: window 5–20, mostly one scored by group history.</summary>
        private void GroupMetric()
        {
            var window = _rng.Between(5, 20);
            if (_groupMetrics >= GroupHistoryMetrics.Length && _rng.Chance(6))
            {
                // scored by the weighted average of the members' own values
                Windowed(_rng.Pick<string>(["moving-average-price", "exponential-moving-average-price", "stdev-price"]), null, window);
            }
            else
            {
                var kind = _groupMetrics < GroupHistoryMetrics.Length ? GroupHistoryMetrics[_groupMetrics] : _rng.Pick(GroupHistoryMetrics);
                Windowed(kind switch
                {
                    Metric.MovingAverageReturn => "moving-average-return",
                    Metric.CumulativeReturn => "cumulative-return",
                    Metric.StdevReturn => "stdev-return",
                    Metric.MaxDrawdown => "max-drawdown",
                    _ => "rsi",
                }, null, window);
            }

            _groupMetrics++;
        }

        /// <summary><c>(head "T" {:window n})</c>, the ticker omitted for a filter metric, the map omitted when n is 0.</summary>
        private void Windowed(string head, string? ticker, int window)
        {
            _w.OpenCall(head);
            if (ticker is not null)
            {
                _w.Space();
                _w.Ticker(ticker);
            }

            if (window > 0)
            {
                _w.Space();
                _w.Open('{');
                _w.Raw(":window ");
                _w.Raw(Int(window));
                _w.Close();
            }

            _w.Close();
        }

        private void Indicator(string head, string? ticker)
        {
            _w.OpenCall(head);
            if (ticker is not null)
            {
                _w.Space();
                _w.Ticker(ticker);
            }

            _w.Close();
        }

        private void Ppo(string? ticker, bool signal)
        {
            var (s, l, k) = PpoWindows();
            PpoWith(ticker, s, l, signal ? k : 0);
        }

        private (int Short, int Long, int Smooth) PpoWindows() =>
            _rng.Chance(60) ? (12, 26, 9) : (_rng.Between(3, 12), _rng.Between(13, 40), _rng.Between(3, 12));

        private void PpoWith(string? ticker, int shortWindow, int longWindow, int smooth)
        {
            _w.OpenCall(smooth > 0 ? "percentage-price-oscillator-signal" : "percentage-price-oscillator");
            if (ticker is not null)
            {
                _w.Space();
                _w.Ticker(ticker);
            }

            _w.Space();
            _w.Open('{');
            _w.Raw(":short-window ");
            _w.Raw(Int(shortWindow));
            _w.Raw(" :long-window ");
            _w.Raw(Int(longWindow));
            if (smooth > 0)
            {
                _w.Raw(" :smooth-window ");
                _w.Raw(Int(smooth));
            }

            _w.Close();
            _w.Close();
        }

        // ---- randomness helpers -----------------------------------------------------------------------

        /// <summary>Mostly a signal ticker, sometimes any universe ticker.</summary>
        private string Signal() =>
            _rng.Chance(80) ? _universe[_rng.Next(StressSymphonyUniverse.SignalCount)] : _universe[_rng.Next(_universe.Count)];

        private string OtherSignal(string not)
        {
            while (true)
            {
                var other = Signal();
                if (!string.Equals(other, not, StringComparison.Ordinal))
                {
                    return other;
                }
            }
        }

        /// <summary>An asset ticker: mostly the next card of a shuffled deck of the whole universe (so every ticker shows up), else a popular one.</summary>
        private string Draw()
        {
            if (_rng.Chance(35))
            {
                return _universe[_rng.Next(Math.Min(60, _universe.Count))];
            }

            if (_deckPosition == _deck.Length)
            {
                for (var i = _deck.Length - 1; i > 0; i--)
                {
                    var j = _rng.Next(i + 1);
                    (_deck[i], _deck[j]) = (_deck[j], _deck[i]);
                }

                _deckPosition = 0;
            }

            return _universe[_deck[_deckPosition++]];
        }

        private string Distinct(HashSet<string> used)
        {
            while (true)
            {
                var ticker = Draw();
                if (used.Add(ticker))
                {
                    return ticker;
                }
            }
        }

        /// <summary><paramref name="count"/> weights in hundredths, each at least 0.1, summing to 1.</summary>
        private List<string> Weights(int count)
        {
            var remaining = 100;
            var result = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var left = count - i - 1;
                var share = left == 0 ? remaining : _rng.Between(10, remaining - (10 * left));
                if (_rng.Chance(60) && left > 0)
                {
                    share = Math.Max(10, share / 5 * 5);
                }

                remaining -= share;
                result.Add(Dec(share / 100m));
            }

            return result;
        }

        private string GroupName()
        {
            _groupSerial++;
            var separator = _rng.Chance(8) ? " \u2192 " : " | ";
            return _rng.Pick(Themes) + separator + Signal() + " " + _groupSerial.ToString("0000", CultureInfo.InvariantCulture);
        }

        private static T Lookup<T>((int Upto, T Kind)[] table, int roll)
        {
            foreach (var (upto, kind) in table)
            {
                if (roll < upto)
                {
                    return kind;
                }
            }

            return table[^1].Kind;
        }

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Dec(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
