using System.Globalization;
using System.Net;
using System.Text;

namespace Alchemiser.Notifications.Reporting;

/// <summary>
/// The consolidated target as an inline SVG horizontal bar chart: one labelled bar per symbol with a weight above
/// zero, in the order of <see cref="RunReport.Target"/>, bar lengths proportional to the weights (the largest spans
/// the plot). Coordinates are written with invariant culture, so the same report always gives the same SVG.
/// </summary>
internal static class AllocationChart
{
    private const int Width = 640;
    private const int LabelWidth = 96;
    private const int PlotWidth = 440;
    private const int RowHeight = 24;
    private const int BarHeight = 16;
    private const int Margin = 8;

    public static string Svg(IReadOnlyList<TargetRow> target)
    {
        var bars = target.Where(r => r.TargetWeight > 0m).ToList();
        if (bars.Count == 0)
        {
            return string.Empty;
        }

        var largest = bars.Max(r => r.TargetWeight);
        var height = (2 * Margin) + (bars.Count * RowHeight);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"Consolidated target weights\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\">\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var row = bars[i];
            var top = Margin + (i * RowHeight);
            var baseline = top + BarHeight - 3;
            var length = Number(row.TargetWeight / largest * PlotWidth);
            var symbol = WebUtility.HtmlEncode(ReportFormat.OneLine(row.Symbol, 12));
            var percent = ReportFormat.Percent(row.TargetWeight);
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{WebUtility.HtmlEncode(ReportFormat.OneLine(row.Symbol))} {percent}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{baseline}\" text-anchor=\"end\">{symbol}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{top}\" width=\"{length}\" height=\"{BarHeight}\" fill=\"#3b6ea5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Number((row.TargetWeight / largest * PlotWidth) + LabelWidth + 6)}\" y=\"{baseline}\">{percent}</text></g>\n");
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string Number(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
