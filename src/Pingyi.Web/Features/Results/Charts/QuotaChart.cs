namespace Pingyi.Web.Features.Results.Charts;

/// <summary>One rater group's response: ballots received against its planned count (名额).</summary>
public sealed record QuotaBar(string Label, long Received, long Planned);

/// <summary>
/// Response against quota per rater group: a hatched bar of ballots received and a solid
/// marker at the 名额, with "received / planned（share）" at the end of the row.
/// </summary>
public sealed class QuotaChart(string id, string title, IReadOnlyList<QuotaBar> bars)
{
    private const double Width = 640;
    private const double LabelWidth = 130;
    private const double PlotLeft = 140;
    private const double PlotWidth = 360;
    private const double RowHeight = 28;
    private const double BarHeight = 14;
    private const double Margin = 8;

    /// <summary>Legend text for the received bars.</summary>
    public string ReceivedLabel { get; init; } = "已回收测评票";

    /// <summary>Legend text for the plan marker.</summary>
    public string PlannedLabel { get; init; } = "名额";

    public ChartSvg Render()
    {
        var max = NiceCeiling(bars.Count == 0 ? 0 : bars.Max(b => Math.Max(b.Received, b.Planned)));
        double X(double count) => PlotLeft + (count / max * PlotWidth);
        var plotTop = Margin + ChartFrame.LegendRowHeight + 6;
        var plotBottom = plotTop + (Math.Max(1, bars.Count) * RowHeight);

        var svg = ChartFrame.Begin(id, title, Width, plotBottom + 24, 1);
        DrawLegend(svg);
        DrawAxis(svg, max, X, plotTop, plotBottom);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var rowTop = plotTop + (i * RowHeight);
            var middle = rowTop + (RowHeight / 2);
            var received = Math.Max(0, bar.Received);
            var planned = Math.Max(0, bar.Planned);
            svg.Open("g", ("class", "row"));
            ChartFrame.Label(svg, bar.Label, LabelWidth, middle, LabelWidth - Margin, "end");
            svg.Element("rect", ("class", "bar"), ("x", X(0)), ("y", middle - (BarHeight / 2)), ("width", X(received) - X(0)),
                ("height", BarHeight), ("fill", ChartPatterns.Fill(id, 0)), ("stroke", ChartPatterns.Stroke(0)));
            if (planned > 0)
            {
                svg.Element("line", ("class", "plan"), ("x1", X(planned)), ("y1", middle - (BarHeight / 2) - 4), ("x2", X(planned)),
                    ("y2", middle + (BarHeight / 2) + 4), ("stroke", ChartFrame.Ink), ("stroke-width", 3));
            }
            var share = planned > 0 ? $"（{ChartText.Percent(100.0 * received / planned)}）" : "";
            svg.Text("text", $"{received} / {planned}{share}", ("class", "value"), ("x", Math.Max(X(received), X(planned)) + 6),
                ("y", middle), ("dy", "0.35em"));
            svg.Close();
        }
        return new ChartSvg(svg.Close().Build());
    }

    private void DrawLegend(SvgBuilder svg)
    {
        var y = Margin + (ChartFrame.LegendRowHeight / 2);
        svg.Open("g", ("class", "legend"));
        svg.Element("rect", ("class", "swatch"), ("x", Margin), ("y", y - 6), ("width", 12), ("height", 12),
            ("fill", ChartPatterns.Fill(id, 0)), ("stroke", ChartPatterns.Stroke(0)));
        svg.Text("text", ReceivedLabel, ("x", Margin + 16), ("y", y), ("dy", "0.35em"));
        var planX = Margin + 16 + ChartText.Width(ReceivedLabel, ChartFrame.FontSize) + 24;
        svg.Element("line", ("x1", planX), ("y1", y - 7), ("x2", planX), ("y2", y + 7), ("stroke", ChartFrame.Ink), ("stroke-width", 3));
        svg.Text("text", PlannedLabel, ("x", planX + 6), ("y", y), ("dy", "0.35em"));
        svg.Close();
    }

    private static void DrawAxis(SvgBuilder svg, double max, Func<double, double> x, double top, double bottom)
    {
        svg.Open("g", ("class", "axis"));
        var step = max / 5;
        for (var i = 0; i <= 5; i++)
        {
            var value = i * step;
            svg.Element("line", ("x1", x(value)), ("y1", top), ("x2", x(value)), ("y2", bottom),
                ("stroke", i == 0 ? ChartFrame.Ink : ChartFrame.Grid), ("stroke-width", 1));
            svg.Text("text", SvgBuilder.Number(value), ("x", x(value)), ("y", bottom + 14), ("text-anchor", "middle"), ("fill", ChartFrame.Muted));
        }
        svg.Close();
    }

    /// <summary>The smallest 5 × (1, 2 or 5) × 10ⁿ at or above <paramref name="value"/>, so the five ticks are round whole numbers.</summary>
    internal static double NiceCeiling(double value)
    {
        if (value <= 5)
        {
            return 5;
        }
        var step = value / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(step)));
        foreach (var factor in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (factor * magnitude >= step)
            {
                return 5 * factor * magnitude;
            }
        }
        return 50 * magnitude;
    }
}
