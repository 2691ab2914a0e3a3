using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Reports;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Loop.Oversight;
using Pingyi.Web.Features.Meetings;
using Pingyi.Web.Features.Results;

namespace Pingyi.Web.Features.Reports;

/// <summary>
/// Loads the figures of a report from the same queries the pages use, run in the report's subtree
/// (<see cref="SubtreeScope"/>): meeting counts (<see cref="MeetingCountsQuery"/>), results with their
/// suppression (<see cref="ResultsQuery"/>), loop figures (<see cref="LoopFiguresQuery"/>), grades,
/// flags, correction plans and model records. A year report adds the campaigns of the year up.
/// </summary>
public sealed class SummaryQuery(IServiceProvider services, AppDbContext db)
{
    private sealed record CampaignPart(CampaignRef Campaign, MeetingCounts Counts, CampaignResult Result, IReadOnlySet<int> Visible);

    public async Task<SummaryFigures> LoadAsync(ReportTarget target, CancellationToken ct = default)
    {
        var results = ActivatorUtilities.CreateInstance<ResultsQuery>(services, target.Scope);
        var counts = ActivatorUtilities.CreateInstance<MeetingCountsQuery>(services, target.Scope,
            ActivatorUtilities.CreateInstance<MeetingCommands>(services, target.Scope));
        var parts = new List<CampaignPart>();
        foreach (var campaign in target.Campaigns)
        {
            // Both answer for any campaign reaching the subtree, which is how the target chose them.
            var meeting = await counts.FindAsync(campaign.Id, ct) ?? throw new InvalidOperationException($"campaign {campaign.Id} left the scope");
            var scoped = await results.FindAsync(campaign.Id, ct) ?? throw new InvalidOperationException($"campaign {campaign.Id} left the scope");
            parts.Add(new CampaignPart(new CampaignRef(campaign.Id, campaign.Name, campaign.Year), meeting.Total, results.ResultOf(scoped), scoped.VisibleSubjectIds));
        }
        var ids = target.Campaigns.Select(c => c.Id).ToList();
        var orgIds = (await target.Scope.OrganizationsAsync()).Select(o => o.Id);
        var loop = await ActivatorUtilities.CreateInstance<LoopFiguresQuery>(services, target.Scope)
            .LoadAsync(target.Root?.Id, target.Info.CampaignId, target.Info.IsYear ? target.Info.Year : null)
            ?? throw new InvalidOperationException("the report's subtree left the scope");

        return new SummaryFigures(
            target.Info,
            target.Name,
            parts.Select(p => p.Campaign).ToList(),
            MeetingFigureTotals.Of(parts.Select(p => p.Counts)),
            BallotsByGroup(parts),
            Domain.Reports.Satisfaction.Of(parts.Sum(p => p.Result.Subjects.Count),
                parts.SelectMany(p => p.Result.Subjects).Where(s => s.Overall.Rate is not null)
                    .Select(s => new SubjectRate(s.Subject.Id, s.Subject.Name, s.Overall.Rate!.Value)).ToList(),
                parts.Select(p => p.Result.Summary.Pooled.Rate).OfType<Rate>()),
            parts.SelectMany(p => Units(p, target.Info.IsYear)).ToList(),
            await GradesAsync(parts, ct),
            await CategoriesAsync(target, orgIds, ct),
            loop.Total,
            await FlagsAsync(ids, orgIds, OrganizationFlagKind.Weak, ct),
            await CorrectionPlansAsync(target, orgIds, ct),
            await FlagsAsync(ids, orgIds, OrganizationFlagKind.Model, ct),
            await ModelRecordsAsync(target, orgIds, ct));
    }

    /// <summary>Each group's ballots as its results column shows them, added up by group name over the year's campaigns.</summary>
    private static List<GroupBallots> BallotsByGroup(List<CampaignPart> parts) =>
        parts.SelectMany(p => p.Result.GroupColumns.Select(g => new GroupBallots(
                g.Group.IsLowerTrust ? $"{g.Group.Name}（{CampaignResult.LowerTrustLabel}）" : g.Group.Name,
                g.Summary.Pooled.IsShown ? g.Summary.Pooled.Figures!.Ballots : null,
                SuppressionLabels.Of(g.Summary.Pooled.Reason, p.Result.K))))
            .GroupBy(g => g.Group)
            .Select(g => g.Any(x => x.Ballots is not null)
                ? new GroupBallots(g.Key, g.Sum(x => x.Ballots ?? 0))
                : new GroupBallots(g.Key, null, g.First().Hidden))
            .ToList();

    private static IEnumerable<UnitRow> Units(CampaignPart part, bool named)
    {
        var ranks = part.Result.Ranking.ToDictionary(r => r.SubjectId, r => r.Label);
        return part.Result.Subjects.Select(s => new UnitRow(
            named ? part.Campaign.Name : "",
            s.Subject.Name,
            s.Overall.Rate,
            ResultDisplay.Rate(s.Overall, part.Result.K),
            ResultDisplay.Interval(s.Overall),
            s.Overall.IsShown ? ResultDisplay.Ballots(s.Overall) : SuppressionLabels.Of(s.Overall.Reason, part.Result.K),
            ranks.TryGetValue(s.Subject.Id, out var label) ? label : RateFormat.None));
    }

    private async Task<IReadOnlyDictionary<MemberGrade, int>> GradesAsync(List<CampaignPart> parts, CancellationToken ct)
    {
        var totals = Enum.GetValues<MemberGrade>().ToDictionary(g => g, _ => 0);
        foreach (var part in parts)
        {
            var visible = part.Visible.ToList();
            var grades = await db.MemberGradeDecisions.AsNoTracking()
                .Where(d => d.CampaignId == part.Campaign.Id && visible.Contains(d.SubjectId))
                .GroupBy(d => d.FinalGrade).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var g in grades)
            {
                totals[g.Key] += g.Count;
            }
        }
        return totals;
    }

    /// <summary>Opinions about organisations of the subtree, by category, filtered as the loop figures filter them.</summary>
    private async Task<List<CategoryCount>> CategoriesAsync(ReportTarget target, IQueryable<int> orgIds, CancellationToken ct)
    {
        var opinions = db.Opinions.AsNoTracking().Where(o => orgIds.Contains(o.OrganizationId));
        if (target.Info.CampaignId is { } campaign)
        {
            opinions = opinions.Where(o => o.CampaignId == campaign);
        }
        else
        {
            var (from, to) = YearOf(target);
            opinions = opinions.Where(o => o.ReceivedOn >= from && o.ReceivedOn < to);
        }
        var counts = await opinions.GroupBy(o => o.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var categories = await db.OpinionCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        // Every category in use, and a retired one only while opinions still carry it.
        var rows = categories.Select(c => (c.IsActive, Row: new CategoryCount(c.Name, counts.FirstOrDefault(x => x.Key == c.Id)?.Count ?? 0)))
            .Where(c => c.IsActive || c.Row.Count > 0).Select(c => c.Row).ToList();
        if (counts.FirstOrDefault(x => x.Key is null) is { } uncategorised)
        {
            rows.Add(new CategoryCount("未分类", uncategorised.Count));
        }
        return rows;
    }

    private async Task<List<FlaggedOrganization>> FlagsAsync(List<int> campaignIds, IQueryable<int> orgIds, OrganizationFlagKind kind, CancellationToken ct) =>
        await (from f in db.OrganizationFlags.AsNoTracking()
               where campaignIds.Contains(f.CampaignId) && orgIds.Contains(f.OrganizationId)
                     && f.Kind == kind && f.State == OrganizationFlagState.Confirmed
               join o in db.Organizations on f.OrganizationId equals o.Id
               join c in db.Campaigns on f.CampaignId equals c.Id
               orderby o.Path, f.Id
               select new FlaggedOrganization(o.Name, c.Name, f.Evidence)).ToListAsync(ct);

    private async Task<int> CorrectionPlansAsync(ReportTarget target, IQueryable<int> orgIds, CancellationToken ct)
    {
        var plans = db.CorrectionPlans.AsNoTracking().Where(p => orgIds.Contains(p.OrganizationId));
        if (target.Info.CampaignId is { } campaign)
        {
            return await plans.CountAsync(p => p.CampaignId == campaign, ct);
        }
        var (from, to) = YearOf(target);
        return await plans.CountAsync(p => p.SetOn >= from && p.SetOn < to, ct);
    }

    private async Task<int> ModelRecordsAsync(ReportTarget target, IQueryable<int> orgIds, CancellationToken ct)
    {
        var records = db.ModelRecords.AsNoTracking().Where(r => orgIds.Contains(r.OrganizationId));
        if (target.Info.CampaignId is { } campaign)
        {
            return await records.CountAsync(r => r.CampaignId == campaign, ct);
        }
        var (from, to) = YearOf(target);
        return await records.CountAsync(r => r.RecordedOn >= from && r.RecordedOn < to, ct);
    }

    private static (DateOnly From, DateOnly To) YearOf(ReportTarget target) =>
        (new DateOnly(target.Info.Year, 1, 1), new DateOnly(target.Info.Year + 1, 1, 1));
}
