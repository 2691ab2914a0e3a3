using Pingyi.Domain.Loop;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Reports;
using Pingyi.Domain.Results;

namespace Pingyi.Domain.Tests.Reports;

public class NarrativeTests
{
    private static readonly Dictionary<MeetingKind, int> OneMeeting = new() { [MeetingKind.AppraisalMeeting] = 1 };

    /// <summary>The seed hospital: one meeting of 53 people, 50 forms, subjects at 98% and 93%, 4 problems and 4 measures.</summary>
    private static SummaryFigures Hospital()
    {
        var meeting = new MeetingCounts(OneMeeting, 1, 53, 50, 50, 50, 0, null, 0);
        var loop = LoopFigures.Compute(
            [new OpinionFact(Guid.NewGuid(), OpinionSource.Meeting, null, true, ReRating.Satisfied)],
            4,
            Enumerable.Range(0, 4).Select(_ => new MeasureFact(MeasureState.Verified, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 10))).ToList(),
            new DateOnly(2026, 4, 1), WorkCalendar.WeekdaysOnly);
        return new SummaryFigures(
            new ReportScopeInfo(5, 12, 2026), "某镇卫生院", [new CampaignRef(12, "创先争优群众评议", 2026)],
            MeetingFigureTotals.Of([meeting]),
            [new GroupBallots("党员", 150)],
            Satisfaction.Of(2, [new SubjectRate(1, "党支部", new Rate(49, 50)), new SubjectRate(2, "院办", new Rate(93, 100))], [new Rate(142, 150)]),
            [], new Dictionary<MemberGrade, int> { [MemberGrade.Excellent] = 2 }, [new CategoryCount("服务态度", 1)],
            loop, [], 0, [], 0);
    }

    private static string AllText(SummaryFigures f)
    {
        var values = SummaryPlaceholders.ValuesOf(f);
        return string.Concat(NarrativeTemplates.Sections.Select(s => NarrativeRenderer.Render(s.DefaultText, values)));
    }

    [Fact]
    public void The_seed_hospitals_sentences_come_out_of_the_default_wording()
    {
        var text = AllText(Hospital());

        foreach (var expected in new[] { "召开评议会1场", "发放测评表50份", "参与评议人员达53人次", "最高满意率98%", "最低满意率93%", "平均满意率95.5%",
                     "合计满意率94.7%", "意见和建议1条", "查找问题4条", "整改措施4条", "按期完成率100%", "优秀2名", "服务态度1条" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("未知数据", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_placeholder_of_the_default_wording_is_known()
    {
        foreach (var section in NarrativeTemplates.Sections)
        {
            Assert.Null(NarrativeRenderer.Check(section.DefaultText, SummaryPlaceholders.Names));
        }
        Assert.Equal(NarrativeTemplates.Sections.Count, NarrativeTemplates.Sections.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void An_unknown_placeholder_shows_as_unknown_data_and_cannot_be_saved()
    {
        var values = new Dictionary<string, string> { ["参评人次"] = "53" };

        Assert.Equal("达53人次，【未知数据：满意度】。", NarrativeRenderer.Render("达{参评人次}人次，{满意度}。", values));
        Assert.Equal(["满意度", "x"], NarrativeRenderer.Unknown("{满意度}{参评人次}{满意度}{x}", values.Keys));
        var error = NarrativeRenderer.Check("满意度{满意度}", values.Keys);
        Assert.Equal("文字中有未知的数据占位符：{满意度}。请使用右侧列出的占位符。", error);
    }

    [Fact]
    public void Text_that_is_not_a_placeholder_is_left_as_typed()
    {
        var values = new Dictionary<string, string> { ["a"] = "1" };

        Assert.Equal("<script>{}</script> { a } {a", NarrativeRenderer.Render("<script>{}</script> { a } {a", values));
        Assert.Null(NarrativeRenderer.Check("<script>alert(1)</script>", values.Keys));
    }

    [Fact]
    public void Empty_and_over_long_wording_is_refused_in_Chinese()
    {
        Assert.Equal("请填写本节文字；要使用预设文字，请点“恢复默认”。", NarrativeRenderer.Check("  ", []));
        Assert.Null(NarrativeRenderer.Check(new string('字', ReportNarrative.TextMaxLength), []));
        Assert.Equal($"本节文字不能超过{ReportNarrative.TextMaxLength}个字符（现有4001个）。", NarrativeRenderer.Check(new string('字', 4001), []));
    }

    [Fact]
    public void Nothing_to_count_reads_as_a_dash_never_zero_percent()
    {
        var empty = Hospital() with { Satisfaction = Satisfaction.Empty, Loop = LoopFigures.Compute([], 0, [], new DateOnly(2026, 1, 1), WorkCalendar.WeekdaysOnly) };
        var values = SummaryPlaceholders.ValuesOf(empty);

        Assert.Equal("—", values["最高满意率"]);
        Assert.Equal("—", values["平均满意率"]);
        Assert.Equal("—", values["按期完成率"]);
        Assert.Equal("0", values["查找问题条数"]);
        Assert.Equal("无", values["意见来源分布"]);
    }

    [Fact]
    public void The_scope_key_names_the_subtree_and_the_campaign_or_year()
    {
        Assert.Equal("o5/c12", new ReportScopeInfo(5, 12, 2026).Key);
        Assert.Equal("o5/y2026", new ReportScopeInfo(5, null, 2026).Key);
        Assert.Equal("all/y2026", new ReportScopeInfo(null, null, 2026).Key);
        Assert.True(new ReportScopeInfo(null, null, 2026).IsYear);
        Assert.False(new ReportScopeInfo(null, 3, 2026).IsYear);
    }

    [Fact]
    public void The_campaign_scope_names_the_campaign_and_the_year_scope_the_year()
    {
        Assert.Equal("“创先争优群众评议”", SummaryPlaceholders.ValuesOf(Hospital())["评议范围"]);
        Assert.Equal("2026年度", SummaryPlaceholders.ValuesOf(Hospital() with { Scope = new ReportScopeInfo(5, null, 2026) })["评议范围"]);
    }
}
