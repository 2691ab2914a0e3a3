using System.Globalization;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Reports;
using Pingyi.Domain.Results;

namespace Pingyi.Web.Features.Reports;

/// <summary>
/// Turns the figures and the saved wording of a report into the format-free
/// <see cref="ReportDocument"/>: each section's text with its placeholders filled, its tables
/// (one Excel sheet each) and charts, and where every figure can be checked.
/// </summary>
public static class SummaryBuilder
{
    public static ReportDocument Build(SummaryFigures f, IReadOnlyDictionary<string, string> saved, DateOnly today)
    {
        var values = SummaryPlaceholders.ValuesOf(f);
        string Text(string key) =>
            NarrativeRenderer.Render(saved.TryGetValue(key, out var t) ? t : NarrativeTemplates.Find(key)!.DefaultText, values);
        ReportSection Section(string key, IReadOnlyList<ReportTable> tables, IReadOnlyList<ReportChart>? charts = null) =>
            new(key, NarrativeTemplates.Find(key)!.Heading, Paragraphs(Text(key)), tables, charts ?? []);

        var sections = new List<ReportSection>
        {
            Section("basic", [Meetings(f), Ballots(f)]),
            Section("results", [Units(f), Grades(f)], UnitChart(f) is { } chart ? [chart] : []),
            Section("opinions", [Categories(f), Sources(f)], [CategoryChart(f)]),
            Section("problems", [Problems(f)]),
            Section("feedback", [Feedback(f)]),
            Section("weak-model", [Flags(f)]),
            Section("next", []),
        };
        return new ReportDocument(TitleOf(f), f.OrganizationName, today, sections, SummarySources.Of(f, values));
    }

    public static string TitleOf(SummaryFigures f) => f.Scope.IsYear
        ? $"{f.OrganizationName}{f.Scope.Year}年度群众评议工作总结"
        : $"{f.OrganizationName}{f.Campaigns.FirstOrDefault()?.Name}工作总结";

    /// <summary>One paragraph per line the administrator typed; blank lines dropped.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static ReportTable Meetings(SummaryFigures f)
    {
        var m = f.Meetings;
        List<IReadOnlyList<string>> rows = [.. MeetingLabels.Kinds.Select(k => (IReadOnlyList<string>)[$"{k.Value}（场次）", N(m.Count(k.Key))])];
        rows.Add(["发放测评表（份）", N(m.Issued)]);
        rows.Add(["回收测评表（份）", N(m.Returned)]);
        rows.Add(["有效测评表（份）", N(m.Valid)]);
        rows.Add(["参评人次", N(m.Participants)]);
        return new ReportTable("评议会议与测评表", "评议会议与测评表", ["项目", "数量"], rows,
            "参评人次 = 会议到会人数 + 评议码在线评议人数 + 平时扫码评议人次。", [1]);
    }

    private static ReportTable Ballots(SummaryFigures f) =>
        new("按评议人群体统计的测评票", "按评议人群体测评票", ["评议人群体", "测评票（张）"],
            f.BallotsByGroup.Select(g => (IReadOnlyList<string>)[g.Group, g.Ballots is { } b ? N(b) : $"{RateFormat.None}（{g.Hidden}）"]).ToList(),
            "与评议结果页面一致：不足最少份数的群体不显示票数。", [1]);

    private static ReportTable Units(SummaryFigures f)
    {
        var year = f.Scope.IsYear;
        IReadOnlyList<string> header = year
            ? ["评议活动", "评议对象", "满意率", "95%区间", "测评票", "排名"]
            : ["评议对象", "满意率", "95%区间", "测评票", "排名"];
        var rows = f.Units.Select(u => (IReadOnlyList<string>)(year
            ? [u.Campaign, u.Subject, u.RateText, u.IntervalText, u.BallotsText, u.Rank]
            : [u.Subject, u.RateText, u.IntervalText, u.BallotsText, u.Rank])).ToList();
        return new ReportTable("各评议对象满意率", "各评议对象满意率", header, rows,
            "满意率 =（满意 + 基本满意）÷ 作答票数；测评票不足最少份数或可被推算的格不显示，注明原因。排名按区间给出可能的名次范围。",
            year ? [4] : [3]);
    }

    private static ReportTable Grades(SummaryFigures f) =>
        new("党员民主评议等次", "党员评议等次", ["等次", "人数"],
            MemberGrades.Labels.Select(g => (IReadOnlyList<string>)[g.Value, N(f.Grades.TryGetValue(g.Key, out var n) ? n : 0)]).ToList(),
            NumericColumns: [1]);

    private static ReportTable Categories(SummaryFigures f) =>
        new("意见建议（按类别）", "意见建议按类别", ["类别", "条数"],
            f.OpinionsByCategory.Select(c => (IReadOnlyList<string>)[c.Category, N(c.Count)]).ToList(), NumericColumns: [1]);

    private static ReportTable Sources(SummaryFigures f) =>
        new("意见建议（按来源）", "意见建议按来源", ["来源", "条数"],
            OpinionLabels.Sources.Select(s => (IReadOnlyList<string>)[s.Value, N(f.Loop.OpinionsBySource.TryGetValue(s.Key, out var n) ? n : 0)]).ToList(),
            NumericColumns: [1]);

    private static ReportTable Problems(SummaryFigures f)
    {
        var l = f.Loop;
        int State(MeasureState s) => l.MeasuresByState.TryGetValue(s, out var n) ? n : 0;
        List<IReadOnlyList<string>> rows =
        [
            ["查找问题（条）", N(l.Problems)],
            ["整改措施（条）", N(l.Measures)],
            .. MeasureStates.Labels.Select(s => (IReadOnlyList<string>)[$"其中{s.Value}（条）", N(State(s.Key))]),
            ["逾期（条）", N(l.Overdue)],
            ["按期完成率", RateFormat.Percent(l.ClosedOnTime ?? Rate.Empty)],
        ];
        return new ReportTable("问题与整改措施", "问题与整改措施", ["项目", "数值"], rows,
            "按期完成率 = 按期验收的措施 ÷（已验收的措施 + 逾期未验收的措施）。", [1]);
    }

    private static ReportTable Feedback(SummaryFigures f)
    {
        var l = f.Loop;
        List<IReadOnlyList<string>> rows =
        [
            ["收集意见建议（条）", N(l.Opinions)],
            ["答复率", RateFormat.Percent(l.Replied ?? Rate.Empty)],
            ["参加整改再评价（人次）", N(l.Satisfaction?.N ?? 0)],
            ["整改满意率", RateFormat.Percent(l.Satisfaction ?? Rate.Empty)],
        ];
        return new ReportTable("反馈与整改满意度", "反馈与整改满意度", ["项目", "数值"], rows, NumericColumns: [1]);
    }

    private static ReportTable Flags(SummaryFigures f)
    {
        var rows = f.Weak.Select(w => (IReadOnlyList<string>)["软弱涣散", w.Organization, w.Campaign, w.Evidence])
            .Concat(f.Models.Select(m => (IReadOnlyList<string>)["先进典型", m.Organization, m.Campaign, m.Evidence])).ToList();
        return new ReportTable("软弱涣散与先进典型组织", "软弱涣散与先进典型", ["认定", "组织", "评议活动", "依据"], rows,
            $"限期改正方案{N(f.CorrectionPlans)}个，先进事迹记录{N(f.ModelRecords)}项。");
    }

    private static ReportChart? UnitChart(SummaryFigures f)
    {
        var bars = f.Units.Where(u => u.Rate?.Value is not null).Select(u => new ChartBar(
            f.Scope.IsYear ? $"{u.Subject}（{u.Campaign}）" : u.Subject,
            Percent(u.Rate!.Value.Value!.Value), Percent(u.Rate.Value.Interval!.Value.Low), Percent(u.Rate.Value.Interval!.Value.High))).ToList();
        return bars.Count == 0 ? null : new ReportChart("各评议对象满意率（含95%区间）", "%", bars);
    }

    private static ReportChart CategoryChart(SummaryFigures f) =>
        new("意见建议按类别", "条", f.OpinionsByCategory.Select(c => new ChartBar(c.Category, c.Count)).ToList());

    private static double Percent(double fraction) => Math.Round(fraction * 100, 1);
}
