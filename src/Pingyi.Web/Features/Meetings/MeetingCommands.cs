using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Organizations;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Meetings;

/// <summary>A meeting as the pages and the API send it; invitees by organisation and member id.</summary>
public sealed record MeetingInput(int CampaignId, int HostOrganizationId, MeetingDetails Details,
    IReadOnlyCollection<int> InvitedOrganizationIds, IReadOnlyCollection<int> InvitedMemberIds);

/// <summary>
/// Registering, changing and deleting meetings, shared by the pages and the API. Everything is
/// looked up through <see cref="OrgScope"/> first (a meeting, campaign or host outside the subtree is
/// NotFound and audited), checked with <see cref="MeetingRules"/>, then stored with its audit row in
/// one transaction, or nothing is stored.
/// </summary>
public sealed class MeetingCommands(AppDbContext db, OrgScope scope, AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    public const int MaxInvitees = 1_000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Meetings can be registered for a campaign being prepared or running.</summary>
    public static bool AcceptsNewMeetings(CampaignState state) => state is CampaignState.Draft or CampaignState.Open;

    /// <summary>After publication the figures are public and stay as published.</summary>
    public static bool AcceptsChanges(CampaignState state) => state is CampaignState.Draft or CampaignState.Open or CampaignState.Closed;

    /// <summary>A campaign the subtree takes part in (see <see cref="OrgScope.CampaignsReachingAsync"/>); otherwise null, audited.</summary>
    public async Task<Campaign?> FindCampaignAsync(int id)
    {
        var campaign = await (await scope.CampaignsReachingAsync()).Include(c => c.Organization).FirstOrDefaultAsync(c => c.Id == id);
        if (campaign is null)
        {
            await scope.DenyAsync("Campaign", id);
        }
        return campaign;
    }

    public async Task<CommandResult> CreateAsync(MeetingInput input)
    {
        var campaign = await FindCampaignAsync(input.CampaignId);
        if (campaign is null)
        {
            return CommandResult.Missing;
        }
        var host = await scope.FindOrganizationAsync(input.HostOrganizationId);
        if (host is null)
        {
            return CommandResult.Missing;
        }
        if (!AcceptsNewMeetings(campaign.State))
        {
            return CommandResult.Fail($"评议活动{CampaignLabels.Of(campaign.State)}，不能再登记评议会。");
        }
        var errors = await CheckAsync(campaign, host, input);
        var (organizations, members) = await InviteesAsync(input, errors);
        if (errors.Count > 0)
        {
            return CommandResult.Fail(string.Join(" ", errors));
        }
        await using var tx = await db.Database.BeginTransactionAsync();
        var meeting = new Meeting
        {
            CampaignId = campaign.Id,
            CreatedBy = Truncate(http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "", 256),
            CreatedUtc = Now,
        };
        Apply(meeting, host, input, organizations, members);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        audit.Add(AuditActions.MeetingCreate, AuditOutcome.Success, "Meeting", Id(meeting.Id), $"{campaign.Name}：{Summary(meeting, host)}");
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(meeting.Id);
    }

    public async Task<CommandResult> UpdateAsync(int id, MeetingInput input)
    {
        var meeting = await scope.FindMeetingAsync(id);
        if (meeting is null)
        {
            return CommandResult.Missing;
        }
        await db.Entry(meeting).Collection(m => m.Invitees).LoadAsync();
        var host = await scope.FindOrganizationAsync(input.HostOrganizationId);
        if (host is null)
        {
            return CommandResult.Missing;
        }
        var campaign = await db.Campaigns.Include(c => c.Organization).FirstAsync(c => c.Id == meeting.CampaignId);
        if (input.CampaignId != 0 && input.CampaignId != campaign.Id)
        {
            return CommandResult.Fail("评议会登记后不能改到另一个评议活动；请删除后在那个活动中重新登记。");
        }
        if (!AcceptsChanges(campaign.State))
        {
            return CommandResult.Fail($"评议活动{CampaignLabels.Of(campaign.State)}，评议会不能再修改。");
        }
        var errors = await CheckAsync(campaign, host, input);
        if (errors.Count == 0)
        {
            errors.AddRange(MeetingRules.CheckAgainstPaper(meeting, input.Details, await MeetingTallies.PaperAsync(db, meeting.Id, default)));
        }
        var (organizations, members) = await InviteesAsync(input, errors);
        if (errors.Count > 0)
        {
            return CommandResult.Fail(string.Join(" ", errors));
        }
        var oldHost = await db.Organizations.Where(o => o.Id == meeting.HostOrganizationId).Select(o => o.Name).FirstAsync();
        var before = Summary(meeting, oldHost);
        Apply(meeting, host, input, organizations, members);
        audit.Add(AuditActions.MeetingUpdate, AuditOutcome.Success, "Meeting", Id(meeting.Id), $"{campaign.Name}：{before} → {Summary(meeting, host)}");
        await db.SaveChangesAsync();
        return CommandResult.Ok(meeting.Id);
    }

    /// <summary>
    /// Deletes a meeting none of whose paper was typed. Codes printed on its slips are voided in the
    /// same transaction, so a form carried home cannot still be answered for a meeting that is gone.
    /// </summary>
    public async Task<CommandResult> DeleteAsync(int id)
    {
        var meeting = await scope.FindMeetingAsync(id);
        if (meeting is null)
        {
            return CommandResult.Missing;
        }
        var campaign = await db.Campaigns.FirstAsync(c => c.Id == meeting.CampaignId);
        if (!AcceptsChanges(campaign.State))
        {
            return CommandResult.Fail($"评议活动{CampaignLabels.Of(campaign.State)}，评议会不能再删除。");
        }
        if (MeetingRules.CheckDelete(await MeetingTallies.PaperAsync(db, meeting.Id, default)) is { } error)
        {
            return CommandResult.Fail(error);
        }
        var host = await db.Organizations.Where(o => o.Id == meeting.HostOrganizationId).Select(o => o.Name).FirstAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var tokenIds = db.PaperSlips.Where(s => s.MeetingId == meeting.Id && s.TokenId != null).Select(s => s.TokenId!.Value);
        var voided = await db.Tokens.Where(t => tokenIds.Contains(t.Id) && t.State == TokenState.Unused)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TokenState.Void));
        await db.PaperSlips.Where(s => s.MeetingId == meeting.Id).ExecuteDeleteAsync();
        db.Meetings.Remove(meeting);
        audit.Add(AuditActions.MeetingDelete, AuditOutcome.Success, "Meeting", Id(meeting.Id),
            $"{campaign.Name}：{Summary(meeting, host)}" + (voided > 0 ? $"；作废已印在测评表上的评议码{voided}个" : ""));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return CommandResult.Ok(meeting.Id);
    }

    private async Task<List<string>> CheckAsync(Campaign campaign, Organization host, MeetingInput input)
    {
        var errors = MeetingRules.Check(input.Details, campaign.StartsOn, campaign.EndsOn);
        if (!host.IsActive)
        {
            errors.Add("主办组织已停用，请选择其他组织。");
        }
        if (!OrganizationTree.IsWithin(host.Path, campaign.Organization!.Path))
        {
            errors.Add($"主办组织“{host.Name}”不在评议活动“{campaign.Name}”的范围（{campaign.Organization.Name}及其下级）内。");
        }
        if (input.Details.RaterGroupId is { } groupId)
        {
            var group = await db.RaterGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId && g.CampaignId == campaign.Id);
            if (group is null)
            {
                errors.Add("评议人类别须是本评议活动的评议人类别。");
            }
            else if (group.Kind == RaterGroupKind.StandingChannel)
            {
                errors.Add($"“{group.Name}”是平时评议二维码的类别，不能用于评议会的纸质测评表。");
            }
        }
        return errors;
    }

    /// <summary>The invited organisations and members, each required to lie in the caller's subtree.</summary>
    private async Task<(List<int> Organizations, List<int> Members)> InviteesAsync(MeetingInput input, List<string> errors)
    {
        var orgIds = input.InvitedOrganizationIds.Distinct().ToList();
        var memberIds = input.InvitedMemberIds.Distinct().ToList();
        if (orgIds.Count > MaxInvitees || memberIds.Count > MaxInvitees)
        {
            errors.Add($"邀请的组织和人员各不能超过{MaxInvitees}个。");
            return ([], []);
        }
        var orgsFound = await (await scope.OrganizationsAsync()).Where(o => orgIds.Contains(o.Id)).Select(o => o.Id).ToListAsync();
        if (orgsFound.Count != orgIds.Count)
        {
            errors.Add("邀请的组织有的不存在或不在您的管理范围内。");
        }
        var membersFound = await (await scope.MembersAsync()).Where(m => memberIds.Contains(m.Id)).Select(m => m.Id).ToListAsync();
        if (membersFound.Count != memberIds.Count)
        {
            errors.Add("邀请的人员有的不存在或不在您的管理范围内。");
        }
        return (orgsFound, membersFound);
    }

    private void Apply(Meeting meeting, Organization host, MeetingInput input, List<int> organizations, List<int> members)
    {
        var d = input.Details;
        meeting.HostOrganizationId = host.Id;
        meeting.Kind = d.Kind;
        meeting.Title = d.Title!.Trim();
        meeting.HeldOn = d.HeldOn;
        meeting.Place = d.Place!.Trim();
        meeting.RaterGroupId = d.RaterGroupId;
        meeting.Attendance = d.Attendance;
        meeting.FormsIssued = d.FormsIssued;
        meeting.FormsReturned = d.FormsReturned;
        meeting.DoubleEntry = d.DoubleEntry;
        meeting.Minutes = string.IsNullOrWhiteSpace(d.Minutes) ? null : d.Minutes.Trim();
        meeting.Invitees.RemoveAll(i => i.OrganizationId is { } o ? !organizations.Contains(o) : !members.Contains(i.MemberId!.Value));
        foreach (var o in organizations.Where(o => !meeting.Invitees.Any(i => i.OrganizationId == o)))
        {
            meeting.Invitees.Add(new MeetingInvitee { OrganizationId = o });
        }
        foreach (var m in members.Where(m => !meeting.Invitees.Any(i => i.MemberId == m)))
        {
            meeting.Invitees.Add(new MeetingInvitee { MemberId = m });
        }
    }

    private static string Summary(Meeting m, Organization host) => Summary(m, host.Name);

    private static string Summary(Meeting m, string host) =>
        $"{MeetingLabels.Of(m.Kind)}“{m.Title}”，{host}，{m.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}，" +
        $"参加{m.Attendance}人次，发放{m.FormsIssued}份，回收{m.FormsReturned}份{(m.DoubleEntry ? "，双人录入" : "")}，邀请{m.Invitees.Count}个组织或人员";

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
