using System.Globalization;
using System.Text;

namespace Alchemiser.Core.MarketData;

/// <summary>
/// Writes a symbol's bars in <see cref="CsvBarFormat"/>: the header, one row per bar, invariant culture, decimals
/// as plain digits (never an exponent, scale kept), <c>\n</c> line ends, UTF-8 without byte-order mark. The same
/// bars always give the same bytes. A series that breaks the store's rules (dates not strictly increasing, a
/// non-positive close, a negative volume) is refused, so whatever is written reads back.
/// </summary>
public static class CsvBarWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the header and the rows to <paramref name="writer"/>.</summary>
    /// <exception cref="ArgumentException">The series breaks the store's rules.</exception>
    public static void Write(TextWriter writer, IReadOnlyList<DailyBar> bars) => Write(writer, bars, "bars");

    private static void Write(TextWriter writer, IReadOnlyList<DailyBar> bars, string symbol)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(bars);
        BarSeriesRules.Check(symbol, bars, nameof(bars));

        writer.Write(CsvBarFormat.Header);
        writer.Write('\n');
        Span<char> row = stackalloc char[160];
        foreach (var bar in bars)
        {
            var length = FormatRow(bar, row);
            writer.Write(row[..length]);
        }
    }

    /// <summary>The file's whole text.</summary>
    public static string ToCsv(IReadOnlyList<DailyBar> bars)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, bars);
        return writer.ToString();
    }

    /// <summary>
    /// <paramref name="symbol"/>'s whole file as UTF-8 without byte-order mark (what an object store holds); errors
    /// name the symbol.
    /// </summary>
    /// <exception cref="ArgumentException">The series breaks the store's rules.</exception>
    public static byte[] ToUtf8(string symbol, IReadOnlyList<DailyBar> bars)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(bars);
        using var stream = new MemoryStream((bars.Count + 1) * 64);
        using (var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true))
        {
            Write(writer, bars, symbol);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Writes <paramref name="symbol"/>'s file into <paramref name="folder"/> (created if needed) and returns its path.
    /// The file is written beside its final name and moved into place, so a reader never sees half a file.
    /// </summary>
    public static string WriteSymbol(string folder, string symbol, IReadOnlyList<DailyBar> bars)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(bars);
        var path = Path.Combine(folder, SymbolFileName.ToFileName(symbol));
        BarSeriesRules.Check(symbol, bars, nameof(bars));
        Directory.CreateDirectory(folder);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16))
        {
            Write(writer, bars, symbol);
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static int FormatRow(DailyBar bar, Span<char> row)
    {
        var culture = CultureInfo.InvariantCulture;
        var n = 0;
        Append(bar.Date.TryFormat(row[n..], out var written, CsvBarFormat.DateFormat, culture), written, ref n);
        row[n++] = ',';
        Append(bar.Open.TryFormat(row[n..], out written, default, culture), written, ref n);
        row[n++] = ',';
        Append(bar.High.TryFormat(row[n..], out written, default, culture), written, ref n);
        row[n++] = ',';
        Append(bar.Low.TryFormat(row[n..], out written, default, culture), written, ref n);
        row[n++] = ',';
        Append(bar.Close.TryFormat(row[n..], out written, default, culture), written, ref n);
        row[n++] = ',';
        Append(bar.Volume.TryFormat(row[n..], out written, default, culture), written, ref n);
        row[n++] = '\n';
        return n;
    }

    private static void Append(bool formatted, int written, ref int position)
    {
        if (!formatted)
        {
            throw new InvalidOperationException("a CSV row did not fit its buffer");
        }

        position += written;
    }
}
