using System.Globalization;
using System.Xml.Linq;
using Pingyi.Web.Features.Results.Charts;

namespace Pingyi.Web.Tests.Results;

/// <summary>The server-drawn charts read as XML: geometry matches the figures, text stays text, nothing needs inline CSS.</summary>
public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const string Hostile = "<script>alert(1)</script>";

    private static XElement Parse(ChartSvg chart) => XElement.Parse(chart.Markup);

    private static double Num(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    private static bool HasClass(XElement element, string name) =>
        (element.Attribute("class")?.Value ?? "").Split(' ').Contains(name);

    private static IEnumerable<XElement> WithClass(XElement root, string name) =>
        root.Descendants().Where(e => HasClass(e, name));

    private static ChartSvg[] AllKinds(string label) =>
    [
        new RateBarChart("rates", label, [new RateBar(label, ChartRate.Shown(90, 85, 94)), new RateBar(label, ChartRate.Suppressed(label))])
        {
            Reference = new ReferenceLine(80, label),
            Legend = [label],
        }.Render(),
        new GroupedBarChart("grouped", label, [label, label],
            [new BarGroup(label, [ChartRate.Shown(70, 60, 80), ChartRate.Suppressed(label)])]) { Reference = new ReferenceLine(50, label) }.Render(),
        new QuotaChart("quota", label, [new QuotaBar(label, 40, 50)]) { ReceivedLabel = label, PlannedLabel = label }.Render(),
        new TrendChart("trend", label, [new TrendPoint(label, ChartRate.Shown(92, 88, 95)), new TrendPoint(label, ChartRate.Suppressed(label))]).Render(),
    ];

    [Fact]
    public void Rate_bars_are_proportional_to_their_rates_and_start_together()
    {
        var root = Parse(new RateBarChart("subjects", "各单位满意率",
        [
            new RateBar("甲医院", ChartRate.Shown(95.5, 90, 98)),
            new RateBar("乙卫生院", ChartRate.Shown(50, 40, 60)),
            new RateBar("丙疾控中心", ChartRate.Shown(20, 10, 35)),
        ]).Render());

        var bars = WithClass(root, "bar").ToList();
        Assert.Equal(3, bars.Count);
        Assert.Single(bars.Select(b => Num(b, "x")).Distinct());
        var perPercent = Num(bars[0], "width") / 95.5;
        Assert.True(perPercent > 1, "a 100% bar should be hundreds of units long");
        Assert.Equal(50 * perPercent, Num(bars[1], "width"), 1);
        Assert.Equal(20 * perPercent, Num(bars[2], "width"), 1);
        Assert.Equal(["95.5%", "50.0%", "20.0%"], WithClass(root, "value").Select(v => v.Value));
    }

    [Fact]
    public void Whiskers_span_the_intervals()
    {
        var root = Parse(new RateBarChart("subjects", "满意率", [new RateBar("甲", ChartRate.Shown(80, 70.5, 88))]).Render());

        var bar = WithClass(root, "bar").Single();
        var origin = Num(bar, "x");
        var perPercent = Num(bar, "width") / 80;
        var interval = WithClass(root, "whisker").Single().Elements(Svg + "line").Single(l => HasClass(l, "interval"));
        Assert.Equal(origin + (70.5 * perPercent), Num(interval, "x1"), 1);
        Assert.Equal(origin + (88 * perPercent), Num(interval, "x2"), 1);
        var middle = Num(bar, "y") + (Num(bar, "height") / 2);
        Assert.Equal(middle, Num(interval, "y1"), 1);
        // The value label sits beyond the whisker, not under it.
        Assert.True(Num(WithClass(root, "value").Single(), "x") > Num(interval, "x2"));
    }

    [Fact]
    public void Trend_whiskers_span_the_intervals_and_the_line_breaks_at_a_suppressed_year()
    {
        var root = Parse(new TrendChart("trend", "历年满意率",
        [
            new TrendPoint("2022年", ChartRate.Shown(90, 85, 94)),
            new TrendPoint("2023年", ChartRate.Suppressed("不足5份")),
            new TrendPoint("2024年", ChartRate.Shown(96, 93, 98)),
            new TrendPoint("2025年", ChartRate.Shown(98, 96, 99)),
        ]).Render());

        var markers = WithClass(root, "marker").ToList();
        var intervals = WithClass(root, "whisker").Select(w => w.Elements(Svg + "line").Single(l => HasClass(l, "interval"))).ToList();
        Assert.Equal(3, markers.Count);
        Assert.Equal(3, intervals.Count);
        // y grows downwards: one percent is the same height everywhere on the axis.
        var perPercent = (Num(markers[0], "cy") - Num(markers[2], "cy")) / (98 - 90);
        Assert.True(perPercent > 1);
        Assert.Equal(Num(markers[0], "cy") + (5 * perPercent), Num(intervals[0], "y1"), 1);
        Assert.Equal(Num(markers[0], "cy") - (4 * perPercent), Num(intervals[0], "y2"), 1);
        Assert.Equal(Num(markers[1], "cy") + (3 * perPercent), Num(intervals[1], "y1"), 1);
        Assert.Equal(Num(markers[1], "cx"), Num(intervals[1], "x1"), 1);
        var path = WithClass(root, "line").Single().Attribute("d")!.Value;
        Assert.Equal(2, path.Count(c => c == 'M'));
        Assert.Equal(["90.0%", "96.0%", "98.0%"], WithClass(root, "value").Select(v => v.Value));
    }

    [Fact]
    public void Quota_bars_are_proportional_to_ballots_received_and_the_plan_marker_sits_at_the_quota()
    {
        var root = Parse(new QuotaChart("quota", "回收情况",
        [
            new QuotaBar("服务对象", 86, 100),
            new QuotaBar("职工代表", 30, 20),
        ]).Render());

        var bars = WithClass(root, "bar").ToList();
        var plans = WithClass(root, "plan").ToList();
        var origin = Num(bars[0], "x");
        var perBallot = Num(bars[0], "width") / 86;
        Assert.Equal(30 * perBallot, Num(bars[1], "width"), 1);
        Assert.Equal(origin + (100 * perBallot), Num(plans[0], "x1"), 1);
        Assert.Equal(origin + (20 * perBallot), Num(plans[1], "x1"), 1);
        Assert.Equal(["86 / 100（86.0%）", "30 / 20（150.0%）"], WithClass(root, "value").Select(v => v.Value));
    }

    [Fact]
    public void Hostile_text_comes_out_escaped_and_never_as_an_element()
    {
        foreach (var chart in AllKinds(Hostile))
        {
            Assert.DoesNotContain("<script", chart.Markup, StringComparison.OrdinalIgnoreCase);
            var root = Parse(chart);
            Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.LocalName == "script");
            Assert.Equal(Hostile, root.Attribute("aria-label")!.Value);
            Assert.Equal(Hostile, root.Element(Svg + "title")!.Value);
            Assert.Contains(root.Descendants(), e => e.Name.LocalName is "text" or "title" && e.Value.StartsWith("<script>", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Quotes_ampersands_and_control_characters_cannot_break_out_of_attributes_or_the_document()
    {
        const string Nasty = "甲\"乙' onload=\"alert(1)\" &amp; \u0001\u0008丙\uD800";
        foreach (var chart in AllKinds(Nasty))
        {
            var root = Parse(chart);
            Assert.DoesNotContain(root.DescendantsAndSelf().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
            Assert.StartsWith("甲\"乙' onload=\"alert(1)\" &amp; ", root.Attribute("aria-label")!.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_suppressed_bar_is_an_empty_outline_with_the_callers_text_and_no_number()
    {
        var root = Parse(new RateBarChart("subjects", "满意率",
        [
            new RateBar("甲", ChartRate.Shown(90, 80, 95)),
            new RateBar("乙", ChartRate.Suppressed("不足k份")),
        ]).Render());

        var rows = WithClass(root, "row").ToList();
        var suppressed = rows[1];
        var outline = suppressed.Descendants(Svg + "rect").Single();
        Assert.True(HasClass(outline, "suppressed"));
        Assert.Equal("none", outline.Attribute("fill")!.Value);
        Assert.Equal("不足k份", WithClass(suppressed, "suppressed-label").Single().Value);
        Assert.Empty(WithClass(suppressed, "whisker"));
        Assert.Empty(WithClass(suppressed, "value"));
        Assert.DoesNotContain(suppressed.Descendants(Svg + "text"), t => t.Value.Any(char.IsAsciiDigit) || t.Value.Contains('%'));
        // The outline is the whole track, so its length says nothing about a hidden rate.
        var shown = WithClass(rows[0], "bar").Single();
        Assert.Equal(Num(shown, "width") / 90 * 100, Num(outline, "width"), 1);
    }

    [Fact]
    public void Suppressed_cells_in_grouped_and_trend_charts_carry_no_number()
    {
        var grouped = Parse(new GroupedBarChart("grouped", "各类评议人满意率", ["服务对象", "职工代表"],
            [new BarGroup("甲", [ChartRate.Shown(90), ChartRate.Suppressed("不足k份")])]).Render());
        var hidden = WithClass(grouped, "series").Single(s => s.Attribute("data-series")!.Value == "1");
        Assert.Empty(WithClass(hidden, "value"));
        Assert.Equal("不足k份", WithClass(hidden, "suppressed-label").Single().Value);

        var trend = Parse(new TrendChart("trend", "历年", [new TrendPoint("2024年", ChartRate.Suppressed("不足k份"))]).Render());
        Assert.Empty(WithClass(trend, "value"));
        Assert.Empty(WithClass(trend, "marker"));
        Assert.Empty(WithClass(trend, "line"));
    }

    [Fact]
    public void No_chart_uses_inline_css_or_scripts()
    {
        foreach (var chart in AllKinds("甲医院"))
        {
            var root = Parse(chart);
            Assert.DoesNotContain(root.DescendantsAndSelf().Attributes(), a => a.Name.LocalName == "style");
            Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.LocalName is "style" or "script" or "foreignObject");
            Assert.DoesNotContain(root.DescendantsAndSelf().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_pattern_reference_is_defined_and_bars_are_hatched()
    {
        foreach (var chart in AllKinds("甲医院"))
        {
            var root = Parse(chart);
            var defined = root.Descendants(Svg + "pattern").Select(p => p.Attribute("id")!.Value).ToHashSet();
            var references = root.Descendants().Attributes("fill").Select(a => a.Value).Where(v => v.StartsWith("url(", StringComparison.Ordinal)).ToList();
            foreach (var reference in references)
            {
                Assert.Matches(@"^url\(#[a-z0-9-]+\)$", reference);
                Assert.Contains(reference[5..^1], defined);
            }
            Assert.All(WithClass(root, "bar").Where(b => !HasClass(b, "suppressed")),
                b => Assert.StartsWith("url(#", b.Attribute("fill")!.Value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Grouped_series_have_distinct_patterns_and_the_legend_uses_the_same_ones()
    {
        string[] series = ["服务对象", "职工代表", "党员"];
        var root = Parse(new GroupedBarChart("by-group", "各类评议人", series,
        [
            new BarGroup("甲医院", [ChartRate.Shown(90, 85, 94), ChartRate.Shown(80, 70, 88), ChartRate.Shown(70, 60, 78)]),
            new BarGroup("乙卫生院", [ChartRate.Shown(60), null, ChartRate.Shown(50)]),
        ]).Render());

        var swatches = WithClass(root, "swatch").Select(s => s.Attribute("fill")!.Value).ToList();
        Assert.Equal(3, swatches.Distinct().Count());
        Assert.Equal(series, WithClass(root, "legend-label").Select(l => l.Value));
        var firstGroup = WithClass(root, "group").First();
        Assert.Equal(swatches, WithClass(firstGroup, "bar").Select(b => b.Attribute("fill")!.Value));
        var patternBodies = root.Descendants(Svg + "pattern").Select(p => p.ToString(SaveOptions.DisableFormatting).Replace(p.Attribute("id")!.Value, "")).ToList();
        Assert.Equal(patternBodies.Count, patternBodies.Distinct().Count());
        // A group that does not rate the subject is marked, not drawn as 0%.
        var second = WithClass(root, "group").Last();
        Assert.Equal(2, WithClass(second, "bar").Count());
        Assert.Equal("—", WithClass(second, "absent").Single().Value);
    }

    [Fact]
    public void Charts_are_accessible_images_that_scale()
    {
        foreach (var chart in AllKinds("测评结果"))
        {
            var root = Parse(chart);
            Assert.Equal(Svg + "svg", root.Name);
            Assert.Equal("img", root.Attribute("role")!.Value);
            Assert.Equal("测评结果", root.Attribute("aria-label")!.Value);
            Assert.Equal(Svg + "title", root.Elements().First().Name);
            Assert.Matches(@"^0 0 \d+(\.\d+)? \d+(\.\d+)?$", root.Attribute("viewBox")!.Value);
            Assert.Null(root.Attribute("width"));
            Assert.Contains("Noto Sans CJK SC", root.Attribute("font-family")!.Value);
        }
    }

    [Fact]
    public void Long_labels_are_shortened_with_an_ellipsis_and_keep_the_full_text_as_a_title()
    {
        const string Long = "某某市某某区人民医院党委第一党总支第三党支部离退休干部党小组";
        var root = Parse(new RateBarChart("subjects", "满意率",
            [new RateBar(Long, ChartRate.Shown(90)), new RateBar("短名", ChartRate.Shown(80))]).Render());

        var labels = WithClass(root, "label").ToList();
        var shortened = labels[0];
        Assert.Equal(Long, shortened.Element(Svg + "title")!.Value);
        var shown = shortened.Element(Svg + "text")!.Value;
        Assert.EndsWith("…", shown, StringComparison.Ordinal);
        Assert.StartsWith(shown[..^1], Long, StringComparison.Ordinal);
        Assert.True(shown.Length < Long.Length);
        Assert.Equal("短名", labels[1].Value);
        Assert.Empty(labels[1].Elements());
    }

    [Fact]
    public void Reference_line_is_dashed_at_its_rate_and_labelled()
    {
        var root = Parse(new RateBarChart("subjects", "满意率", [new RateBar("甲", ChartRate.Shown(50))])
        {
            Reference = new ReferenceLine(95.5, "平均满意率 95.5%"),
        }.Render());

        var bar = WithClass(root, "bar").Single();
        var line = WithClass(root, "reference").Single().Element(Svg + "line")!;
        Assert.Equal(Num(bar, "x") + (Num(bar, "width") / 50 * 95.5), Num(line, "x1"), 1);
        Assert.NotNull(line.Attribute("stroke-dasharray"));
        Assert.Equal("平均满意率 95.5%", WithClass(root, "reference-label").Single().Value);
    }

    [Fact]
    public void Two_charts_on_one_page_never_share_pattern_ids()
    {
        var first = Parse(new RateBarChart("overview-subjects", "甲", [new RateBar("甲", ChartRate.Shown(50))]).Render());
        var second = Parse(new RateBarChart("overview-items", "乙", [new RateBar("乙", ChartRate.Shown(50))]).Render());
        var ids = first.Descendants().Concat(second.Descendants()).Attributes("id").Select(a => a.Value).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Throws<ArgumentException>(() => new RateBarChart("bad id\"", "甲", []).Render());
    }

    [Fact]
    public void Rates_outside_0_to_100_are_clamped_and_an_interval_needs_both_ends()
    {
        var rate = ChartRate.Shown(101, -3, 120);
        Assert.Equal((100.0, 0.0, 100.0), (rate.Percent!.Value, rate.Low!.Value, rate.High!.Value));
        Assert.Throws<ArgumentException>(() => ChartRate.Shown(50, 40, null));
        Assert.Throws<ArgumentException>(() => ChartRate.Shown(double.NaN));
        Assert.Null(ChartRate.Suppressed("不足5份").Percent);
    }
}
