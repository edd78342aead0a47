using System.Globalization;
using System.Text;

namespace Alchemiser.Notifications.Reporting;

/// <summary>Culture-independent formatting shared by the renderers: money <c>$12,345.67</c>, percentages <c>12.34%</c>.</summary>
internal static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Money(decimal value) => value.ToString("$#,##0.00;-$#,##0.00;$0.00", Invariant);

    public static string SignedMoney(decimal value) => value.ToString("+$#,##0.00;-$#,##0.00;$0.00", Invariant);

    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.00", Invariant) + "%";

    public static string Quantity(decimal value) => value.ToString("0.##########", Invariant);

    public static string Bps(decimal? value) => value?.ToString("0.00", Invariant) ?? "-";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    /// <summary>The exact decimal, as written in the event (for CSV).</summary>
    public static string Exact(decimal value) => value.ToString(Invariant);

    public static string Exact(decimal? value) => value?.ToString(Invariant) ?? string.Empty;

    /// <summary>Free text on one line: control characters (newlines, tabs) become spaces, and at most <paramref name="max"/> characters.</summary>
    public static string OneLine(string? text, int max = 1000)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, max + 1));
        foreach (var c in text)
        {
            if (builder.Length == max)
            {
                builder.Length = max - 1;
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    /// <summary>Splits <paramref name="text"/> at spaces into lines of at most <paramref name="width"/> characters (longer words are cut).</summary>
    public static IEnumerable<string> Wrap(string text, int width, string firstIndent, string nextIndent)
    {
        var line = new StringBuilder(firstIndent);
        var indentLength = firstIndent.Length;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var room = width - line.Length - (line.Length > indentLength ? 1 : 0);
                if (rest.Length <= room)
                {
                    if (line.Length > indentLength)
                    {
                        line.Append(' ');
                    }

                    line.Append(rest);
                    rest = string.Empty;
                }
                else if (line.Length > indentLength)
                {
                    yield return line.ToString();
                    line.Clear().Append(nextIndent);
                    indentLength = nextIndent.Length;
                }
                else
                {
                    var cut = Math.Max(1, room);
                    line.Append(rest[..cut]);
                    rest = rest[cut..];
                    yield return line.ToString();
                    line.Clear().Append(nextIndent);
                    indentLength = nextIndent.Length;
                }
            }
        }

        if (line.Length > indentLength)
        {
            yield return line.ToString();
        }
    }
}
