namespace Alchemiser.Core.MarketData;

/// <summary>
/// The daily-bar CSV format shared by the bar stores (a local folder, S3), <see cref="CsvBarParser"/> and <see cref="CsvBarWriter"/>: the header line
/// <c>date,open,high,low,close,volume</c>, then one row per trading day with an ISO date (<c>yyyy-MM-dd</c>, strictly
/// ascending), four invariant-culture decimals without exponent and a whole-number volume. Lines end with <c>\n</c>
/// (a reader also accepts <c>\r\n</c> and a UTF-8 byte-order mark).
/// </summary>
public static class CsvBarFormat
{
    /// <summary>The exact first line of every price file.</summary>
    public const string Header = "date,open,high,low,close,volume";

    /// <summary>Columns per row.</summary>
    public const int ColumnCount = 6;

    /// <summary>The date format of the first column.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>What to tell a user whose price data is missing or broken.</summary>
    public const string RemediationHint =
        "Fix or replace the file, or generate a synthetic market with `alchemiser data synth`.";
}
