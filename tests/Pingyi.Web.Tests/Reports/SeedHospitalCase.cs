using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using Pingyi.Web.Tests.Loop;
using Pingyi.Web.Tests.Meetings;
using Pingyi.Web.Tests.Results;

namespace Pingyi.Web.Tests.Reports;

/// <summary>The seed hospital's campaign: its id, the hospital (the report's subtree) and the hospital's name.</summary>
internal sealed record SeedHospital(int CampaignId, int HospitalId, string Name, string CampaignName);

/// <summary>
/// The township hospital of the seed document (004_…txt) in data: its party branch held one 评议会
/// inviting 3 party committee organisations and 50 party members; 50 测评表 issued and returned, all
/// valid; two subjects at exactly 98% (49 of 50 satisfied) and 93% (93 of 100 grade answers: each
/// of the 50 forms answers two grade items for it); 4 problems found and 4 measures taken, all verified
/// on time. Each call builds a fresh hospital under <c>parentId</c> (default the bureau), so tests
/// sharing a fixture never meet; given <c>hospitalId</c>, it adds another such campaign to that hospital.
/// </summary>
internal static class SeedHospitalCase
{
    public const int Forms = 50;

    public static async Task<SeedHospital> SeedHospitalAsync(this AppFixture app, int? parentId = null, int? hospitalId = null)
    {
        var tag = OversightArrange.Tag().ToUpperInvariant();
        var name = hospitalId is { } existing
            ? await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == existing).Select(o => o.Name).SingleAsync())
            : $"某镇卫生院{tag}";
        var hospital = hospitalId
            ?? (await app.AddOrganizationAsync($"SH{tag}", name, parentId ?? app.BureauId, OrganizationKind.Unit, UnitType.Hospital)).Id;
        var committees = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            committees.Add((await app.AddOrganizationAsync($"SH{tag}-C{i}", $"辖区党委{i}", hospital, OrganizationKind.PartyCommittee)).Id);
        }
        var office = (await app.AddOrganizationAsync($"SH{tag}-YB", "院办", hospital, OrganizationKind.Department)).Id;
        var members = await app.WithDbAsync(async db =>
        {
            var list = Enumerable.Range(1, Forms).Select(n => new Member
            {
                OrganizationId = committees[(n - 1) % 3],
                Name = $"党员{n}",
                Role = MemberRole.PartyMember,
                CreatedUtc = DateTime.UtcNow,
            }).ToList();
            db.Members.AddRange(list);
            await db.SaveChangesAsync();
            return list.Select(m => m.Id).ToList();
        });

        var form = await app.AddResultFormAsync(hospital);
        var campaignName = $"创先争优群众评议{tag}";
        var ids = await app.WithDbAsync(async db =>
        {
            var today = app.Today();
            var branch = new CampaignSubject { OrganizationId = committees[0] };
            var subject = new CampaignSubject { OrganizationId = office };
            var group = new RaterGroup { Kind = RaterGroupKind.PartyMember, Name = "党员", PlannedCount = Forms, Weight = 100, Position = 1 };
            var campaign = new Campaign
            {
                OrganizationId = hospital,
                Name = campaignName,
                Year = today.Year,
                StartsOn = today.AddDays(-20),
                EndsOn = today.AddDays(-1),
                State = CampaignState.Closed,
                CreatedUtc = DateTime.UtcNow,
                Subjects = [branch, subject],
                RaterGroups = [group],
                Assignments =
                [
                    new Assignment { RaterGroup = group, Direction = Direction.MembersRateOrganization, FormVersionId = form.VersionId, Subjects = [branch] },
                    new Assignment { RaterGroup = group, Direction = Direction.MembersRateOrganization, FormVersionId = form.VersionId, Subjects = [subject] },
                ],
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            var meeting = new Meeting
            {
                CampaignId = campaign.Id,
                HostOrganizationId = hospital,
                Kind = MeetingKind.AppraisalMeeting,
                Title = "创先争优群众评议会",
                HeldOn = today.AddDays(-5),
                Place = "会议室",
                RaterGroupId = group.Id,
                Attendance = committees.Count + Forms,
                FormsIssued = Forms,
                FormsReturned = Forms,
                CreatedBy = "test",
                CreatedUtc = DateTime.UtcNow,
                Invitees = [.. committees.Select(c => new MeetingInvitee { OrganizationId = c }), .. members.Select(m => new MeetingInvitee { MemberId = m })],
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            var arranged = new ResultCampaign(campaign.Id, [group.Id],
                new Dictionary<int, int> { [committees[0]] = branch.Id, [office] = subject.Id },
                campaign.Assignments.OrderBy(a => a.Id).Select(a => a.Id).ToArray(), form);
            return (Campaign: arranged, MeetingId: meeting.Id);
        });
        await app.SlipsAsync(ids.MeetingId, 1, Forms, PaperSlipState.Counted);

        // 98%: 49 of the 50 forms satisfied with the branch.
        await app.InsertAsync(ids.Campaign, 0,
            [.. new Vote(1, Channel: BallotChannel.Paper).Times(49), new Vote(3, Channel: BallotChannel.Paper)]);
        // 93%: 93 of the 100 grade answers (two grade items on each of the 50 forms) satisfied with the office.
        await app.InsertAsync(ids.Campaign, 1,
        [
            .. new Vote(1, 1, Channel: BallotChannel.Paper).Times(46),
            new Vote(1, 5, Channel: BallotChannel.Paper),
            .. new Vote(3, 5, Channel: BallotChannel.Paper).Times(3),
        ]);

        var today = app.Today();
        for (var i = 1; i <= 4; i++)
        {
            var problem = await app.ProblemAsync(hospital, $"问题{i}", campaignId: ids.Campaign.Id);
            await app.MeasureAsync(problem, hospital, $"整改措施{i}", today.AddDays(-4), today.AddDays(10), MeasureState.Verified, today.AddDays(-1));
        }
        return new SeedHospital(ids.Campaign.Id, hospital, name, campaignName);
    }
}
