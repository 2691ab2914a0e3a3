using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;

namespace Pingyi.Web.Demo;

/// <summary>
/// The other channels of this year's demo campaign: two appraisal meetings whose paper forms were
/// typed in (the retired cadres' with double entry, all agreed by now), a one-to-one interview
/// round without forms, and the first hospital's standing QR code in its outpatient hall with a few
/// hundred ballots. Runs before <see cref="DemoBallots"/>, which counts the paper raters into each
/// group's share. Like the online ballots, nothing joins a paper ballot to its slip.
/// </summary>
public static class DemoMeetings
{
    public const string HospitalCode = "RMYY";
    public const string HallName = "门诊大厅";
    private const string BureauCode = "SWJ";

    public static async Task EnsureAsync(AppDbContext db, byte[] tokenKey, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (await db.Meetings.AnyAsync(cancellationToken) || await db.StandingChannels.AnyAsync(cancellationToken))
        {
            return;
        }
        var campaign = await db.Campaigns.AsNoTrackingWithIdentityResolution().WithPlan()
            .Where(c => c.Organization!.Code == BureauCode && c.State == CampaignState.Open)
            .FirstOrDefaultAsync(cancellationToken);
        if (campaign is null || await db.Ballots.AnyAsync(b => b.CampaignId == campaign.Id, cancellationToken))
        {
            return;
        }
        var orgs = await db.Organizations.Where(o => o.Code == BureauCode || o.Code == HospitalCode || o.Code == "HKWSY" || o.Code == "SWJ-DW")
            .ToDictionaryAsync(o => o.Code, o => o.Id, cancellationToken);
        var today = DateOnly.FromDateTime(nowUtc);
        var random = new Random(4);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);

        await PaperMeetingAsync(db, campaign, RaterGroupKind.NpcDeputy, new Meeting
        {
            Kind = MeetingKind.AppraisalMeeting,
            Title = "人大代表、政协委员评议会（人大代表场）",
            HeldOn = campaign.StartsOn.AddDays(3),
            Place = "市卫生局三楼会议室",
            HostOrganizationId = orgs[BureauCode],
            Attendance = 17,
            FormsIssued = 16,
            FormsReturned = 15,
            Minutes = "局党委书记通报全年创先争优活动开展情况和为群众办实事清单，代表逐项评议。代表建议：基层卫生院夜间值班医生偏少；医保报销窗口排队时间长。",
        }, voids: 1, random, tokenKey, cancellationToken);
        await PaperMeetingAsync(db, campaign, RaterGroupKind.RetiredCadre, new Meeting
        {
            Kind = MeetingKind.Forum,
            Title = "离退休干部座谈会",
            HeldOn = campaign.StartsOn.AddDays(8),
            Place = "市卫生局老干部活动室",
            HostOrganizationId = orgs[BureauCode],
            Attendance = 24,
            FormsIssued = 24,
            FormsReturned = 23,
            DoubleEntry = true,
            Minutes = "老同志肯定了家庭医生签约服务，希望进一步方便老年人就医，保留人工挂号窗口。",
        }, voids: 1, random, tokenKey, cancellationToken);
        db.Meetings.Add(new Meeting
        {
            CampaignId = campaign.Id,
            Kind = MeetingKind.Interview,
            Title = "河口乡卫生院患者个别访谈",
            HeldOn = campaign.StartsOn.AddDays(10),
            Place = "河口乡卫生院门诊部",
            HostOrganizationId = orgs["HKWSY"],
            Attendance = 6,
            Minutes = "访谈6名候诊患者：反映候诊时间长、夜间无人值守药房，乡卫生院已列入整改。",
            CreatedBy = DemoData.AdminUserName,
            CreatedUtc = nowUtc,
        });
        await db.SaveChangesAsync(cancellationToken);

        await StandingAsync(db, campaign, orgs[HospitalCode], today, random, tokenKey, nowUtc, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>A meeting whose returned forms are all typed: returned − voids valid ballots of the group, the voids recorded with a reason.</summary>
    private static async Task PaperMeetingAsync(AppDbContext db, Campaign campaign, RaterGroupKind kind, Meeting meeting, int voids, Random random,
        byte[] key, CancellationToken cancellationToken)
    {
        var group = campaign.RaterGroups.Single(g => g.Kind == kind);
        meeting.CampaignId = campaign.Id;
        meeting.RaterGroupId = group.Id;
        meeting.CreatedBy = DemoData.AdminUserName;
        meeting.CreatedUtc = meeting.HeldOn.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);

        // The forms that came back, in a shuffled order of serials as a clerk picks them off the pile.
        var serials = Enumerable.Range(1, meeting.FormsIssued).ToArray();
        random.Shuffle(serials);
        var assignments = campaign.Assignments.Where(a => a.RaterGroupId == group.Id).OrderBy(a => a.Id).ToList();
        var answers = new List<BallotAnswer>();
        for (var i = 0; i < meeting.FormsReturned; i++)
        {
            var isVoid = i < voids;
            db.PaperSlips.Add(new PaperSlip
            {
                MeetingId = meeting.Id,
                Serial = serials[i],
                State = isVoid ? PaperSlipState.Void : PaperSlipState.Counted,
                VoidReason = isVoid ? "整张未填写" : null,
            });
            if (isVoid)
            {
                continue;
            }
            var mood = DemoBallots.Normal(random) * 0.35 + 0.1;
            foreach (var a in assignments)
            {
                db.Ballots.Add(DemoBallots.NewBallot(campaign, a, BallotChannel.Paper, meeting.HeldOn, mood, null, random, key, answers));
            }
        }
        await DemoBallots.SaveAsync(db, answers, cancellationToken);
    }

    /// <summary>The hall's QR code with the ballots of the days since the campaign opened, a few dozen a day.</summary>
    private static async Task StandingAsync(AppDbContext db, Campaign campaign, int hospitalId, DateOnly today, Random random, byte[] key,
        DateTime nowUtc, CancellationToken cancellationToken)
    {
        var group = campaign.RaterGroups.Single(g => g.Kind == RaterGroupKind.StandingChannel);
        var assignments = campaign.Assignments.Where(a => a.RaterGroupId == group.Id).OrderBy(a => a.Id).ToList();
        var channel = new StandingChannel
        {
            CampaignId = campaign.Id,
            RaterGroupId = group.Id,
            OrganizationId = hospitalId,
            Name = HallName,
            Code = TokenCodes.NewLongCode(),
            CreatedBy = DemoData.AdminUserName,
            CreatedUtc = campaign.OpenedUtc ?? nowUtc,
        };
        var answers = new List<BallotAnswer>();
        var remarks = DemoRemarks.For(DemoCampaigns.HospitalForm);
        for (var day = campaign.StartsOn; day <= today && day <= campaign.EndsOn; day = day.AddDays(1))
        {
            var count = 14 + random.Next(12);
            for (var r = 0; r < count; r++)
            {
                var mood = DemoBallots.Normal(random) * 0.45;
                var remark = random.NextDouble() < 0.12 ? remarks : null;
                foreach (var a in assignments)
                {
                    db.Ballots.Add(DemoBallots.NewBallot(campaign, a, BallotChannel.Standing, day, mood, remark, random, key, answers));
                }
                channel.BallotCount++;
            }
        }
        db.StandingChannels.Add(channel);
        await DemoBallots.SaveAsync(db, answers, cancellationToken);
    }
}
