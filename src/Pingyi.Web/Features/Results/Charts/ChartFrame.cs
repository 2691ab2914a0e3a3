using System.Text.RegularExpressions;

namespace Pingyi.Web.Features.Results.Charts;

/// <summary>
/// What every chart shares: the root element (viewBox, accessible name, CJK font), pattern
/// definitions, labels that shorten with the full text as a tooltip, the legend, the percent
/// axis and interval whiskers. Drawing is in black and greys plus hatched fills, so print works.
/// </summary>
internal static partial class ChartFrame
{
    public const double FontSize = 12;
    public const string FontFamily = "'Noto Sans CJK SC', sans-serif";
    public const string Ink = "#000000";
    public const string Grid = "#c8c8c8";
    public const string Muted = "#555555";

    private const double SwatchSize = 12;
    public const double LegendRowHeight = 20;

    /// <summary>Opens the root svg and writes title and patterns; close it with <see cref="SvgBuilder.Close"/>.</summary>
    public static SvgBuilder Begin(string chartId, string title, double width, double height, int patterns)
    {
        if (!IdPattern().IsMatch(chartId))
        {
            throw new ArgumentException($"Chart ids are lower-case words joined by hyphens: {chartId}", nameof(chartId));
        }
        var svg = new SvgBuilder();
        svg.Open("svg",
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("id", chartId),
            ("class", "chart"),
            ("viewBox", $"0 0 {SvgBuilder.Number(width)} {SvgBuilder.Number(height)}"),
            ("role", "img"),
            ("aria-label", title),
            ("font-family", FontFamily),
            ("font-size", FontSize),
            ("fill", Ink));
        svg.Text("title", title);
        if (patterns > 0)
        {
            svg.Open("defs");
            ChartPatterns.Define(svg, chartId, patterns);
            svg.Close();
        }
        return svg;
    }

    /// <summary>A label that fits <paramref name="maxWidth"/>; when shortened, the full text is its title.</summary>
    public static void Label(SvgBuilder svg, string text, double x, double y, double maxWidth, string anchor, string cssClass = "label")
    {
        var (shown, truncated) = ChartText.Fit(text, maxWidth, FontSize);
        if (truncated)
        {
            svg.Open("g", ("class", cssClass));
            svg.Text("title", text);
            svg.Text("text", shown, ("x", x), ("y", y), ("dy", "0.35em"), ("text-anchor", anchor));
            svg.Close();
        }
        else
        {
            svg.Text("text", shown, ("class", cssClass), ("x", x), ("y", y), ("dy", "0.35em"), ("text-anchor", anchor));
        }
    }

    /// <summary>A figure or note drawn over lines and bars: a white halo keeps it legible where they cross.</summary>
    public static void Note(SvgBuilder svg, string text, string cssClass, double x, double y, string anchor = "start", string fill = Ink)
    {
        svg.Text("text", text, ("class", cssClass), ("x", x), ("y", y), ("dy", "0.35em"), ("text-anchor", anchor), ("fill", fill),
            ("stroke", "#ffffff"), ("stroke-width", 3), ("stroke-linejoin", "round"), ("paint-order", "stroke"));
    }

    /// <summary>Height the legend needs when its entries wrap within <paramref name="width"/>.</summary>
    public static double LegendHeight(IReadOnlyList<string> entries, double width) =>
        entries.Count == 0 ? 0 : LegendLayout(entries, width).Max(e => e.Row + 1) * LegendRowHeight;

    /// <summary>Swatches filled with the series' patterns, each followed by its name.</summary>
    public static void Legend(SvgBuilder svg, string chartId, IReadOnlyList<string> entries, double x, double y, double width)
    {
        if (entries.Count == 0)
        {
            return;
        }
        svg.Open("g", ("class", "legend"));
        var layout = LegendLayout(entries, width);
        for (var i = 0; i < entries.Count; i++)
        {
            var (left, row, textWidth) = layout[i];
            var top = y + (row * LegendRowHeight) + ((LegendRowHeight - SwatchSize) / 2);
            svg.Element("rect", ("class", "swatch"), ("x", x + left), ("y", top), ("width", SwatchSize), ("height", SwatchSize),
                ("fill", ChartPatterns.Fill(chartId, i)), ("stroke", ChartPatterns.Stroke(i)));
            Label(svg, entries[i], x + left + SwatchSize + 4, top + (SwatchSize / 2), textWidth, "start", "legend-label");
        }
        svg.Close();
    }

    /// <summary>Vertical grid lines and labels every 20% along a 0–100% axis.</summary>
    public static void PercentAxis(SvgBuilder svg, Func<double, double> x, double top, double bottom)
    {
        svg.Open("g", ("class", "axis"));
        for (var p = 0; p <= 100; p += 20)
        {
            svg.Element("line", ("x1", x(p)), ("y1", top), ("x2", x(p)), ("y2", bottom), ("stroke", p == 0 ? Ink : Grid), ("stroke-width", 1));
            svg.Text("text", $"{p}%", ("x", x(p)), ("y", bottom + 14), ("text-anchor", "middle"), ("fill", Muted));
        }
        svg.Close();
    }

    /// <summary>A dashed vertical line at a percentage across the plot, labelled above it on the side with room.</summary>
    public static void Reference(SvgBuilder svg, ReferenceLine reference, Func<double, double> x, double top, double bottom)
    {
        var at = x(Math.Clamp(reference.Percent, 0, 100));
        var rightHalf = at > (x(0) + x(100)) / 2;
        svg.Open("g", ("class", "reference"));
        svg.Element("line", ("x1", at), ("y1", top - 4), ("x2", at), ("y2", bottom), ("stroke", Ink),
            ("stroke-width", 1.5), ("stroke-dasharray", "6 4"));
        Label(svg, reference.Label, at, top - 12, 220, rightHalf ? "end" : "start", "reference-label");
        svg.Close();
    }

    /// <summary>A 95% interval: a line from low to high with end caps, across a bar or through a point.</summary>
    public static void Whisker(SvgBuilder svg, double from, double to, double at, bool horizontal, double cap = 4)
    {
        svg.Open("g", ("class", "whisker"), ("stroke", Ink), ("stroke-width", 1.5));
        if (horizontal)
        {
            svg.Element("line", ("class", "interval"), ("x1", from), ("y1", at), ("x2", to), ("y2", at));
            svg.Element("line", ("x1", from), ("y1", at - cap), ("x2", from), ("y2", at + cap));
            svg.Element("line", ("x1", to), ("y1", at - cap), ("x2", to), ("y2", at + cap));
        }
        else
        {
            svg.Element("line", ("class", "interval"), ("x1", at), ("y1", from), ("x2", at), ("y2", to));
            svg.Element("line", ("x1", at - cap), ("y1", from), ("x2", at + cap), ("y2", from));
            svg.Element("line", ("x1", at - cap), ("y1", to), ("x2", at + cap), ("y2", to));
        }
        svg.Close();
    }

    /// <summary>
    /// A horizontal rate bar on a 0–100% track: hatched bar, whisker and value label, or for a
    /// suppressed cell a dashed empty outline of the whole track with the caller's text and no number.
    /// </summary>
    public static void RateBar(SvgBuilder svg, string chartId, ChartRate rate, int pattern, Func<double, double> x, double top, double height)
    {
        var middle = top + (height / 2);
        if (rate.Percent is not { } percent)
        {
            svg.Element("rect", ("class", "bar suppressed"), ("x", x(0)), ("y", top), ("width", x(100) - x(0)), ("height", height),
                ("fill", "none"), ("stroke", Muted), ("stroke-dasharray", "4 3"));
            Note(svg, rate.SuppressedText ?? "", "suppressed-label", x(0) + 6, middle, fill: Muted);
            return;
        }
        svg.Element("rect", ("class", "bar"), ("x", x(0)), ("y", top), ("width", x(percent) - x(0)), ("height", height),
            ("fill", ChartPatterns.Fill(chartId, pattern)), ("stroke", ChartPatterns.Stroke(pattern)));
        var end = x(percent);
        if (rate is { Low: { } low, High: { } high })
        {
            Whisker(svg, x(low), x(high), middle, horizontal: true, cap: Math.Min(4, height / 2));
            end = x(high);
        }
        Note(svg, rate.Text ?? ChartText.Percent(percent), "value", end + 4, middle);
    }

    private static List<(double Left, int Row, double TextWidth)> LegendLayout(IReadOnlyList<string> entries, double width)
    {
        var layout = new List<(double, int, double)>();
        double left = 0;
        var row = 0;
        foreach (var entry in entries)
        {
            var textWidth = Math.Min(ChartText.Width(entry, FontSize), Math.Max(60, width - SwatchSize - 4));
            var entryWidth = SwatchSize + 4 + textWidth + 16;
            if (left > 0 && left + entryWidth > width)
            {
                left = 0;
                row++;
            }
            layout.Add((left, row, textWidth));
            left += entryWidth;
        }
        return layout;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
