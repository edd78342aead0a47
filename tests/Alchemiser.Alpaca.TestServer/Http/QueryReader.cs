using System.Globalization;
using Alchemiser.Alpaca.TestServer.Wire;
using Alchemiser.Core.Time;
using Microsoft.AspNetCore.Http;

namespace Alchemiser.Alpaca.TestServer.Http;

/// <summary>
/// Reads query parameters strictly: a value that does not parse is refused with the API's status for invalid
/// parameters (422 on the trading API, 400 on the data API and the calendar), never ignored. An empty value counts as
/// absent; a repeated parameter is read from its first value.
/// </summary>
internal sealed class QueryReader
{
    private readonly IQueryCollection _query;
    private readonly Func<string, AlpacaErrorResponse> _refuse;

    private QueryReader(IQueryCollection query, Func<string, AlpacaErrorResponse> refuse)
    {
        _query = query;
        _refuse = refuse;
    }

    /// <summary>Refusals are 422 (the trading API's validation answer).</summary>
    public static QueryReader Trading(HttpRequest request) => new(request.Query, AlpacaErrorResponse.Unprocessable);

    /// <summary>Refusals are 400 (the data API's and the calendar's answer for an invalid parameter).</summary>
    public static QueryReader Data(HttpRequest request) => new(request.Query, AlpacaErrorResponse.BadRequest);

    /// <summary>An <see cref="AlpacaErrorResponse"/> with this reader's status.</summary>
    public AlpacaErrorResponse Refuse(string message) => _refuse(message);

    /// <summary>The raw value; null when absent or empty.</summary>
    public string? Text(string name) => _query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    /// <summary>The value, which must be one of <paramref name="allowed"/>; null when absent.</summary>
    public string? OneOf(string name, params string[] allowed)
    {
        var value = Text(name);
        return value is null || allowed.Contains(value, StringComparer.Ordinal) ? value : throw Refuse($"invalid {name}: \"{value}\"");
    }

    /// <summary>An integer from <paramref name="minimum"/> to <paramref name="maximum"/>; null when absent.</summary>
    public int? Integer(string name, int minimum, int maximum)
    {
        var value = Text(name);
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum
            ? number
            : throw Refuse($"invalid {name}: \"{value}\" is not a whole number from {minimum} to {maximum}");
    }

    /// <summary><c>true</c> or <c>false</c>; null when absent.</summary>
    public bool? Boolean(string name) => Text(name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var value => throw Refuse($"invalid {name}: \"{value}\" is not true or false"),
    };

    /// <summary>
    /// An RFC-3339 instant, or a plain date meaning the start of that New York day (or, with
    /// <paramref name="dateMeansEndOfDay"/>, its last instant); null when absent.
    /// </summary>
    public DateTimeOffset? Instant(string name, bool dateMeansEndOfDay)
    {
        var value = Text(name);
        if (value is null)
        {
            return null;
        }

        if (WireTime.ParseDate(value) is { } date)
        {
            return dateMeansEndOfDay ? WireText.StartOfNewYorkDay(date.AddDays(1)).AddTicks(-1) : WireText.StartOfNewYorkDay(date);
        }

        return WireTime.ParseInstant(value) ?? throw Refuse($"invalid {name}: \"{value}\" is neither RFC-3339 nor YYYY-MM-DD");
    }

    /// <summary>A plain date, or the New York date of an RFC-3339 instant; null when absent.</summary>
    public DateOnly? Date(string name)
    {
        var value = Text(name);
        if (value is null)
        {
            return null;
        }

        if (WireTime.ParseDate(value) is { } date)
        {
            return date;
        }

        return WireTime.ParseInstant(value) is { } instant
            ? MarketTime.TradingDateOf(instant)
            : throw Refuse($"invalid {name}: \"{value}\" is neither YYYY-MM-DD nor RFC-3339");
    }

    /// <summary>A comma-separated list, items trimmed, empty items dropped, each kept once in first-seen order; empty when absent.</summary>
    public IReadOnlyList<string> List(string name) =>
        Text(name) is { } value
            ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray()
            : [];
}
