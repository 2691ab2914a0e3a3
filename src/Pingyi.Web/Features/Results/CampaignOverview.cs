using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results.Charts;

namespace Pingyi.Web.Features.Results;

/// <summary>A rater group's response: raters (the most ballots any of its assignments received) against its 名额.</summary>
public sealed record GroupResponse(GroupInfo Group, long Raters);

/// <summary>A subject's row on the overview: its figures, its rank range if ranked, and where it stands against the average.</summary>
public sealed record SubjectRow(SubjectResult Result, RankedSubject? Rank, AverageStanding Standing);

/// <summary>Where a subject's 95% interval lies against the average of the subjects in view (the 先进典型 test).</summary>
public enum AverageStanding
{
    NotRated = -1,
    Above = 0,
    Within = 1,
    Below = 2,
}

/// <summary>
/// The campaign overview's content, built from the caller's <see cref="CampaignResult"/> (already
/// restricted to their subtree and suppressed): response against quota, the summary line, the
/// subjects ranked with intervals, the lower-trust groups apart, and the charts of these.
/// </summary>
public sealed class CampaignOverview
{
    /// <summary>Legend of the subject chart, indexed by <see cref="AverageStanding"/>.</summary>
    public static readonly IReadOnlyList<string> StandingLegend = ["区间高于平均", "与平均无显著差异", "区间低于平均"];

    /// <summary>More subjects than this and the chart shows the best and worst halves; the table shows all, a page at a time.</summary>
    public const int ChartLimit = 60;

    /// <summary>Rows of the subject table per page: a thousand rows are more than anyone reads on one screen and most of a large page's weight.</summary>
    public const int PageSize = 100;

    public CampaignOverview(ResultInput input, CampaignResult result)
    {
        Result = result;
        Responses = [.. result.Groups.Select(g => new GroupResponse(g,
            input.Cells.Where(c => c.RaterGroupId == g.Id).Select(c => c.Ballots).DefaultIfEmpty(0).Max()))];
        var ranks = result.Ranking.ToDictionary(r => r.SubjectId);
        var average = result.Summary.Average;
        Subjects = [.. result.Subjects
            .Select(s => new SubjectRow(s, ranks.GetValueOrDefault(s.Subject.Id), StandingOf(s.Overall.Rate, average)))
            .OrderBy(r => r.Rank?.Position ?? int.MaxValue)
            .ThenBy(r => r.Result.Subject.Name, StringComparer.Ordinal)];
        TrustedGroups = [.. result.GroupColumns.Where(c => !c.Group.IsLowerTrust)];
        LowerTrustGroups = [.. result.GroupColumns.Where(c => c.Group.IsLowerTrust)];
    }

    public CampaignResult Result { get; }

    public int K => Result.K;

    public IReadOnlyList<GroupResponse> Responses { get; }

    public IReadOnlyList<SubjectRow> Subjects { get; }

    public IReadOnlyList<GroupSummary> TrustedGroups { get; }

    public int PageCount => Math.Max(1, (Subjects.Count + PageSize - 1) / PageSize);

    /// <summary>The subject rows of one page (1-based, clamped to the pages there are), in ranking order.</summary>
    public IReadOnlyList<SubjectRow> PageOf(int page) =>
        [.. Subjects.Skip((Math.Clamp(page, 1, PageCount) - 1) * PageSize).Take(PageSize)];

    public IReadOnlyList<GroupSummary> LowerTrustGroups { get; }

    /// <summary>"最高满意率98.0%（甲医院），最低满意率93.0%（乙卫生院），平均满意率95.5%（按全部测评票合计94.7%）".</summary>
    public static string SummaryLine(Summary summary, int k)
    {
        if (summary.Highest is not { } highest || summary.Lowest is not { } lowest)
        {
            return $"暂无可显示的满意率（按全部测评票合计{ResultDisplay.Rate(summary.Pooled, k)}）。";
        }
        return $"最高满意率{highest.Rate}（{highest.Name}），最低满意率{lowest.Rate}（{lowest.Name}），"
            + $"平均满意率{RateFormat.Percent(summary.Average)}（按全部测评票合计{ResultDisplay.Rate(summary.Pooled, k)}）";
    }

    public ChartSvg QuotaChart() =>
        new QuotaChart("results-quota", "各类评议人参评情况（已评议人数与名额）",
            [.. Responses.Select(r => new QuotaBar(r.Group.Name, r.Raters, r.Group.PlannedCount))]).Render();

    public ChartSvg SubjectChart()
    {
        var rows = Subjects.Count <= ChartLimit
            ? Subjects
            : [.. Subjects.Take(ChartLimit / 2), .. Subjects.Skip(Subjects.Count - (ChartLimit / 2))];
        var average = Result.Summary.Average;
        return new RateBarChart("results-subjects", "各评议对象满意率及95%区间",
            [.. rows.Select(r => new RateBar(r.Result.Subject.Name, ResultDisplay.Chart(r.Result.Overall, K), Math.Max(0, (int)r.Standing)))])
        {
            Reference = average is { } a ? new ReferenceLine(a * 100, $"平均满意率{RateFormat.Percent(a)}") : null,
            Legend = StandingLegend,
        }.Render();
    }

    private static AverageStanding StandingOf(Rate? rate, double? average)
    {
        if (rate?.Interval is not { } interval || average is not { } a)
        {
            return AverageStanding.NotRated;
        }
        return interval.Low > a ? AverageStanding.Above : interval.High < a ? AverageStanding.Below : AverageStanding.Within;
    }
}
