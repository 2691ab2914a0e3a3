using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Ballots;

/// <summary>
/// One rater group's progress: 名额, raters (已评议), their ballots, 参评率 and its codes. Codes
/// issued counts every code generated for the group, the used and the void ones included.
/// </summary>
public sealed record GroupProgress(int Id, string Name, int PlannedCount, int Raters, int Ballots,
    decimal? ResponseRate, string ResponseRateText, bool OverPlan, int TokensIssued, int TokensUsed, int TokensVoid);

/// <summary>The ballots covering a subject from one rater group that rates it.</summary>
public sealed record SubjectGroupBallots(int RaterGroupId, int Ballots);

/// <summary>A subject and the ballots covering it, per rater group that rates it (groups that do not are absent).</summary>
public sealed record SubjectProgress(int Id, string Name, int? OrganizationId, int? MemberId, int Ballots, List<SubjectGroupBallots> Groups);

public sealed record ProgressTotals(int PlannedCount, int Raters, int Ballots, decimal? ResponseRate, string ResponseRateText, bool OverPlan,
    int TokensIssued, int TokensUsed, int TokensVoid);

/// <summary>A campaign's progress as of <see cref="AsOfUtc"/>; the same numbers on the page and in the API.</summary>
public sealed record CampaignProgress(int CampaignId, string CampaignName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CampaignState>))] CampaignState State,
    DateTime AsOfUtc, List<GroupProgress> Groups, List<SubjectProgress> Subjects, ProgressTotals Totals);

/// <summary>
/// 评议进度 of a campaign in the caller's scope, counted by the database (GROUP BY) and combined by
/// the rules in <see cref="Progress"/>. Counts of participation only: k does not hide them, and
/// no result (satisfaction) is read here.
/// </summary>
public sealed class ProgressQuery(AppDbContext db, OrgScope scope, TimeProvider clock)
{
    /// <summary>The campaign and its progress, or null (refusal audited) when it is not in scope.</summary>
    public async Task<(Campaign Campaign, CampaignProgress Progress)?> FindAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        if (await scope.FindCampaignAsync(campaignId) is not { } campaign)
        {
            return null;
        }
        var asOf = clock.GetUtcNow().UtcDateTime;
        var groups = await db.RaterGroups.AsNoTracking().Where(g => g.CampaignId == campaignId)
            .OrderBy(g => g.Position).ThenBy(g => g.Id).ToListAsync(cancellationToken);
        var coverage = await db.Assignments.Where(a => a.CampaignId == campaignId)
            .SelectMany(a => a.Subjects, (a, s) => new { AssignmentId = a.Id, a.RaterGroupId, SubjectId = s.Id })
            .ToListAsync(cancellationToken);
        // Ballots are counted per assignment from the Ballots table, never from the answers: a ballot
        // covers exactly its assignment's subjects (BallotRules refuses any other), so "ballots covering
        // a subject" is its assignments' ballot counts. Counting DISTINCT BallotId over the answers
        // would read every answer — about a hundred per patient ballot — and would drop a rater who
        // was asked about a subject but left its optional items blank, who took part all the same.
        // Per group the count comes from the (CampaignId, RaterGroupId) index alone; only a group with
        // several assignments needs the rows themselves to split its count by assignment.
        var assignments = await db.Assignments.Where(a => a.CampaignId == campaignId)
            .Select(a => new { a.Id, a.RaterGroupId }).ToListAsync(cancellationToken);
        var perGroup = await db.Ballots.Where(b => b.CampaignId == campaignId)
            .GroupBy(b => b.RaterGroupId)
            .Select(g => new { RaterGroupId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.RaterGroupId, g => g.Count, cancellationToken);
        var split = assignments.GroupBy(a => a.RaterGroupId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var perAssignment = assignments.Where(a => !split.Contains(a.RaterGroupId))
            .ToDictionary(a => a.Id, a => perGroup.GetValueOrDefault(a.RaterGroupId));
        if (split.Count > 0)
        {
            var counted = await db.Ballots.Where(b => b.CampaignId == campaignId && split.Contains(b.RaterGroupId))
                .GroupBy(b => b.AssignmentId)
                .Select(g => new { AssignmentId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.AssignmentId, g => g.Count, cancellationToken);
            foreach (var a in assignments.Where(a => split.Contains(a.RaterGroupId)))
            {
                perAssignment[a.Id] = counted.GetValueOrDefault(a.Id);
            }
        }
        var tokens = await db.Tokens.Where(t => t.CampaignId == campaignId)
            .GroupBy(t => new { t.RaterGroupId, t.State })
            .Select(g => new { g.Key.RaterGroupId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var subjects = CampaignPlan.Ordered(await db.CampaignSubjects.AsNoTracking().Where(s => s.CampaignId == campaignId)
            .Include(s => s.Organization).Include(s => s.Member).ThenInclude(m => m!.Organization)
            .ToListAsync(cancellationToken));

        int TokenCount(int groupId, TokenState? state) =>
            tokens.Where(t => t.RaterGroupId == groupId && (state is null || t.State == state)).Sum(t => t.Count);

        var groupRows = groups.Select(g =>
        {
            var raters = Progress.Raters(assignments.Where(a => a.RaterGroupId == g.Id).Select(a => perAssignment[a.Id]));
            var rate = Progress.RatePercent(raters, g.PlannedCount);
            return new GroupProgress(g.Id, CampaignRules.GroupName(g.Kind, g.Name), g.PlannedCount, raters,
                perGroup.GetValueOrDefault(g.Id),
                rate, Progress.FormatRate(rate), Progress.IsOverPlan(raters, g.PlannedCount),
                TokenCount(g.Id, null), TokenCount(g.Id, TokenState.Used), TokenCount(g.Id, TokenState.Void));
        }).ToList();

        var perSubject = Progress.BallotsPerSubject(
            coverage.Select(c => new Progress.Coverage(c.AssignmentId, c.RaterGroupId, c.SubjectId)), perAssignment);
        var subjectRows = subjects.Select(s =>
        {
            var cells = groups.Where(g => perSubject.ContainsKey((s.Id, g.Id)))
                .Select(g => new SubjectGroupBallots(g.Id, perSubject[(s.Id, g.Id)])).ToList();
            return new SubjectProgress(s.Id, CampaignRules.SubjectName(s), s.OrganizationId, s.MemberId, cells.Sum(c => c.Ballots), cells);
        }).ToList();

        var planned = groupRows.Sum(g => g.PlannedCount);
        var allRaters = groupRows.Sum(g => g.Raters);
        var totalRate = Progress.RatePercent(allRaters, planned);
        var totals = new ProgressTotals(planned, allRaters, groupRows.Sum(g => g.Ballots), totalRate, Progress.FormatRate(totalRate),
            Progress.IsOverPlan(allRaters, planned), groupRows.Sum(g => g.TokensIssued), groupRows.Sum(g => g.TokensUsed), groupRows.Sum(g => g.TokensVoid));
        return (campaign, new CampaignProgress(campaign.Id, campaign.Name, campaign.State, asOf, groupRows, subjectRows, totals));
    }
}
