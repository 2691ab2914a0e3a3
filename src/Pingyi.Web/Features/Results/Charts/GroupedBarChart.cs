namespace Pingyi.Web.Features.Results.Charts;

/// <summary>
/// One category of a <see cref="GroupedBarChart"/>: a rate per series in series order; null
/// where the series has nothing for the category (e.g. a group that does not rate the subject).
/// </summary>
public sealed record BarGroup(string Label, IReadOnlyList<ChartRate?> Rates);

/// <summary>
/// Several series per category, e.g. the rater groups' rates for each subject or item: bars
/// of one category sit together, each series keeps its pattern, and the legend uses the same
/// patterns so a black-and-white printout still tells the series apart.
/// </summary>
public sealed class GroupedBarChart(string id, string title, IReadOnlyList<string> series, IReadOnlyList<BarGroup> groups)
{
    private const double Width = 640;
    private const double LabelWidth = 150;
    private const double PlotLeft = 160;
    private const double PlotWidth = 400;
    private const double BarHeight = 13;
    private const double BarGap = 3;
    private const double GroupGap = 12;
    private const double Margin = 8;

    public ReferenceLine? Reference { get; init; }

    public ChartSvg Render()
    {
        var legendHeight = ChartFrame.LegendHeight(series, Width - (2 * Margin));
        var referenceHeight = Reference is null ? 0 : 18;
        var groupHeight = (series.Count * (BarHeight + BarGap)) - BarGap + GroupGap;
        var plotTop = Margin + legendHeight + 6 + referenceHeight;
        var plotBottom = plotTop + (Math.Max(1, groups.Count) * groupHeight);

        var svg = ChartFrame.Begin(id, title, Width, plotBottom + 24, series.Count);
        ChartFrame.Legend(svg, id, series, Margin, Margin, Width - (2 * Margin));
        ChartFrame.PercentAxis(svg, X, plotTop, plotBottom);
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var groupTop = plotTop + (g * groupHeight) + (GroupGap / 2);
            svg.Open("g", ("class", "group"));
            ChartFrame.Label(svg, group.Label, LabelWidth, groupTop + ((groupHeight - GroupGap) / 2), LabelWidth - Margin, "end");
            for (var s = 0; s < series.Count; s++)
            {
                var top = groupTop + (s * (BarHeight + BarGap));
                var rate = s < group.Rates.Count ? group.Rates[s] : null;
                if (rate is null)
                {
                    svg.Text("text", "—", ("class", "absent"), ("x", X(0) + 4), ("y", top + (BarHeight / 2)), ("dy", "0.35em"), ("fill", ChartFrame.Muted));
                    continue;
                }
                svg.Open("g", ("class", "series"), ("data-series", s));
                svg.Text("title", series[s]);
                ChartFrame.RateBar(svg, id, rate, s, X, top, BarHeight);
                svg.Close();
            }
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
