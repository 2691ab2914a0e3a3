using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Identity;

namespace Pingyi.Web.Infrastructure;

/// <summary>
/// The subtree the signed-in administrator may see and change. A system administrator's scope is
/// the whole tree; an organisation administrator's is their organisation and everything below it;
/// anyone else has none. Every page and endpoint that takes an organisation or member id goes
/// through here, and a refusal is audited.
/// </summary>
public sealed class OrgScope(AppDbContext db, IHttpContextAccessor http, AuditLog audit)
{
    private string? _path;
    private bool _resolved;

    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSystemAdmin => User.IsInRole(Roles.SystemAdmin);

    /// <summary>The scope's root organisation id, or null for the whole tree (or no scope).</summary>
    public int? RootId =>
        !IsSystemAdmin && int.TryParse(User.FindFirstValue(AppClaimsFactory.OrganizationClaim), NumberStyles.None,
            CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The path prefix of the scope: "/" for everything, null when the user manages nothing.</summary>
    public async Task<string?> PathAsync()
    {
        if (_resolved)
        {
            return _path;
        }
        _resolved = true;
        if (IsSystemAdmin)
        {
            _path = "/";
        }
        else if (User.IsInRole(Roles.OrgAdmin) && RootId is { } root)
        {
            _path = await db.Organizations.Where(o => o.Id == root && o.IsActive).Select(o => o.Path).FirstOrDefaultAsync();
        }
        return _path;
    }

    public async Task<IQueryable<Organization>> OrganizationsAsync()
    {
        var path = await PathAsync();
        return path is null ? db.Organizations.Where(_ => false) : db.Organizations.Where(o => o.Path.StartsWith(path));
    }

    public async Task<IQueryable<Member>> MembersAsync()
    {
        var path = await PathAsync();
        return path is null ? db.Members.Where(_ => false) : db.Members.Where(m => m.Organization!.Path.StartsWith(path));
    }

    public async Task<bool> ContainsAsync(Organization organization)
    {
        var path = await PathAsync();
        return path is not null && OrganizationTree.IsWithin(organization.Path, path);
    }

    /// <summary>The organisation if it exists and lies in scope; otherwise null, with the refusal audited.</summary>
    public async Task<Organization?> FindOrganizationAsync(int id)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id);
        if (org is not null && await ContainsAsync(org))
        {
            return org;
        }
        await DenyAsync("Organization", id);
        return null;
    }

    public async Task<Member?> FindMemberAsync(int id)
    {
        var member = await db.Members.Include(m => m.Organization).FirstOrDefaultAsync(m => m.Id == id);
        if (member is not null && await ContainsAsync(member.Organization!))
        {
            return member;
        }
        await DenyAsync("Member", id);
        return null;
    }

    /// <summary>
    /// Forms the administrator may use in a campaign: those owned inside the subtree and those
    /// owned by the organisations above it, so the bureau's standard forms reach every unit.
    /// </summary>
    public async Task<IQueryable<Form>> UsableFormsAsync()
    {
        var path = await PathAsync();
        if (path is null)
        {
            return db.Forms.Where(_ => false);
        }
        var above = OrganizationTree.IdsOf(path).ToList();
        return db.Forms.Where(f => f.Organization!.Path.StartsWith(path) || above.Contains(f.OrganizationId));
    }

    /// <summary>
    /// The form if the administrator may use it (<paramref name="toChange"/> false) or change it
    /// (true: only forms owned inside the subtree); otherwise null, with the refusal audited.
    /// </summary>
    public async Task<Form?> FindFormAsync(int id, bool toChange)
    {
        var form = await db.Forms.Include(f => f.Organization).FirstOrDefaultAsync(f => f.Id == id);
        var path = await PathAsync();
        if (form is not null && path is not null &&
            (OrganizationTree.IsWithin(form.Organization!.Path, path) || (!toChange && OrganizationTree.IsWithin(path, form.Organization.Path))))
        {
            return form;
        }
        await DenyAsync("Form", id);
        return null;
    }

    /// <summary>Campaigns run by an organisation inside the subtree.</summary>
    public async Task<IQueryable<Campaign>> CampaignsAsync()
    {
        var path = await PathAsync();
        return path is null ? db.Campaigns.Where(_ => false) : db.Campaigns.Where(c => c.Organization!.Path.StartsWith(path));
    }

    public async Task<Campaign?> FindCampaignAsync(int id)
    {
        var campaign = await db.Campaigns.Include(c => c.Organization).FirstOrDefaultAsync(c => c.Id == id);
        if (campaign is not null && await ContainsAsync(campaign.Organization!))
        {
            return campaign;
        }
        await DenyAsync("Campaign", id);
        return null;
    }

    /// <summary>
    /// Campaigns the subtree takes part in: run inside it, or run above it (the bureau's
    /// system-wide campaign), so a unit can hold its own meetings and standing channels for it.
    /// </summary>
    public async Task<IQueryable<Campaign>> CampaignsReachingAsync()
    {
        var path = await PathAsync();
        if (path is null)
        {
            return db.Campaigns.Where(_ => false);
        }
        var above = OrganizationTree.IdsOf(path).ToList();
        return db.Campaigns.Where(c => c.Organization!.Path.StartsWith(path) || above.Contains(c.OrganizationId));
    }

    /// <summary>Meetings hosted by an organisation inside the subtree.</summary>
    public async Task<IQueryable<Meeting>> MeetingsAsync()
    {
        var path = await PathAsync();
        if (path is null)
        {
            return db.Meetings.Where(_ => false);
        }
        var hosts = (await OrganizationsAsync()).Select(o => o.Id);
        return db.Meetings.Where(m => hosts.Contains(m.HostOrganizationId));
    }

    /// <summary>The meeting if its host lies in scope; otherwise null, with the refusal audited.</summary>
    public async Task<Meeting?> FindMeetingAsync(int id)
    {
        var meeting = await (await MeetingsAsync()).FirstOrDefaultAsync(m => m.Id == id);
        if (meeting is null)
        {
            await DenyAsync("Meeting", id);
        }
        return meeting;
    }

    /// <summary>Standing channels posted at an organisation inside the subtree.</summary>
    public async Task<IQueryable<StandingChannel>> StandingChannelsAsync()
    {
        var path = await PathAsync();
        if (path is null)
        {
            return db.StandingChannels.Where(_ => false);
        }
        var places = (await OrganizationsAsync()).Select(o => o.Id);
        return db.StandingChannels.Where(c => places.Contains(c.OrganizationId));
    }

    /// <summary>The standing channel if it is posted in scope; otherwise null, with the refusal audited.</summary>
    public async Task<StandingChannel?> FindStandingChannelAsync(int id)
    {
        var channel = await (await StandingChannelsAsync()).FirstOrDefaultAsync(c => c.Id == id);
        if (channel is null)
        {
            await DenyAsync("StandingChannel", id);
        }
        return channel;
    }

    /// <summary>Opinions about an organisation inside the subtree.</summary>
    public async Task<IQueryable<Opinion>> OpinionsAsync()
    {
        var ids = (await OrganizationsAsync()).Select(o => o.Id);
        return db.Opinions.Where(o => ids.Contains(o.OrganizationId));
    }

    /// <summary>The opinion if it concerns an organisation in scope; otherwise null, with the refusal audited.</summary>
    public async Task<Opinion?> FindOpinionAsync(Guid id)
    {
        var opinion = await (await OpinionsAsync()).FirstOrDefaultAsync(o => o.Id == id);
        if (opinion is null)
        {
            // Neither the id nor the path holding it: a ballot's or the public box's opinion is never audited by its id.
            await audit.WriteAsync(AuditActions.Denied, AuditOutcome.Denied, "Opinion", null, $"超出管理范围：{http.HttpContext?.Request.Method} 意见建议");
        }
        return opinion;
    }

    /// <summary>
    /// Problems owned in the subtree, and problems above it with a measure assigned to an
    /// organisation in it (a unit sees the bureau's problem it must rectify, and only that).
    /// </summary>
    public async Task<IQueryable<Problem>> ProblemsAsync()
    {
        var ids = (await OrganizationsAsync()).Select(o => o.Id);
        return db.Problems.Where(p => ids.Contains(p.OrganizationId) || p.Measures.Any(m => ids.Contains(m.ResponsibleOrganizationId)));
    }

    /// <summary>The problem if it is visible in scope (see <see cref="ProblemsAsync"/>); otherwise null, with the refusal audited.</summary>
    public async Task<Problem?> FindProblemAsync(int id)
    {
        var problem = await (await ProblemsAsync()).FirstOrDefaultAsync(p => p.Id == id);
        if (problem is null)
        {
            await DenyAsync("Problem", id);
        }
        return problem;
    }

    /// <summary>Measures carried out in the subtree, and measures of problems owned in it.</summary>
    public async Task<IQueryable<Measure>> MeasuresAsync()
    {
        var ids = (await OrganizationsAsync()).Select(o => o.Id);
        return db.Measures.Where(m => ids.Contains(m.ResponsibleOrganizationId)
            || db.Problems.Any(p => p.Id == m.ProblemId && ids.Contains(p.OrganizationId)));
    }

    /// <summary>The measure if it is visible in scope (see <see cref="MeasuresAsync"/>); otherwise null, with the refusal audited.</summary>
    public async Task<Measure?> FindMeasureAsync(int id)
    {
        var measure = await (await MeasuresAsync()).FirstOrDefaultAsync(m => m.Id == id);
        if (measure is null)
        {
            await DenyAsync("Measure", id);
        }
        return measure;
    }

    /// <summary>Correction plans (限期改正) of an organisation in the subtree or under its responsibility.</summary>
    public async Task<IQueryable<CorrectionPlan>> CorrectionPlansAsync()
    {
        var ids = (await OrganizationsAsync()).Select(o => o.Id);
        return db.CorrectionPlans.Where(c => ids.Contains(c.OrganizationId) || ids.Contains(c.ResponsibleOrganizationId));
    }

    /// <summary>The plan if it is visible in scope; otherwise null, with the refusal audited.</summary>
    public async Task<CorrectionPlan?> FindCorrectionPlanAsync(int id)
    {
        var plan = await (await CorrectionPlansAsync()).FirstOrDefaultAsync(c => c.Id == id);
        if (plan is null)
        {
            await DenyAsync("CorrectionPlan", id);
        }
        return plan;
    }

    /// <summary>
    /// True when the caller acts as the superior (上级组织) of <paramref name="organization"/>: it lies
    /// strictly below the scope's root. Only a superior verifies a measure (验收) or closes a correction
    /// plan; an organisation never verifies its own work. The system administrator is the superior of
    /// every organisation, the top one included, which has no other.
    /// </summary>
    public async Task<bool> IsSuperiorOfAsync(Organization organization) =>
        IsSystemAdmin || (organization.Id != RootId && await ContainsAsync(organization));

    /// <summary>True when the organisation is the scope's own root, which only its superior may move or deactivate.</summary>
    public bool IsScopeRoot(Organization organization) => !IsSystemAdmin && organization.Id == RootId;

    public Task DenyAsync(string objectType, int id) => DenyAsync(objectType, id.ToString(CultureInfo.InvariantCulture));

    public Task DenyAsync(string objectType, string id) =>
        audit.WriteAsync(AuditActions.Denied, AuditOutcome.Denied, objectType,
            id, $"超出管理范围：{http.HttpContext?.Request.Method} {http.HttpContext?.Request.Path}");
}
