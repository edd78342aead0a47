using System.Globalization;
using System.Text;
using Alchemiser.Dsl.Pricing;
using Alchemiser.Dsl.Tests.Fixtures;

namespace Alchemiser.Dsl.Tests.Evaluation;

/// <summary>
/// Random but valid symphonies (every form, ≤ 6 levels) and random price data, for property tests. Seeded: a failing
/// case is reproducible from its seed.
/// </summary>
internal sealed class RandomSymphonies(int seed)
{
    private static readonly string[] Tickers = ["T0", "T1", "T2", "T3", "T4", "NODATA"];
    private readonly Random _random = new(seed);

    public static readonly DateOnly FirstDate = new(2024, 1, 1);

    public string Symphony()
    {
        var sb = new StringBuilder("(defsymphony \"random\" {:rebalance-frequency :daily} ");
        Weight(sb, 0);
        sb.Append(')');
        return sb.ToString();
    }

    /// <summary>Random walks on weekdays; tickers start at different dates; NODATA has none.</summary>
    public TablePrices Prices(int days = 60)
    {
        var prices = new TablePrices();
        foreach (var ticker in Tickers[..^1])
        {
            var start = _random.Next(0, 15);
            var close = 20 + (_random.NextDouble() * 100);
            var bars = new List<PriceBar>();
            var date = FirstDate;
            for (var i = 0; i < days; i++, date = NextWeekday(date))
            {
                if (i < start || _random.NextDouble() < 0.05)
                {
                    continue; // late start and the odd missing bar
                }

                close *= 1 + ((_random.NextDouble() - 0.5) * 0.08);
                bars.Add(new PriceBar(date, Math.Round(close, 4)));
            }

            prices.With(ticker, bars);
        }

        return prices;
    }

    public DateOnly AsOf(int days = 60) => FirstDate.AddDays(_random.Next(5, days * 7 / 5));

    /// <summary>A copy where every bar after <paramref name="asOf"/> is altered and more are appended.</summary>
    public TablePrices AlteredAfter(TablePrices prices, DateOnly asOf)
    {
        var altered = new TablePrices();
        foreach (var symbol in prices.Symbols)
        {
            var bars = prices.GetBars(symbol).Select(b => b.Date > asOf ? b with { Close = 0.5 + (_random.NextDouble() * 1000) } : b).ToList();
            var last = bars.Count > 0 ? bars[^1].Date : asOf;
            for (var i = 0; i < 5; i++)
            {
                last = NextWeekday(last > asOf ? last : asOf);
                bars.Add(new PriceBar(last, 0.5 + (_random.NextDouble() * 1000)));
            }

            altered.With(symbol, bars);
        }

        return altered;
    }

    private static DateOnly NextWeekday(DateOnly d)
    {
        do
        {
            d = d.AddDays(1);
        }
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);

        return d;
    }

    private string Ticker() => Tickers[_random.Next(Tickers.Length)];

    private int Window(int max = 6) => _random.Next(1, max + 1);

    private void Weight(StringBuilder sb, int depth)
    {
        var choice = depth >= 6 ? 0 : _random.Next(9);
        switch (choice)
        {
            case 0:
                sb.Append("(asset \"").Append(Ticker()).Append("\")");
                break;
            case 1:
                sb.Append("(group \"g").Append(_random.Next(1000)).Append("\" ");
                Weight(sb, depth + 1);
                sb.Append(')');
                break;
            case 2:
                sb.Append("(weight-equal ");
                Vector(sb, depth + 1);
                sb.Append(')');
                break;
            case 3:
                sb.Append("(weight-specified");
                for (int i = 0, n = _random.Next(1, 3); i < n; i++)
                {
                    sb.Append(' ').Append((_random.Next(1, 10) / 10m).ToString(CultureInfo.InvariantCulture)).Append(' ');
                    Weight(sb, depth + 1);
                }

                sb.Append(')');
                break;
            case 4:
                sb.Append("(if ");
                Condition(sb, depth + 1);
                sb.Append(' ');
                Weight(sb, depth + 1);
                sb.Append(' ');
                Weight(sb, depth + 1);
                sb.Append(')');
                break;
            case 5:
            case 6:
                sb.Append("(filter ");
                Indicator(sb, withTicker: false);
                sb.Append(_random.Next(3) switch { 0 => " ", 1 => " (select-top " + Window(3) + ") ", _ => " (select-bottom " + Window(3) + ") " });
                Vector(sb, depth + 1);
                sb.Append(')');
                break;
            case 7:
                sb.Append("(weight-inverse-volatility ").Append(Window(5)).Append(' ');
                Vector(sb, depth + 1);
                sb.Append(')');
                break;
            default:
                Vector(sb, depth + 1);
                break;
        }
    }

    private void Vector(StringBuilder sb, int depth)
    {
        sb.Append('[');
        for (int i = 0, n = _random.Next(1, 4); i < n; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            Weight(sb, depth);
        }

        sb.Append(']');
    }

    private void Condition(StringBuilder sb, int depth)
    {
        switch (depth >= 5 ? 0 : _random.Next(6))
        {
            case 1:
                sb.Append(_random.Next(2) == 0 ? "(and " : "(or ");
                Condition(sb, depth + 1);
                sb.Append(' ');
                Condition(sb, depth + 1);
                sb.Append(')');
                break;
            case 2:
                sb.Append("(not ");
                Condition(sb, depth + 1);
                sb.Append(')');
                break;
            case 3:
                sb.Append(_random.Next(2) == 0 ? "true" : "false");
                break;
            default:
                sb.Append('(').Append(new[] { ">", "<", ">=", "<=", "=" }[_random.Next(5)]).Append(' ');
                Indicator(sb, withTicker: true);
                sb.Append(' ');
                if (_random.Next(2) == 0)
                {
                    Indicator(sb, withTicker: true);
                }
                else
                {
                    sb.Append(_random.Next(0, 100).ToString(CultureInfo.InvariantCulture)).Append(".5");
                }

                sb.Append(')');
                break;
        }
    }

    private void Indicator(StringBuilder sb, bool withTicker)
    {
        var kind = _random.Next(11);
        var name = kind switch
        {
            0 => "current-price",
            1 => "rsi",
            2 => "moving-average-price",
            3 => "exponential-moving-average-price",
            4 => "cumulative-return",
            5 => "moving-average-return",
            6 => "stdev-return",
            7 => "stdev-price",
            8 => "max-drawdown",
            9 => "percentage-price-oscillator",
            _ => "percentage-price-oscillator-signal",
        };
        sb.Append('(').Append(name);
        if (withTicker)
        {
            sb.Append(" \"").Append(Ticker()).Append('"');
        }

        var s = Window(3);
        switch (kind)
        {
            case 0:
                break;
            case 9:
                sb.Append(" {:short-window ").Append(s).Append(" :long-window ").Append(s + Window(3)).Append('}');
                break;
            case 10:
                sb.Append(' ').Append(s).Append(' ').Append(s + Window(3)).Append(' ').Append(Window(3));
                break;
            case 7:
                sb.Append(" {:window ").Append(1 + Window(5)).Append('}');
                break;
            default:
                sb.Append(" {:window ").Append(Window()).Append('}');
                break;
        }

        sb.Append(')');
    }
}
