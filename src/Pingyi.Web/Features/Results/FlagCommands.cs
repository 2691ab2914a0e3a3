using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Results;

/// <summary>
/// An organisation subject with something to decide or already decided: its overall 满意率 (null
/// when hidden), the proposals with their evidence, the year-on-year comparison and the decisions.
/// </summary>
public sealed record FlagRow(
    int SubjectId,
    int OrganizationId,
    string Name,
    Rate? Rate,
    IReadOnlyList<FlagProposal> Proposals,
    IReadOnlyList<YearComparison> Years,
    IReadOnlyList<OrganizationFlag> Decisions);

/// <summary>An organisation subject that may be flagged by hand.</summary>
public sealed record FlaggableOrganization(int OrganizationId, string Name);

/// <summary>软弱涣散 / 先进典型 of one campaign as the caller may see it.</summary>
public sealed record FlagSheet(
    Campaign Campaign,
    int K,
    long ExcludedBallots,
    double? Average,
    bool CanDecide,
    IReadOnlyList<FlagRow> Rows,
    IReadOnlyList<FlaggableOrganization> Organizations);

/// <summary>
/// A decision on a flag: confirm or dismiss the current proposal of <see cref="Kind"/>, or
/// (<see cref="Manual"/>) flag the organisation by hand.
/// </summary>
public sealed record FlagInput(int OrganizationId, OrganizationFlagKind Kind, OrganizationFlagState State, bool Manual, string? Reason);

/// <summary>
/// Flags (软弱涣散, 先进典型): proposals come from FlagRules over the campaign's results for the
/// organisation subjects of the caller's subtree; an administrator confirms or dismisses a
/// proposal, or flags an organisation by hand. One decision per campaign, organisation and kind:
/// deciding again replaces it. A dismissal and a flag by hand need a reason (a confirmed proposal
/// carries its evidence). Decisions only once the campaign has ended, as for grades.
/// Year on year: the same organisation's overall 满意率 in up to <see cref="PastCampaigns"/> earlier
/// campaigns (begun before this one, not drafts) that reach the caller's subtree, so only results
/// the caller may see anyway are compared.
/// </summary>
public sealed class FlagCommands(AppDbContext db, OrgScope scope, ResultsQuery results, ResultsCache cache, AuditLog audit, IHttpContextAccessor http, TimeProvider clock)
{
    public const int PastCampaigns = 10;

    public const string NotFinal = "评议活动结束后才能认定：进行中的活动票数仍在变化。";

    public async Task<FlagSheet?> FindAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        var found = await results.FindAsync(campaignId, cancellationToken);
        return found is null ? null : await SheetAsync(found, cancellationToken);
    }

    public async Task<CommandResult> DecideAsync(int campaignId, FlagInput input)
    {
        var found = await results.FindAsync(campaignId);
        if (found is null)
        {
            return CommandResult.Missing;
        }
        var organization = await scope.FindOrganizationAsync(input.OrganizationId);
        if (organization is null)
        {
            return CommandResult.Missing;
        }
        var subject = found.Input.Subjects.FirstOrDefault(s => s.OrganizationId == organization.Id && found.VisibleSubjectIds.Contains(s.Id));
        if (subject is null)
        {
            return CommandResult.Fail($"{organization.Name}不是本次评议的评议对象。");
        }
        if (!Enum.IsDefined(input.Kind) || !Enum.IsDefined(input.State) || (input.Manual && input.State != OrganizationFlagState.Confirmed))
        {
            return CommandResult.Fail("请选择认定的类别和结论。");
        }
        if (!GradeCommands.CanDecide(found.Campaign.State))
        {
            return CommandResult.Fail(NotFinal);
        }
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length > OrganizationFlag.ReasonMaxLength)
        {
            return CommandResult.Fail($"理由不能超过{OrganizationFlag.ReasonMaxLength}字。");
        }
        if (reason.Length == 0 && (input.Manual || input.State == OrganizationFlagState.Dismissed))
        {
            return CommandResult.Fail(input.Manual ? "手工标记须填写理由。" : "不予认定须填写理由。");
        }
        var label = FlagRules.Labels[(FlagKind)input.Kind];
        var result = CampaignResults.Compute(found.Input, found.VisibleSubjectIds);
        string evidence;
        if (input.Manual)
        {
            var rate = RateOf(result.Subject(subject.Id));
            evidence = "手工标记" + (rate is { } r ? $"；{RateFormat.WithInterval("满意率", r)}" : "");
        }
        else if (FlagRules.Propose(result, found.Input.Settings).FirstOrDefault(p => p.SubjectId == subject.Id && (int)p.Kind == (int)input.Kind) is { } proposal)
        {
            evidence = string.Join("；", proposal.Evidence);
        }
        else
        {
            return CommandResult.Fail($"目前没有把{organization.Name}列为{label}的建议；如需认定，请手工标记并填写理由。");
        }

        var row = await db.OrganizationFlags.FirstOrDefaultAsync(f => f.CampaignId == campaignId && f.OrganizationId == organization.Id && f.Kind == input.Kind);
        if (row is null)
        {
            row = new OrganizationFlag { CampaignId = campaignId, OrganizationId = organization.Id, Kind = input.Kind };
            db.OrganizationFlags.Add(row);
        }
        var verdict = input.State == OrganizationFlagState.Confirmed ? "认定" : "不予认定";
        audit.Add(AuditActions.OrganizationFlagDecide, AuditOutcome.Success, "Organization",
            organization.Id.ToString(CultureInfo.InvariantCulture),
            $"{found.Campaign.Name}：{organization.Name}{verdict}为{label}（{(input.Manual ? "手工标记" : "依评议建议")}）；依据：{evidence}"
            + (reason.Length > 0 ? $"；理由：{reason}" : ""));
        row.State = input.State;
        row.IsManual = input.Manual;
        row.Evidence = evidence.Length <= OrganizationFlag.EvidenceMaxLength ? evidence : evidence[..OrganizationFlag.EvidenceMaxLength];
        row.Reason = reason.Length > 0 ? reason : null;
        row.DecidedBy = http.UserName();
        row.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return CommandResult.Ok(row.Id);
    }

    private static Rate? RateOf(SubjectResult? subject) =>
        subject is { Overall.IsShown: true } s && s.Overall.Figures!.Rate.N > 0 ? s.Overall.Figures.Rate : null;

    private async Task<FlagSheet> SheetAsync(ScopedResults found, CancellationToken cancellationToken)
    {
        var campaign = found.Campaign;
        var result = CampaignResults.Compute(found.Input, found.VisibleSubjectIds);
        var proposals = FlagRules.Propose(result, found.Input.Settings).ToLookup(p => p.SubjectId);
        var organizations = result.Subjects.Where(s => s.Subject.OrganizationId is not null).ToList();
        var orgIds = organizations.Select(s => s.Subject.OrganizationId!.Value).ToList();
        var decisions = (await db.OrganizationFlags.AsNoTracking()
                .Where(f => f.CampaignId == campaign.Id && orgIds.Contains(f.OrganizationId))
                .OrderBy(f => f.Kind).ToListAsync(cancellationToken))
            .ToLookup(f => f.OrganizationId);
        var listed = organizations.Where(s => proposals.Contains(s.Subject.Id) || decisions.Contains(s.Subject.OrganizationId!.Value)).ToList();
        var past = await PastRatesAsync(campaign, [.. listed.Select(s => s.Subject.OrganizationId!.Value)], cancellationToken);
        var rows = listed.Select(s =>
        {
            var orgId = s.Subject.OrganizationId!.Value;
            var rate = RateOf(s);
            var years = rate is { } r && past.TryGetValue(orgId, out var p) ? FlagRules.CompareYears(r, p) : [];
            return new FlagRow(s.Subject.Id, orgId, s.Subject.Name, rate, [.. proposals[s.Subject.Id]], years, [.. decisions[orgId]]);
        }).ToList();
        return new FlagSheet(campaign, result.K, result.ExcludedBallots, result.Summary.Average, GradeCommands.CanDecide(campaign.State),
            rows, [.. organizations.Select(s => new FlaggableOrganization(s.Subject.OrganizationId!.Value, s.Subject.Name))]);
    }

    /// <summary>Each organisation's shown overall 满意率 in earlier campaigns the caller may see.</summary>
    private async Task<Dictionary<int, List<PastRate>>> PastRatesAsync(Campaign campaign, List<int> orgIds, CancellationToken cancellationToken)
    {
        var rates = new Dictionary<int, List<PastRate>>();
        if (orgIds.Count == 0)
        {
            return rates;
        }
        var earlier = await (await scope.CampaignsReachingAsync()).AsNoTracking()
            .Where(c => c.Id != campaign.Id && c.State != CampaignState.Draft && c.StartsOn < campaign.StartsOn
                && c.Subjects.Any(s => s.OrganizationId != null && orgIds.Contains(s.OrganizationId.Value)))
            .OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Take(PastCampaigns)
            .ToListAsync(cancellationToken);
        foreach (var c in earlier)
        {
            var input = await cache.GetAsync(db, c, cancellationToken);
            var subjects = input.Subjects.Where(s => s.OrganizationId is { } o && orgIds.Contains(o)).Select(s => s.Id).ToList();
            foreach (var s in CampaignResults.Compute(input, subjects).Subjects)
            {
                if (RateOf(s) is { } rate)
                {
                    if (!rates.TryGetValue(s.Subject.OrganizationId!.Value, out var list))
                    {
                        rates[s.Subject.OrganizationId.Value] = list = [];
                    }
                    list.Add(new PastRate(c.Name, c.Year, rate));
                }
            }
        }
        return rates;
    }
}
