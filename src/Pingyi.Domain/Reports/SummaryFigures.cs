using Pingyi.Domain.Loop;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Results;

namespace Pingyi.Domain.Reports;

/// <summary>
/// Every figure of a summary report (工作总结), already scoped to the report's subtree and already
/// suppressed as the results pages suppress it: the narrative, the tables and the charts are all
/// made from this and nothing else.
/// </summary>
/// <param name="OrganizationName">The subtree root's name (全部组织 for the whole tree).</param>
/// <param name="Campaigns">The campaigns covered: one for a campaign report, every campaign of the year for a year report.</param>
public sealed record SummaryFigures(
    ReportScopeInfo Scope,
    string OrganizationName,
    IReadOnlyList<CampaignRef> Campaigns,
    MeetingFigureTotals Meetings,
    IReadOnlyList<GroupBallots> BallotsByGroup,
    Satisfaction Satisfaction,
    IReadOnlyList<UnitRow> Units,
    IReadOnlyDictionary<MemberGrade, int> Grades,
    IReadOnlyList<CategoryCount> OpinionsByCategory,
    LoopFigureSet Loop,
    IReadOnlyList<FlaggedOrganization> Weak,
    int CorrectionPlans,
    IReadOnlyList<FlaggedOrganization> Models,
    int ModelRecords);

/// <summary>What a report covers: a subtree (null: the whole tree) with a campaign or a year.</summary>
public sealed record ReportScopeInfo(int? OrganizationId, int? CampaignId, int Year)
{
    /// <summary>
    /// The key the report's narratives are kept under: "o5/c12" (organisation 5, campaign 12),
    /// "o5/y2026" (organisation 5, the year 2026), "all/…" for the whole tree.
    /// </summary>
    public string Key => (OrganizationId is { } o ? $"o{o}" : "all") + (CampaignId is { } c ? $"/c{c}" : $"/y{Year}");

    public bool IsYear => CampaignId is null;
}

public sealed record CampaignRef(int Id, string Name, int Year);

/// <summary>The meeting counts (评议统计) added up over the campaigns; see <see cref="MeetingCounts"/>.</summary>
public sealed record MeetingFigureTotals(
    IReadOnlyDictionary<MeetingKind, int> ByKind, int Meetings, int Issued, int Returned, int Valid, int Participants)
{
    public static readonly MeetingFigureTotals Empty = Of([]);

    public int Count(MeetingKind kind) => ByKind.TryGetValue(kind, out var n) ? n : 0;

    public static MeetingFigureTotals Of(IEnumerable<MeetingCounts> counts)
    {
        var list = counts.ToList();
        var byKind = Enum.GetValues<MeetingKind>().ToDictionary(k => k, k => list.Sum(c => c.MeetingsByKind.TryGetValue(k, out var n) ? n : 0));
        return new MeetingFigureTotals(byKind, list.Sum(c => c.Meetings), list.Sum(c => c.Issued), list.Sum(c => c.Returned),
            list.Sum(c => c.Valid), list.Sum(c => c.Participants));
    }
}

/// <summary>
/// The ballots of one rater group as the results pages show them (the pooled ballots of the
/// group's column; null when the column is hidden, shown as its reason).
/// </summary>
public sealed record GroupBallots(string Group, long? Ballots, string Hidden = "");

/// <summary>A subject's line of the per-unit table; hidden figures carry their reason as text.</summary>
public sealed record UnitRow(string Campaign, string Subject, Rate? Rate, string RateText, string IntervalText, string BallotsText, string Rank);

public sealed record CategoryCount(string Category, int Count);

/// <summary>A confirmed 软弱涣散 or 先进典型 flag.</summary>
public sealed record FlaggedOrganization(string Organization, string Campaign, string Evidence);
