namespace Pingyi.Web.Features.Results.Charts;

/// <summary>One campaign in a <see cref="TrendChart"/>, labelled by its year (or campaign name).</summary>
public sealed record TrendPoint(string Label, ChartRate Rate);

/// <summary>
/// Year on year: one point per campaign with its 95% interval as a vertical whisker, joined by a
/// line that breaks where a year is suppressed. The rate axis starts at a round number below the
/// lowest interval, so differences between 90% and 98% stay visible; its lower end is labelled.
/// </summary>
public sealed class TrendChart(string id, string title, IReadOnlyList<TrendPoint> points)
{
    private const double Width = 480;
    private const double Height = 240;
    private const double PlotLeft = 48;
    private const double PlotRight = 440;
    private const double PlotTop = 16;
    private const double PlotBottom = 200;

    public ChartSvg Render()
    {
        var floor = AxisFloor();
        double Y(double percent) => PlotBottom - ((Math.Clamp(percent, floor, 100) - floor) / (100 - floor) * (PlotBottom - PlotTop));
        double X(int index) => points.Count <= 1
            ? (PlotLeft + PlotRight) / 2
            : PlotLeft + 24 + (index * (PlotRight - PlotLeft - 48) / (points.Count - 1));

        var svg = ChartFrame.Begin(id, title, Width, Height, 0);
        svg.Open("g", ("class", "axis"));
        var step = 100 - floor > 50 ? 20 : 10;
        for (var p = floor; p <= 100; p += step)
        {
            svg.Element("line", ("x1", PlotLeft), ("y1", Y(p)), ("x2", PlotRight), ("y2", Y(p)),
                ("stroke", p == floor ? ChartFrame.Ink : ChartFrame.Grid), ("stroke-width", 1));
            svg.Text("text", $"{p}%", ("x", PlotLeft - 6), ("y", Y(p)), ("dy", "0.35em"), ("text-anchor", "end"), ("fill", ChartFrame.Muted));
        }
        svg.Close();

        DrawLines(svg, X, Y);
        var slot = points.Count <= 1 ? PlotRight - PlotLeft : (PlotRight - PlotLeft - 48) / (points.Count - 1);
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            svg.Open("g", ("class", "point"));
            ChartFrame.Label(svg, point.Label, X(i), PlotBottom + 16, Math.Max(40, slot - 4), "middle");
            if (point.Rate.Percent is not { } percent)
            {
                ChartFrame.Note(svg, point.Rate.SuppressedText ?? "", "suppressed-label", X(i), (PlotTop + PlotBottom) / 2, "middle", ChartFrame.Muted);
                svg.Close();
                continue;
            }
            if (point.Rate is { Low: { } low, High: { } high })
            {
                ChartFrame.Whisker(svg, Y(low), Y(high), X(i), horizontal: false);
            }
            svg.Element("circle", ("class", "marker"), ("cx", X(i)), ("cy", Y(percent)), ("r", 3.5), ("fill", ChartFrame.Ink));
            ChartFrame.Note(svg, point.Rate.Text ?? ChartText.Percent(percent), "value", X(i) + 7, Y(percent));
            svg.Close();
        }
        return new ChartSvg(svg.Close().Build());
    }

    private void DrawLines(SvgBuilder svg, Func<int, double> x, Func<double, double> y)
    {
        var path = new List<string>();
        var penDown = false;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Rate.Percent is not { } percent)
            {
                penDown = false;
                continue;
            }
            path.Add($"{(penDown ? "L" : "M")}{SvgBuilder.Number(x(i))} {SvgBuilder.Number(y(percent))}");
            penDown = true;
        }
        if (path.Count > 0)
        {
            svg.Element("path", ("class", "line"), ("d", string.Join(' ', path)), ("fill", "none"), ("stroke", ChartFrame.Ink), ("stroke-width", 1.5));
        }
    }

    // A multiple of ten at least 5 points below the lowest shown interval end, never below 0.
    private int AxisFloor()
    {
        var lowest = points.Where(p => !p.Rate.IsSuppressed).Select(p => p.Rate.Low ?? p.Rate.Percent!.Value).DefaultIfEmpty(0).Min();
        var floor = Math.Max(0, (int)Math.Floor((lowest - 5) / 10) * 10);
        // Wide ranges tick every 20%, so the floor must be a multiple of 20 to reach 100%.
        return 100 - floor > 50 ? floor / 20 * 20 : floor;
    }
}
