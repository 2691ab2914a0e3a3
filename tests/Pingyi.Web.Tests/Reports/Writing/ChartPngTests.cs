using Pingyi.Domain.Reports;
using Pingyi.Web.Features.Reports.Writing;

namespace Pingyi.Web.Tests.Reports.Writing;

public class ChartPngTests
{
    private static readonly ReportChart Rates = new("各单位满意率", "%",
        [new ChartBar("内科党支部", 98, 95.1, 99.4), new ChartBar("外科党支部", 93, 89.0, 95.8), new ChartBar("行政", 95.5)]);

    [Fact]
    public void Chart_renders_as_a_png_of_the_agreed_size()
    {
        Assert.Equal((ChartPng.Width, ChartPng.Height), ReportDocxTests.PngSize(ChartPng.Render(Rates)));
    }

    [Fact]
    public void Chart_renders_without_the_cjk_font()
    {
        Assert.Equal((ChartPng.Width, ChartPng.Height), ReportDocxTests.PngSize(ChartPng.Render(Rates, "No Such Font Family")));
    }

    [Fact]
    public void Interval_bars_are_drawn_when_low_and_high_are_given()
    {
        var without = ChartPng.Render(Rates with { Bars = [.. Rates.Bars.Select(b => b with { Low = null, High = null })] });
        Assert.NotEqual(without, ChartPng.Render(Rates));
    }

    [Theory]
    [MemberData(nameof(Odd))]
    public void Odd_charts_still_render(ReportChart chart) => ReportDocxTests.PngSize(ChartPng.Render(chart));

    public static TheoryData<ReportChart> Odd() => new()
    {
        new ReportChart("空", "条", []),
        new ReportChart("零", "条", [new ChartBar("无", 0)]),
        new ReportChart("负和非数", "", [new ChartBar("a", -5), new ChartBar("b", double.NaN, double.NegativeInfinity, double.PositiveInfinity)]),
        new ReportChart("反向区间", "%", [new ChartBar("a", 50, 60, 40)]),
    };
}
