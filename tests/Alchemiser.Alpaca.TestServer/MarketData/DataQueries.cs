using System.Text.RegularExpressions;
using Alchemiser.Alpaca.TestServer.Http;
using Alchemiser.Alpaca.TestServer.Wire;

namespace Alchemiser.Alpaca.TestServer.MarketData;

/// <summary>The data API's common parameters, checked against the spec's values (400 when invalid).</summary>
internal static partial class DataQueries
{
    /// <summary>The <c>symbols</c> list; required.</summary>
    public static IReadOnlyList<string> Symbols(QueryReader query)
    {
        var symbols = query.List("symbols");
        return symbols.Count > 0 ? symbols : throw query.Refuse("symbols is required");
    }

    /// <summary>Refuses a <c>currency</c> other than USD: the server does not convert prices.</summary>
    public static void CheckCurrency(QueryReader query)
    {
        if (query.Text("currency") is { } currency && currency != "USD")
        {
            throw query.Refuse($"currency \"{currency}\" is not supported by the test server (USD only)");
        }
    }

    /// <summary>Refuses a timeframe other than one day (<c>1Day</c> or <c>1D</c>): the bar store holds daily bars.</summary>
    public static void CheckDailyTimeframe(QueryReader query)
    {
        var timeframe = query.Text("timeframe") ?? throw query.Refuse("timeframe is required");
        if (timeframe is "1Day" or "1D")
        {
            return;
        }

        throw Timeframe().IsMatch(timeframe)
            ? query.Refuse($"timeframe \"{timeframe}\" is not supported by the test server (1Day only)")
            : query.Refuse($"invalid timeframe \"{timeframe}\"");
    }

    /// <summary>Refuses an <c>adjustment</c> that is not a comma list of raw, split, dividend, spin-off, all (the store's bars are served as they are).</summary>
    public static void CheckAdjustment(QueryReader query)
    {
        foreach (var adjustment in query.List("adjustment"))
        {
            if (adjustment is not ("raw" or "split" or "dividend" or "spin-off" or "all"))
            {
                throw query.Refuse($"invalid adjustment \"{adjustment}\"");
            }
        }
    }

    /// <summary>Refuses an <c>asof</c> that is neither a date nor <c>-</c>.</summary>
    public static void CheckAsOf(QueryReader query)
    {
        if (query.Text("asof") is { } asOf && asOf != "-" && WireTime.ParseDate(asOf) is null)
        {
            throw query.Refuse($"invalid asof \"{asOf}\"");
        }
    }

    [GeneratedRegex(@"^([1-9]|[1-5][0-9])(Min|T)$|^([1-9]|1[0-9]|2[0-3])(Hour|H)$|^1(Day|D|Week|W)$|^(1|2|3|4|6|12)(Month|M)$", RegexOptions.CultureInvariant)]
    private static partial Regex Timeframe();
}
