using Pingyi.Domain.Loop;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Results;

namespace Pingyi.Domain.Reports;

/// <summary>
/// The placeholders a section's text may use and their value for a report. Counts are plain
/// numbers ("50"), rates read as <see cref="ReportFormat.Percent(double?)"/> ("98%", "95.5%").
/// </summary>
public static class SummaryPlaceholders
{
    /// <summary>Every placeholder name, in the order the editor lists them.</summary>
    public static readonly IReadOnlyList<string> Names = ValuesOf(Empty).Keys.ToList();

    public static IReadOnlyDictionary<string, string> ValuesOf(SummaryFigures f)
    {
        string N(long n) => ReportFormat.Count(n);
        var m = f.Meetings;
        var l = f.Loop;
        int Grade(MemberGrade g) => f.Grades.TryGetValue(g, out var n) ? n : 0;
        return new Dictionary<string, string>
        {
            ["组织名称"] = f.OrganizationName,
            ["评议范围"] = f.Scope.IsYear ? $"{f.Scope.Year}年度" : $"“{f.Campaigns.FirstOrDefault()?.Name}”",
            ["年份"] = N(f.Scope.Year),
            ["评议会场次"] = N(m.Count(MeetingKind.AppraisalMeeting)),
            ["座谈会场次"] = N(m.Count(MeetingKind.Forum)),
            ["个别访谈次数"] = N(m.Count(MeetingKind.Interview)),
            ["走访次数"] = N(m.Count(MeetingKind.Visit)),
            ["会议总场次"] = N(m.Meetings),
            ["发放测评表"] = N(m.Issued),
            ["回收测评表"] = N(m.Returned),
            ["有效测评表"] = N(m.Valid),
            ["参评人次"] = N(m.Participants),
            ["测评票张数"] = N(f.BallotsByGroup.Sum(g => g.Ballots ?? 0)),
            ["参评对象数"] = N(f.Satisfaction.Subjects),
            ["最高满意率"] = ReportFormat.Percent(f.Satisfaction.Highest?.Rate),
            ["最高满意率对象"] = f.Satisfaction.Highest?.Name ?? RateFormat.None,
            ["最低满意率"] = ReportFormat.Percent(f.Satisfaction.Lowest?.Rate),
            ["最低满意率对象"] = f.Satisfaction.Lowest?.Name ?? RateFormat.None,
            ["平均满意率"] = ReportFormat.Percent(f.Satisfaction.Average),
            ["合计满意率"] = ReportFormat.Percent(f.Satisfaction.Pooled),
            ["优秀人数"] = N(Grade(MemberGrade.Excellent)),
            ["合格人数"] = N(Grade(MemberGrade.Qualified)),
            ["基本合格人数"] = N(Grade(MemberGrade.BasicallyQualified)),
            ["不合格人数"] = N(Grade(MemberGrade.Unqualified)),
            ["意见建议条数"] = N(l.Opinions),
            ["意见类别分布"] = Spread(f.OpinionsByCategory.Select(c => (c.Category, c.Count))),
            ["意见来源分布"] = Spread(OpinionLabels.Sources.Select(s => (s.Value, l.OpinionsBySource.TryGetValue(s.Key, out var n) ? n : 0))),
            ["查找问题条数"] = N(l.Problems),
            ["整改措施条数"] = N(l.Measures),
            ["已验收措施条数"] = N(l.MeasuresByState.TryGetValue(MeasureState.Verified, out var v) ? v : 0),
            ["逾期措施条数"] = N(l.Overdue),
            ["按期完成率"] = ReportFormat.Percent(l.ClosedOnTime),
            ["答复率"] = ReportFormat.Percent(l.Replied),
            ["整改满意率"] = ReportFormat.Percent(l.Satisfaction),
            ["软弱涣散组织数"] = N(f.Weak.Count),
            ["限期改正方案数"] = N(f.CorrectionPlans),
            ["先进典型组织数"] = N(f.Models.Count),
            ["先进事迹数"] = N(f.ModelRecords),
        };
    }

    /// <summary>"工作作风3条、服务态度2条", the parts with nothing left out; "无" when all are nothing.</summary>
    public static string Spread(IEnumerable<(string Label, int Count)> parts)
    {
        var shown = parts.Where(p => p.Count > 0).Select(p => $"{p.Label}{ReportFormat.Count(p.Count)}条").ToList();
        return shown.Count == 0 ? "无" : string.Join("、", shown);
    }

    private static SummaryFigures Empty => new(
        new ReportScopeInfo(null, null, 2000), "", [], MeetingFigureTotals.Empty, [], Satisfaction.Empty, [],
        new Dictionary<MemberGrade, int>(), [],
        LoopFigures.Compute([], 0, [], new DateOnly(2000, 1, 1), WorkCalendar.WeekdaysOnly), [], 0, [], 0);
}
