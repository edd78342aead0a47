using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Alchemiser.Core.Errors;
using Alchemiser.Core.MarketData;

namespace Alchemiser.Local.MarketData;

/// <summary>
/// Parses one price file held as UTF-8 bytes in <see cref="CsvBarFormat"/>. Span-based: no per-line strings, no
/// splitting, no regular expressions; decimals of up to 19 significant digits are assembled directly from their
/// digits, longer ones fall back to <see cref="decimal.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out decimal)"/>.
/// Every error is a <see cref="MarketDataException"/> whose message starts with <c>file:line: </c>. The hot methods
/// skip tiered compilation's unoptimized first tier: a CLI process parses hundreds of thousands of rows once, cold.
/// </summary>
internal static class CsvBarParser
{
    private static readonly string[] ColumnNames = ["date", "open", "high", "low", "close", "volume"];
    private static readonly byte[] HeaderBytes = Encoding.ASCII.GetBytes(CsvBarFormat.Header);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DailyBar[] Parse(ReadOnlySpan<byte> content, string displayPath)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        var lineNumber = 1;
        var header = NextLine(ref content);
        if (!header.SequenceEqual(HeaderBytes))
        {
            throw Error(displayPath, lineNumber, header.IsEmpty && content.IsEmpty
                ? $"empty file, expected the header '{CsvBarFormat.Header}'"
                : $"header must be '{CsvBarFormat.Header}' but is '{Show(header)}'");
        }

        var bars = new DailyBar[content.Count((byte)'\n') + 1];
        var count = 0;
        while (!content.IsEmpty)
        {
            lineNumber++;
            var line = NextLine(ref content);
            if (line.IsEmpty)
            {
                if (IsBlankToEnd(content))
                {
                    break;
                }

                throw Error(displayPath, lineNumber, "empty line");
            }

            var bar = ParseRow(line, displayPath, lineNumber);
            if (count > 0 && bar.Date <= bars[count - 1].Date)
            {
                throw Error(displayPath, lineNumber, string.Create(
                    CultureInfo.InvariantCulture,
                    $"date {bar.Date:yyyy-MM-dd} is not after {bars[count - 1].Date:yyyy-MM-dd}"));
            }

            bars[count++] = bar;
        }

        if (count != bars.Length)
        {
            Array.Resize(ref bars, count);
        }

        return bars;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DailyBar ParseRow(ReadOnlySpan<byte> line, string displayPath, int lineNumber)
    {
        var rest = line;
        if (!TryNextField(ref rest, out var field))
        {
            throw ColumnCountError(line, displayPath, lineNumber);
        }

        if (!TryParseDate(field, out var date))
        {
            throw Error(displayPath, lineNumber, $"date '{Show(field)}' is not a valid date (expected {CsvBarFormat.DateFormat})");
        }

        var open = DecimalColumn(ref rest, line, 1, displayPath, lineNumber);
        var high = DecimalColumn(ref rest, line, 2, displayPath, lineNumber);
        var low = DecimalColumn(ref rest, line, 3, displayPath, lineNumber);
        var close = DecimalColumn(ref rest, line, 4, displayPath, lineNumber);
        if (rest.Contains((byte)','))
        {
            throw ColumnCountError(line, displayPath, lineNumber);
        }

        if (close <= 0m)
        {
            throw Error(displayPath, lineNumber, string.Create(CultureInfo.InvariantCulture, $"close {close} is not positive"));
        }

        if (!TryParseVolume(rest, out var volume))
        {
            throw Error(displayPath, lineNumber, $"volume '{Show(rest)}' is not a whole non-negative number");
        }

        return new DailyBar(date, open, high, low, close, volume);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static decimal DecimalColumn(ref ReadOnlySpan<byte> rest, ReadOnlySpan<byte> line, int column, string displayPath, int lineNumber)
    {
        if (!TryNextField(ref rest, out var field))
        {
            throw ColumnCountError(line, displayPath, lineNumber);
        }

        if (!TryParseDecimal(field, out var value))
        {
            throw Error(displayPath, lineNumber, $"{ColumnNames[column]} '{Show(field)}' is not a decimal number");
        }

        return value;
    }

    private static MarketDataException ColumnCountError(ReadOnlySpan<byte> line, string displayPath, int lineNumber) =>
        Error(displayPath, lineNumber, string.Create(
            CultureInfo.InvariantCulture,
            $"expected {CsvBarFormat.ColumnCount} columns ({CsvBarFormat.Header}) but found {line.Count((byte)',') + 1}"));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> content)
    {
        var end = content.IndexOf((byte)'\n');
        ReadOnlySpan<byte> line;
        if (end < 0)
        {
            line = content;
            content = default;
        }
        else
        {
            line = content[..end];
            content = content[(end + 1)..];
        }

        return !line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryNextField(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> field)
    {
        var comma = rest.IndexOf((byte)',');
        if (comma < 0)
        {
            field = default;
            return false;
        }

        field = rest[..comma];
        rest = rest[(comma + 1)..];
        return true;
    }

    private static bool IsBlankToEnd(ReadOnlySpan<byte> rest) => rest.IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseVolume(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 19)
        {
            return false;
        }

        ulong accumulated = 0;
        foreach (var b in s)
        {
            var digit = (uint)(b - (byte)'0');
            if (digit > 9)
            {
                return false;
            }

            accumulated = (accumulated * 10) + digit;
        }

        if (accumulated > long.MaxValue)
        {
            return false;
        }

        value = (long)accumulated;
        return true;
    }

    /// <summary>
    /// Plain decimal notation: optional sign, digits with at most one decimal point, at least one digit, no exponent,
    /// no blanks, no thousands separators.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseDecimal(ReadOnlySpan<byte> s, out decimal value)
    {
        value = 0m;
        var i = 0;
        var negative = false;
        if (!s.IsEmpty && (s[0] == (byte)'-' || s[0] == (byte)'+'))
        {
            negative = s[0] == (byte)'-';
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = 0;
        var seenPoint = false;
        var overflow = false;
        for (; i < s.Length; i++)
        {
            var b = s[i];
            var digit = (uint)(b - (byte)'0');
            if (digit <= 9)
            {
                digits++;
                if (mantissa > (ulong.MaxValue - 9) / 10)
                {
                    overflow = true;
                }
                else
                {
                    mantissa = (mantissa * 10) + digit;
                }

                if (seenPoint)
                {
                    scale++;
                }
            }
            else if (b == (byte)'.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (overflow || scale > 28)
        {
            return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
        return true;
    }

    private static string Show(ReadOnlySpan<byte> bytes)
    {
        const int Limit = 60;
        var text = Encoding.UTF8.GetString(bytes.Length > Limit ? bytes[..Limit] : bytes);
        return bytes.Length > Limit ? text + "..." : text;
    }

    private static MarketDataException Error(string displayPath, int lineNumber, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{displayPath}:{lineNumber}: {problem}"), CsvBarFormat.RemediationHint);
}
