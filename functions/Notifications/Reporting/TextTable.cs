namespace Alchemiser.Notifications.Reporting;

/// <summary>
/// A plain-text table with columns padded with spaces (no tabs), each left- or right-aligned; shows at most a given
/// number of rows and says how many it left out.
/// </summary>
internal sealed class TextTable
{
    /// <summary>Cells longer than this are cut so one odd value cannot push every row off a phone screen.</summary>
    private const int MaxCell = 24;

    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <param name="columns">Headers; a header starting with <c>&gt;</c> is a right-aligned column (the marker is dropped).</param>
    public TextTable(params string[] columns)
    {
        _headers = [.. columns.Select(c => c.TrimStart('>'))];
        _rightAligned = [.. columns.Select(c => c.StartsWith('>'))];
    }

    public int Count => _rows.Count;

    public void Add(params string[] cells) => _rows.Add([.. cells.Select(c => ReportFormat.OneLine(c, MaxCell))]);

    public IEnumerable<string> Lines(int maxRows, string indent)
    {
        var shown = _rows.Take(maxRows).ToList();
        var widths = _headers.Select((h, i) => shown.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        yield return Line(_headers, widths, indent);
        foreach (var row in shown)
        {
            yield return Line(row, widths, indent);
        }

        if (_rows.Count > shown.Count)
        {
            yield return $"{indent}… {_rows.Count - shown.Count} more rows (see the HTML report)";
        }
    }

    private string Line(string[] cells, int[] widths, string indent) =>
        (indent + string.Join("  ", cells.Select((c, i) => _rightAligned[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i])))).TrimEnd();
}
