using System.Globalization;
using Pingyi.Domain.Reports;
using Pingyi.Web.Features.Results.Charts;

namespace Pingyi.Web.Features.Reports;

/// <summary>A report chart as SVG for the preview, drawn by the results pages' bar chart.</summary>
public static class ReportCharts
{
    /// <summary>
    /// Percent charts keep their values and intervals; a count chart ("条") draws each bar as its
    /// share of the largest, labelled with the count, so the bars compare on the same 0–100 axis.
    /// </summary>
    public static ChartSvg Render(string id, ReportChart chart)
    {
        var max = chart.Bars.Count == 0 ? 0 : chart.Bars.Max(b => b.Value);
        var bars = chart.Bars.Select(b => new RateBar(b.Label, chart.Unit == "%"
            ? ChartRate.Shown(b.Value, b.Low, b.High, b.Value.ToString("0.0", CultureInfo.InvariantCulture) + "%")
            : ChartRate.Shown(max > 0 ? 100 * b.Value / max : 0, text: b.Value.ToString("0", CultureInfo.InvariantCulture) + chart.Unit))).ToList();
        return new RateBarChart(id, chart.Caption, bars).Render();
    }
}
