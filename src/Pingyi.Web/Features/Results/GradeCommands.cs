using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Results;

/// <summary>One member appraised: what the vote proposes and what the branch recorded, if anything.</summary>
public sealed record GradeRow(GradeProposal Proposal, MemberGradeDecision? Decision);

/// <summary>The members appraised in one branch (their own organisation), with the 优秀 cap over them.</summary>
public sealed record BranchGrades(int BranchId, string BranchName, IReadOnlyList<GradeRow> Members)
{
    public int ExcellentCap => MemberGrades.ExcellentCap(Members.Count);
}

/// <summary>民主评议党员 of one campaign as the caller may see it: member subjects of their subtree, by branch.</summary>
public sealed record GradeSheet(Campaign Campaign, int K, long ExcludedBallots, bool CanDecide, IReadOnlyList<BranchGrades> Branches);

/// <summary>A branch's final grade for one member subject; <see cref="Final"/> null when none was chosen.</summary>
public sealed record GradeEntry(int SubjectId, MemberGrade? Final, string? Reason);

/// <summary>
/// 民主评议党员: the vote proposes (MemberGrades.Propose over the campaign's results), the branch
/// decides. A branch here is the organisation a member belongs to (normally a 党支部): it grades
/// its own members, all at once, and the one-third cap on 优秀 applies per branch over the members
/// of that branch appraised in the campaign (those without enough ballots included: they are
/// appraised, the vote just proposes nothing for them). The rules are MemberGrades.CheckDecisions;
/// a refused set stores nothing. Only for campaigns that have ended (已结束 or later): while a
/// campaign is open its figures still move. Campaigns are those reaching the caller's subtree, and
/// a branch or member outside it answers as not found (audited).
/// </summary>
public sealed class GradeCommands(AppDbContext db, OrgScope scope, ResultsQuery results, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public const string NotFinal = "评议活动结束后才能评定等次：进行中的活动票数仍在变化。";

    public static bool CanDecide(CampaignState state) => state is CampaignState.Closed or CampaignState.Published or CampaignState.Archived;

    public async Task<GradeSheet?> FindAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        var found = await results.FindAsync(campaignId, cancellationToken);
        return found is null ? null : await SheetAsync(found, cancellationToken);
    }

    /// <summary>Records the final grades of every member of one branch appraised in the campaign, or nothing.</summary>
    public async Task<CommandResult> DecideAsync(int campaignId, int branchId, IReadOnlyList<GradeEntry> entries)
    {
        var found = await results.FindAsync(campaignId);
        if (found is null)
        {
            return CommandResult.Missing;
        }
        var branch = await scope.FindOrganizationAsync(branchId);
        if (branch is null)
        {
            return CommandResult.Missing;
        }
        var sheet = await SheetAsync(found, CancellationToken.None);
        foreach (var stranger in entries.Select(e => e.SubjectId).Where(id => !found.VisibleSubjectIds.Contains(id)).Distinct())
        {
            await scope.DenyAsync("CampaignSubject", stranger);
            return CommandResult.Missing;
        }
        var members = sheet.Branches.FirstOrDefault(b => b.BranchId == branchId)?.Members;
        if (members is null)
        {
            return CommandResult.Fail($"{branch.Name}没有党员参加本次评议。");
        }
        if (!sheet.CanDecide)
        {
            return CommandResult.Fail(NotFinal);
        }
        var own = members.Select(m => m.Proposal.SubjectId).ToHashSet();
        if (entries.FirstOrDefault(e => !own.Contains(e.SubjectId)) is { } other)
        {
            var name = found.Input.Subjects.First(s => s.Id == other.SubjectId).Name;
            return CommandResult.Fail($"{name}不是{branch.Name}的参评党员，请分别在其所在支部评定。");
        }
        if (entries.GroupBy(e => e.SubjectId).Any(g => g.Count() > 1))
        {
            return CommandResult.Fail("同一名党员只能评定一次。");
        }
        var byId = entries.ToDictionary(e => e.SubjectId);
        var decisions = members.Select(m =>
        {
            var entry = byId.GetValueOrDefault(m.Proposal.SubjectId);
            return new GradeDecision(m.Proposal.SubjectId, m.Proposal.Name, m.Proposal.Proposed, entry?.Final ?? 0, entry?.Reason);
        }).ToList();
        var errors = MemberGrades.CheckDecisions(decisions);
        if (errors.Count > 0)
        {
            return CommandResult.Fail(string.Join(" ", errors));
        }

        var ids = own.ToList();
        var existing = await db.MemberGradeDecisions.Where(d => d.CampaignId == campaignId && ids.Contains(d.SubjectId))
            .ToDictionaryAsync(d => d.SubjectId);
        var now = clock.GetUtcNow().UtcDateTime;
        var by = http.UserName();
        audit.Add(AuditActions.MemberGradeDecide, AuditOutcome.Success, "Campaign",
            campaignId.ToString(CultureInfo.InvariantCulture), Detail(found.Campaign, branch.Name, decisions));
        foreach (var d in decisions)
        {
            if (!existing.TryGetValue(d.SubjectId, out var row))
            {
                row = new MemberGradeDecision { CampaignId = campaignId, SubjectId = d.SubjectId };
                db.MemberGradeDecisions.Add(row);
            }
            row.ProposedGrade = d.Proposed;
            row.FinalGrade = d.Final;
            row.Reason = string.IsNullOrWhiteSpace(d.Reason) ? null : d.Reason.Trim();
            row.DecidedBy = by;
            row.DecidedUtc = now;
        }
        await db.SaveChangesAsync();
        return CommandResult.Ok(branchId);
    }

    private static string Detail(Campaign campaign, string branch, IReadOnlyList<GradeDecision> decisions)
    {
        var counts = string.Join("、", MemberGrades.Labels.Select(l => $"{l.Value}{decisions.Count(d => d.Final == l.Key)}名"));
        var departures = decisions.Where(d => d.Proposed is { } p && p != d.Final)
            .Select(d => $"{d.Name}（建议{MemberGrades.LabelOf(d.Proposed!.Value)}，评定{MemberGrades.LabelOf(d.Final)}）").ToList();
        var list = string.Join("、", decisions.Select(d => $"{d.Name}{MemberGrades.LabelOf(d.Final)}"));
        return $"{campaign.Name}，{branch}：参评{decisions.Count}名，{counts}。"
            + (departures.Count > 0 ? $"与建议不同：{string.Join("、", departures)}。" : "")
            + $"名单：{list}";
    }

    private async Task<GradeSheet> SheetAsync(ScopedResults found, CancellationToken cancellationToken)
    {
        var result = CampaignResults.Compute(found.Input, found.VisibleSubjectIds);
        var proposals = MemberGrades.Propose(result, found.Input.Settings);
        var subjectIds = proposals.Select(p => p.SubjectId).ToList();
        var decisions = await db.MemberGradeDecisions.AsNoTracking()
            .Where(d => d.CampaignId == found.Campaign.Id && subjectIds.Contains(d.SubjectId))
            .ToDictionaryAsync(d => d.SubjectId, cancellationToken);
        var branchOf = found.Input.Subjects.ToDictionary(s => s.Id, s => s.ParentOrganizationId ?? 0);
        var branchIds = proposals.Select(p => branchOf[p.SubjectId]).Distinct().ToList();
        var branches = await db.Organizations.AsNoTracking().Where(o => branchIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Path }).ToListAsync(cancellationToken);
        var rows = proposals.ToLookup(p => branchOf[p.SubjectId]);
        return new GradeSheet(
            found.Campaign,
            result.K,
            result.ExcludedBallots,
            CanDecide(found.Campaign.State),
            [.. branches.OrderBy(b => b.Path, StringComparer.Ordinal).Select(b => new BranchGrades(b.Id, b.Name,
                [.. rows[b.Id].Select(p => new GradeRow(p, decisions.GetValueOrDefault(p.SubjectId)))]))]);
    }
}
