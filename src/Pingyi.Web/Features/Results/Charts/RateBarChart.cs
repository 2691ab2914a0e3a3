namespace Pingyi.Web.Features.Results.Charts;

/// <summary>One row of a <see cref="RateBarChart"/>; <paramref name="Pattern"/> picks the legend entry (e.g. a rank tier).</summary>
public sealed record RateBar(string Label, ChartRate Rate, int Pattern = 0);

/// <summary>A dashed vertical line across the bars, e.g. the campaign's average, with its label.</summary>
public sealed record ReferenceLine(double Percent, string Label);

/// <summary>
/// Horizontal bars of rates on a 0–100% axis, one per subject (or item, or group), each with
/// its 95% interval as a whisker and its value at the end; suppressed rates are empty outlines.
/// </summary>
public sealed class RateBarChart(string id, string title, IReadOnlyList<RateBar> bars)
{
    private const double Width = 640;
    private const double LabelWidth = 150;
    private const double PlotLeft = 160;
    private const double PlotWidth = 400;
    private const double RowHeight = 26;
    private const double BarHeight = 14;
    private const double Margin = 8;

    public ReferenceLine? Reference { get; init; }

    /// <summary>Names of the patterns used by <see cref="RateBar.Pattern"/>, shown as a legend when given.</summary>
    public IReadOnlyList<string> Legend { get; init; } = [];

    public ChartSvg Render()
    {
        var legendHeight = ChartFrame.LegendHeight(Legend, Width - (2 * Margin));
        var referenceHeight = Reference is null ? 0 : 18;
        var plotTop = Margin + legendHeight + referenceHeight;
        var plotBottom = plotTop + (Math.Max(1, bars.Count) * RowHeight);
        var height = plotBottom + 24;
        var patterns = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Pattern) + 1);

        var svg = ChartFrame.Begin(id, title, Width, height, Math.Max(patterns, Legend.Count));
        ChartFrame.Legend(svg, id, Legend, Margin, Margin, Width - (2 * Margin));
        ChartFrame.PercentAxis(svg, X, plotTop, plotBottom);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var rowTop = plotTop + (i * RowHeight);
            svg.Open("g", ("class", "row"));
            ChartFrame.Label(svg, bar.Label, LabelWidth, rowTop + (RowHeight / 2), LabelWidth - Margin, "end");
            ChartFrame.RateBar(svg, id, bar.Rate, bar.Pattern, X, rowTop + ((RowHeight - BarHeight) / 2), BarHeight);
            svg.Close();
        }
        if (Reference is { } reference)
        {
            ChartFrame.Reference(svg, reference, X, plotTop, plotBottom);
        }
        return new ChartSvg(svg.Close().Build());
    }

    private static double X(double percent) => PlotLeft + (percent / 100 * PlotWidth);
}
