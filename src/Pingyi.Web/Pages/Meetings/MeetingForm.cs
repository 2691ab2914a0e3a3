using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;
using Pingyi.Web.Features.Meetings;
using Pingyi.Web.Infrastructure;
using Pingyi.Web.Pages.Campaigns;

namespace Pingyi.Web.Pages.Meetings;

/// <summary>The fields of the create and edit pages. The date is text so a malformed one gets its own message.</summary>
public sealed class MeetingForm
{
    public MeetingKind Kind { get; set; } = MeetingKind.AppraisalMeeting;

    public string? Title { get; set; }

    public string? HeldOn { get; set; }

    public string? Place { get; set; }

    public int HostOrganizationId { get; set; }

    /// <summary>0 for none.</summary>
    public int RaterGroupId { get; set; }

    public int Attendance { get; set; }

    public int FormsIssued { get; set; }

    public int FormsReturned { get; set; }

    public bool DoubleEntry { get; set; }

    public string? Minutes { get; set; }

    public List<int> InvitedOrganizationIds { get; set; } = [];

    public List<int> InvitedMemberIds { get; set; } = [];

    /// <summary>The command's input, or null with the reason the date cannot be read.</summary>
    public MeetingInput? ToInput(int campaignId, List<string> errors)
    {
        if (CampaignText.ParseDate(HeldOn, "召开日期", out var heldOn) is { } error)
        {
            errors.Add(error);
            return null;
        }
        return new MeetingInput(campaignId, HostOrganizationId,
            new MeetingDetails(Kind, Title, heldOn, Place, RaterGroupId == 0 ? null : RaterGroupId, Attendance, FormsIssued, FormsReturned, DoubleEntry, Minutes),
            InvitedOrganizationIds, InvitedMemberIds);
    }

    public static MeetingForm From(Meeting m) => new()
    {
        Kind = m.Kind,
        Title = m.Title,
        HeldOn = CampaignText.Format(m.HeldOn),
        Place = m.Place,
        HostOrganizationId = m.HostOrganizationId,
        RaterGroupId = m.RaterGroupId ?? 0,
        Attendance = m.Attendance,
        FormsIssued = m.FormsIssued,
        FormsReturned = m.FormsReturned,
        DoubleEntry = m.DoubleEntry,
        Minutes = m.Minutes,
        InvitedOrganizationIds = m.Invitees.Where(i => i.OrganizationId != null).Select(i => i.OrganizationId!.Value).ToList(),
        InvitedMemberIds = m.Invitees.Where(i => i.MemberId != null).Select(i => i.MemberId!.Value).ToList(),
    };
}

/// <summary>What the create and edit forms offer: the campaign's groups, hosts and invitees in scope.</summary>
public sealed record MeetingChoices(Campaign Campaign, List<RaterGroup> Groups, List<OrgOption> Hosts, List<OrgOption> Organizations,
    List<(int Id, string Name)> Members)
{
    public const int MaxMembersListed = 2_000;

    public static async Task<MeetingChoices> LoadAsync(AppDbContext db, OrgScope scope, Campaign campaign)
    {
        var groups = await db.RaterGroups.AsNoTracking()
            .Where(g => g.CampaignId == campaign.Id && g.Kind != RaterGroupKind.StandingChannel)
            .OrderBy(g => g.Position).ThenBy(g => g.Id).ToListAsync();
        var inScope = await scope.OrganizationsAsync();
        var hosts = await OrgOption.ListAsync(inScope.Where(o => o.Path.StartsWith(campaign.Organization!.Path)));
        var organizations = await OrgOption.ListAsync(inScope);
        var members = (await (await scope.MembersAsync()).Where(m => m.IsActive).OrderBy(m => m.Organization!.Path).ThenBy(m => m.Name)
                .Take(MaxMembersListed).Select(m => new { m.Id, m.Name, Org = m.Organization!.Name }).ToListAsync())
            .Select(m => (m.Id, $"{m.Name}（{m.Org}）")).ToList();
        return new MeetingChoices(campaign, groups, hosts, organizations, members);
    }
}
