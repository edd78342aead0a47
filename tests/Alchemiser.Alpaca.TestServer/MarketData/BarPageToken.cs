using System.Text;
using Alchemiser.Alpaca.TestServer.Wire;

namespace Alchemiser.Alpaca.TestServer.MarketData;

/// <summary>
/// Where a page of bars stopped: the symbol and start time of the last bar it held, base64 of
/// <c>SYMBOL|D|timestamp</c> in the manner of Alpaca's tokens. The next page starts right after that bar.
/// </summary>
internal sealed record BarPageToken(string Symbol, DateTimeOffset Time)
{
    private const char Separator = '|';
    private const string DailyMark = "D";

    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(Separator, Symbol, DailyMark, WireText.Utc(Time))));

    /// <summary>The token <paramref name="text"/> encodes; null when it is not one of the server's tokens.</summary>
    public static BarPageToken? Decode(string text)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = decoded.Split(Separator);
        return parts.Length == 3 && parts[0].Length > 0 && parts[1] == DailyMark && WireTime.ParseInstant(parts[2]) is { } time
            ? new BarPageToken(parts[0], time)
            : null;
    }
}
