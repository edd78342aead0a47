using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Alchemiser.Core.Errors;

namespace Alchemiser.Core.MarketData;

/// <summary>
/// Parses one price file held as UTF-8 bytes in <see cref="CsvBarFormat"/>. Span-based: no per-line strings, no
/// splitting, no regular expressions. Each row is first read by one forward scan that builds dates and decimals
/// straight from their digits (<see cref="TryFastRow"/>); a row it does not take (a sign, more than 19 digits, an
/// error) goes through the general <see cref="ParseRow"/>, which accepts every plain decimal and words the error.
/// Every error is a <see cref="MarketDataException"/> whose message starts with <c>file:line: </c>. The hot methods
/// skip tiered compilation's unoptimized first tier: a CLI process parses hundreds of thousands of rows once, cold.
/// </summary>
public static class CsvBarParser
{
    private static readonly string[] ColumnNames = ["date", "open", "high", "low", "close", "volume"];
    private static readonly byte[] HeaderBytes = Encoding.ASCII.GetBytes(CsvBarFormat.Header);

    /// <summary>
    /// The bars of one price file held as UTF-8 <paramref name="content"/>; <paramref name="displayPath"/> (a path, or
    /// <c>s3://bucket/key</c>) starts every error message.
    /// </summary>
    /// <exception cref="MarketDataException">The file breaks the format: <c>displayPath:line: problem</c>.</exception>
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

        // One bar per line end, plus one for a last line without a newline: exact for a well-formed file, so the
        // array is allocated once and never copied.
        var bars = new DailyBar[content.Count((byte)'\n') + (content.IsEmpty || content[^1] == (byte)'\n' ? 0 : 1)];
        var count = 0;
        var position = 0;
        while (position < content.Length)
        {
            lineNumber++;
            var rowStart = position;
            if (!TryFastRow(content, ref position, out var bar))
            {
                var rest = content[rowStart..];
                var line = NextLine(ref rest);
                position = content.Length - rest.Length;
                if (line.IsEmpty)
                {
                    if (IsBlankToEnd(rest))
                    {
                        break;
                    }

                    throw Error(displayPath, lineNumber, "empty line");
                }

                bar = ParseRow(line, displayPath, lineNumber);
            }

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

    /// <summary>
    /// The common case in one forward scan: a well-formed row of unsigned numbers of at most 19 digits, ending in
    /// <c>\n</c>, <c>\r\n</c> or the end of the content. Returns false, without moving, on anything else; the
    /// caller then takes the line through <see cref="ParseRow"/>, which accepts the rarer forms and words the errors.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFastRow(ReadOnlySpan<byte> s, ref int position, out DailyBar bar)
    {
        bar = default;
        var p = position;
        if (s.Length - p < 11 || s[p + 10] != (byte)',' || !TryParseDate(s.Slice(p, 10), out var date))
        {
            return false;
        }

        p += 11;
        if (!TryScanDecimal(s, ref p, out var open) || !TrySkip(s, ref p, (byte)',')
            || !TryScanDecimal(s, ref p, out var high) || !TrySkip(s, ref p, (byte)',')
            || !TryScanDecimal(s, ref p, out var low) || !TrySkip(s, ref p, (byte)',')
            || !TryScanDecimal(s, ref p, out var close) || !TrySkip(s, ref p, (byte)',')
            || close == 0m)
        {
            return false;
        }

        var volumeStart = p;
        ulong volume = 0;
        while (p < s.Length)
        {
            var digit = (uint)(s[p] - (byte)'0');
            if (digit > 9)
            {
                break;
            }

            volume = (volume * 10) + digit;
            p++;
        }

        var volumeDigits = p - volumeStart;
        if (volumeDigits == 0 || volumeDigits > 18)
        {
            return false;
        }

        if (p < s.Length)
        {
            if (s[p] == (byte)'\n')
            {
                p++;
            }
            else if (s[p] == (byte)'\r' && (p + 1 == s.Length || s[p + 1] == (byte)'\n'))
            {
                p += p + 1 == s.Length ? 1 : 2;
            }
            else
            {
                return false;
            }
        }

        bar = new DailyBar(date, open, high, low, close, (long)volume);
        position = p;
        return true;
    }

    /// <summary>
    /// Unsigned <c>digits[.digits]</c> at <paramref name="position"/>, at most 19 digits in all (10^19 − 1 fits a
    /// <see cref="ulong"/>), built straight into the decimal's mantissa and scale; moves past it on success.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryScanDecimal(ReadOnlySpan<byte> s, ref int position, out decimal value)
    {
        value = 0m;
        var p = position;
        ulong mantissa = 0;
        while (p < s.Length)
        {
            var digit = (uint)(s[p] - (byte)'0');
            if (digit > 9)
            {
                break;
            }

            mantissa = unchecked((mantissa * 10) + digit);
            p++;
        }

        var digits = p - position;
        var scale = 0;
        if (p < s.Length && s[p] == (byte)'.')
        {
            p++;
            var fractionStart = p;
            while (p < s.Length)
            {
                var digit = (uint)(s[p] - (byte)'0');
                if (digit > 9)
                {
                    break;
                }

                mantissa = unchecked((mantissa * 10) + digit);
                p++;
            }

            scale = p - fractionStart;
            digits += scale;
        }

        if (digits == 0 || digits > 19)
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, isNegative: false, (byte)scale);
        position = p;
        return true;
    }

    private static bool TrySkip(ReadOnlySpan<byte> s, ref int position, byte expected)
    {
        if (position < s.Length && s[position] == expected)
        {
            position++;
            return true;
        }

        return false;
    }

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

        uint y0 = (uint)(s[0] - '0'), y1 = (uint)(s[1] - '0'), y2 = (uint)(s[2] - '0'), y3 = (uint)(s[3] - '0');
        uint m0 = (uint)(s[5] - '0'), m1 = (uint)(s[6] - '0'), d0 = (uint)(s[8] - '0'), d1 = (uint)(s[9] - '0');
        if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9)
        {
            return false;
        }

        var year = (int)((y0 * 1000) + (y1 * 100) + (y2 * 10) + y3);
        var month = (int)((m0 * 10) + m1);
        var day = (int)((d0 * 10) + d1);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

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
    /// no blanks, no thousands separators. Up to 19 digits take <see cref="TryScanDecimal"/>; longer numbers the
    /// framework's parser restricted to the same notation.
    /// </summary>
    private static bool TryParseDecimal(ReadOnlySpan<byte> s, out decimal value)
    {
        var negative = !s.IsEmpty && s[0] == (byte)'-';
        var position = !s.IsEmpty && (negative || s[0] == (byte)'+') ? 1 : 0;
        if (TryScanDecimal(s, ref position, out value) && position == s.Length)
        {
            value = negative ? -value : value;
            return true;
        }

        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
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
