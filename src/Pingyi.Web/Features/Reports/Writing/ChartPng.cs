using System.Globalization;
using Pingyi.Domain.Reports;
using ScottPlot;

namespace Pingyi.Web.Features.Reports.Writing;

/// <summary>
/// Draws a <see cref="ReportChart"/> as a PNG for the Word document: bars with their values on top,
/// the 95% interval as an error bar when known, the unit in the top corner. The caption is not drawn:
/// the document prints it under the image in its own font.
/// </summary>
public static class ChartPng
{
    public const int Width = 1200;
    public const int Height = 600;

    /// <summary>The CJK family asked for by name; Debian's fonts-noto-cjk provides it.</summary>
    public const string FontFamily = "Noto Sans CJK SC";

    /// <summary>Digits in a Latin face, whose metrics put them where they are anchored.</summary>
    private const string NumberFont = "DejaVu Sans";

    private static readonly Color BarColor = new(0x3B, 0x5B, 0x8C);
    private static readonly Color IntervalColor = new(0x22, 0x22, 0x22);

    /// <summary>Renders with <paramref name="fontFamily"/>, <see cref="FontFamily"/> unless a test asks for another.</summary>
    public static byte[] Render(ReportChart chart, string fontFamily = FontFamily)
    {
        var plot = new Plot();
        plot.HideGrid();

        var bars = chart.Bars;
        plot.Add.Bars(bars.Select((b, i) => new Bar
        {
            Position = i,
            Value = Finite(b.Value),
            FillColor = BarColor,
            LineWidth = 0,
        }).ToArray());
        AddIntervals(plot, bars);

        var top = bars.Count == 0 ? 1 : bars.Max(b => Math.Max(Finite(b.Value), Finite(b.High ?? b.Value)));
        // Room above the tallest bar for its value and the unit; a rate axis stops a little above 100%.
        top = top <= 0 ? 1 : chart.Unit == "%" && top <= 100 ? 118 : top * 1.3;
        foreach (var (bar, i) in bars.Select((b, i) => (b, i)))
        {
            var label = plot.Add.Text(ValueLabel(bar.Value, chart.Unit), i, Math.Max(Finite(bar.Value), Finite(bar.High ?? bar.Value)));
            label.LabelAlignment = Alignment.LowerCenter;
            label.LabelFontSize = 30;
            label.LabelFontName = NumberFont;
            label.OffsetY = -6;
        }

        // Noto CJK's tall line metrics draw its text above the point it is anchored to, and a rotated
        // axis title would leave the image; so CJK is used only where that shift is harmless: the bar
        // labels under the axis (pushed down by invisible ticks) and the unit in the top corner.
        var unit = plot.Add.Text($"单位：{(string.IsNullOrWhiteSpace(chart.Unit) ? "—" : ReportText.Clean(chart.Unit))}", -0.6, top);
        unit.LabelAlignment = Alignment.UpperLeft;
        unit.LabelFontSize = 26;
        unit.LabelFontName = fontFamily;
        unit.OffsetX = 8;
        unit.OffsetY = 24;

        var bottom = plot.Axes.Bottom;
        bottom.SetTicks([.. Enumerable.Range(0, bars.Count).Select(i => (double)i)], [.. bars.Select(b => ReportText.Clean(b.Label))]);
        bottom.TickLabelStyle.FontName = fontFamily;
        bottom.TickLabelStyle.FontSize = 28;
        bottom.MajorTickStyle.Length = 24;
        bottom.MajorTickStyle.Color = Colors.Transparent;
        plot.Axes.Left.TickLabelStyle.FontName = NumberFont;
        plot.Axes.Left.TickLabelStyle.FontSize = 28;
        plot.Axes.SetLimits(-0.6, Math.Max(0.6, bars.Count - 0.4), 0, top);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void AddIntervals(Plot plot, IReadOnlyList<ChartBar> bars)
    {
        var shown = bars.Select((b, i) => (Bar: b, Index: i)).Where(x => x.Bar.Low is not null && x.Bar.High is not null).ToList();
        if (shown.Count == 0)
        {
            return;
        }
        var errors = new ScottPlot.Plottables.ErrorBar(
            [.. shown.Select(x => (double)x.Index)],
            [.. shown.Select(x => Finite(x.Bar.Value))],
            [.. shown.Select(_ => 0.0)],
            [.. shown.Select(_ => 0.0)],
            [.. shown.Select(x => Math.Max(0, Finite(x.Bar.High!.Value) - Finite(x.Bar.Value)))],
            [.. shown.Select(x => Math.Max(0, Finite(x.Bar.Value) - Finite(x.Bar.Low!.Value)))])
        {
            Color = IntervalColor,
            LineWidth = 2,
            CapSize = 12,
        };
        plot.PlottableList.Add(errors);
    }

    private static string ValueLabel(double value, string unit) =>
        Finite(value).ToString("0.#", CultureInfo.InvariantCulture) + (unit == "%" ? "%" : "");

    /// <summary>A NaN or infinite value would make the plot's limits meaningless; it is drawn as zero.</summary>
    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
