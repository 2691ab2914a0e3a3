using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Meetings;

/// <summary>
/// An open campaign run by <see cref="RunBy"/> over units A and B with one rater group (党员代表, one
/// assignment over both units) and a standing-channel group; rows inserted directly.
/// </summary>
internal sealed record MeetingWorld(int CampaignId, string Tag, int GroupId, int StandingGroupId, int AssignmentId, int VersionId,
    int SubjectA, int SubjectB, string ItemKey, int RunBy);

internal static class MeetingArrange
{
    public static async Task<MeetingWorld> WorldAsync(this AppFixture app, int? runBy = null, CampaignState state = CampaignState.Open)
    {
        var owner = runBy ?? app.BureauId;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (_, versionId) = await app.AddFormAsync(app.BureauId, $"会议表{tag}");
        return await app.WithDbAsync(async db =>
        {
            await db.FormVersions.Where(v => v.Id == versionId).ExecuteUpdateAsync(s => s.SetProperty(v => v.FrozenUtc, DateTime.UtcNow));
            var key = await db.FormItems.Where(i => db.FormSections.Any(s => s.Id == i.SectionId && s.FormVersionId == versionId))
                .OrderBy(i => i.Position).Select(i => i.Key).FirstAsync();
            var today = app.Today();
            var sa = new CampaignSubject { OrganizationId = owner == app.BureauId ? app.UnitAId : owner };
            var sb = new CampaignSubject { OrganizationId = owner == app.BureauId ? app.UnitBId : owner == app.UnitAId ? app.BranchAId : app.BranchBId };
            var g = new RaterGroup { Kind = RaterGroupKind.PartyMember, Name = $"党员代表{tag}", PlannedCount = 50, Weight = 80, Position = 1 };
            var s = new RaterGroup { Kind = RaterGroupKind.StandingChannel, Name = $"平时评议{tag}", PlannedCount = 10, Weight = 20, Position = 2 };
            var a = new Assignment { RaterGroup = g, Direction = Direction.MembersRateOrganization, FormVersionId = versionId, Subjects = [sa, sb] };
            var campaign = new Campaign
            {
                OrganizationId = owner,
                Name = $"会议活动{tag}",
                Year = today.Year,
                StartsOn = today.AddDays(-3),
                EndsOn = today.AddDays(10),
                State = state,
                CreatedUtc = DateTime.UtcNow,
                OpenedUtc = DateTime.UtcNow,
                Subjects = [sa, sb],
                RaterGroups = [g, s],
                Assignments = [a],
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return new MeetingWorld(campaign.Id, tag, g.Id, s.Id, a.Id, versionId, sa.Id, sb.Id, key, owner);
        });
    }

    /// <summary>A meeting inserted directly, hosted by <paramref name="hostId"/>.</summary>
    public static Task<int> MeetingAsync(this AppFixture app, MeetingWorld w, int hostId, int issued = 0, int returned = 0, int attendance = 0,
        MeetingKind kind = MeetingKind.AppraisalMeeting, string? title = null, bool doubleEntry = false) =>
        app.WithDbAsync(async db =>
        {
            var m = new Meeting
            {
                CampaignId = w.CampaignId,
                HostOrganizationId = hostId,
                Kind = kind,
                Title = title ?? $"会议{Guid.NewGuid():N}"[..12],
                HeldOn = app.Today(),
                Place = "会议室",
                RaterGroupId = issued > 0 ? w.GroupId : null,
                Attendance = attendance,
                FormsIssued = issued,
                FormsReturned = returned,
                DoubleEntry = doubleEntry,
                CreatedBy = "test",
                CreatedUtc = DateTime.UtcNow,
            };
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

    /// <summary>Slips typed as <paramref name="state"/> for serials from <paramref name="first"/>, without tokens.</summary>
    public static Task SlipsAsync(this AppFixture app, int meetingId, int first, int count, PaperSlipState state) =>
        app.WithDbAsync(async db =>
        {
            db.PaperSlips.AddRange(Enumerable.Range(first, count).Select(n => new PaperSlip
            {
                MeetingId = meetingId,
                Serial = n,
                State = state,
                VoidReason = state == PaperSlipState.Void ? "空白" : null,
            }));
            await db.SaveChangesAsync();
        });

    public static Task EntryAsync(this AppFixture app, int meetingId, int serial, int pass = 1) =>
        app.WithDbAsync(async db =>
        {
            db.PaperEntries.Add(new PaperEntry { MeetingId = meetingId, Serial = serial, Pass = pass, EnteredBy = "clerk" + pass, AnswersJson = "{}" });
            await db.SaveChangesAsync();
        });

    /// <summary>Ballots of <paramref name="raters"/> raters (one per assignment of the group) on <paramref name="channel"/>.</summary>
    public static Task BallotsAsync(this AppFixture app, MeetingWorld w, int raters, BallotChannel channel) =>
        app.WithDbAsync(async db =>
        {
            for (var i = 0; i < raters; i++)
            {
                db.Ballots.Add(new Ballot
                {
                    Id = Guid.NewGuid(),
                    CampaignId = w.CampaignId,
                    RaterGroupId = w.GroupId,
                    AssignmentId = w.AssignmentId,
                    FormVersionId = w.VersionId,
                    Channel = channel,
                    SubmittedOn = app.Today(),
                    ReceiptHash = Guid.NewGuid().ToString("N"),
                });
            }
            await db.SaveChangesAsync();
        });

    public static Task<int> ChannelAsync(this AppFixture app, MeetingWorld w, int organizationId, int ballots) =>
        app.WithDbAsync(async db =>
        {
            var c = new StandingChannel
            {
                CampaignId = w.CampaignId,
                RaterGroupId = w.StandingGroupId,
                OrganizationId = organizationId,
                Name = "门诊大厅",
                Code = Guid.NewGuid().ToString("N")[..26],
                BallotCount = ballots,
                CreatedBy = "test",
                CreatedUtc = DateTime.UtcNow,
            };
            db.StandingChannels.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });

    /// <summary>Everything a meeting command could change, as one comparable string.</summary>
    public static Task<string> SnapshotAsync(this AppFixture app) =>
        app.WithDbAsync(async db =>
        {
            var meetings = await db.Meetings.AsNoTracking().OrderBy(m => m.Id)
                .Select(m => $"{m.Id}:{m.Title}:{m.HostOrganizationId}:{m.FormsIssued}:{m.FormsReturned}:{m.Attendance}:{m.DoubleEntry}:{m.Minutes}:{m.RaterGroupId}")
                .ToListAsync();
            var invitees = await db.MeetingInvitees.CountAsync();
            var slips = await db.PaperSlips.CountAsync();
            var tokens = await db.Tokens.CountAsync();
            return string.Join("|", meetings) + $"|i{invitees}|s{slips}|t{tokens}";
        });

    public static Dictionary<string, string> Fields(AppFixture app, int hostId, string title, int issued = 50, int returned = 48, int? groupId = null,
        string? heldOn = null) => new()
        {
            ["Form.Kind"] = "AppraisalMeeting",
            ["Form.Title"] = title,
            ["Form.HeldOn"] = heldOn ?? CampaignTestData.Iso(app.Today()),
            ["Form.Place"] = "三楼会议室",
            ["Form.HostOrganizationId"] = I(hostId),
            ["Form.RaterGroupId"] = I(groupId ?? 0),
            ["Form.Attendance"] = "60",
            ["Form.FormsIssued"] = I(issued),
            ["Form.FormsReturned"] = I(returned),
            ["Form.Minutes"] = "会议纪要",
        };

    public static object Request(AppFixture app, MeetingWorld w, int hostId, string title, int issued = 50, int returned = 48, string? heldOn = null,
        int[]? orgs = null, int[]? members = null, string? minutes = null, int? groupId = -1) => new
        {
            campaignId = w.CampaignId,
            hostOrganizationId = hostId,
            kind = "Forum",
            title,
            heldOn = heldOn ?? CampaignTestData.Iso(app.Today()),
            place = "会议室",
            raterGroupId = groupId == -1 ? w.GroupId : groupId,
            attendance = 30,
            formsIssued = issued,
            formsReturned = returned,
            doubleEntry = false,
            minutes,
            invitedOrganizationIds = orgs ?? [],
            invitedMemberIds = members ?? [],
        };

    public static async Task<string> ProblemTitleAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("title").GetString() ?? "";
    }

    public static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
}
