using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Ballots.BallotArrange;

namespace Pingyi.Web.Tests.Results;

/// <summary>Ballots are flagged as they arrive: straight-lining by their content, bursts by what came just before from the same code batch.</summary>
public abstract class SuspiciousFlagTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private Task<List<BallotFlags>> FlagsAsync(int campaignId) =>
        app.WithDbAsync(db => db.Ballots.Where(b => b.CampaignId == campaignId).Select(b => b.Flags).ToListAsync());

    private Task<long> FlaggedCountAsync(int campaignId) =>
        app.WithDbAsync(db => db.ResultBallotCounts.Where(r => r.CampaignId == campaignId).SumAsync(r => r.Flagged));

    [Fact]
    public async Task Five_identical_ballots_from_one_code_batch_are_all_flagged_as_a_burst_and_varied_ones_are_not()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, "可疑-连发");
        var codes = await app.IssueAsync(campaign, 9);
        // Four ballots first whose first subject varies (scores 1..4); their second subject is the same every time.
        for (var i = 0; i < 4; i++)
        {
            var score = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(HttpStatusCode.Created, (await sys.Http.SubmitAsync(codes[i].Long, Answers(campaign, change: v => v["score"] = [score]))).StatusCode);
        }
        // The second subject's four identical ballots are one short of a burst.
        Assert.All(await FlagsAsync(campaign.Id), f => Assert.Equal(BallotFlags.None, f));
        // Then five identical ones, each in its own request: the fifth completes the burst and reaches back to the first four.
        for (var i = 4; i < 9; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await sys.Http.SubmitAsync(codes[i].Long, Answers(campaign))).StatusCode);
        }
        var flags = await FlagsAsync(campaign.Id);
        // One ballot per assignment and rater: the first subject's five identical ballots form a burst, its
        // four varied ones do not; all nine of the second subject's are identical, so all nine are flagged.
        Assert.Equal(14, flags.Count(f => f == BallotFlags.Burst));
        Assert.Equal(4, flags.Count(f => f == BallotFlags.None));
        Assert.Equal(14, await FlaggedCountAsync(campaign.Id));

        // The recount agrees with what was counted as the ballots came in.
        await app.WithDbAsync(db => ResultAggregates.RecomputeAsync(db, campaign.Id));
        Assert.Equal(14, await FlaggedCountAsync(campaign.Id));
    }

    [Fact]
    public async Task A_ballot_giving_every_rating_the_same_answer_is_flagged_as_straight_lining_and_a_mixed_one_is_not()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, "可疑-一律");
        // Three more grade items on the form, so each ballot holds five ratings (four grades and a score).
        var keys = await app.WithDbAsync(async db =>
        {
            var section = await db.Set<Pingyi.Domain.Forms.FormSection>().SingleAsync(s => s.FormVersionId == campaign.VersionId);
            var added = Enumerable.Range(0, 3).Select(n => new Pingyi.Domain.Forms.FormItem
            {
                SectionId = section.Id,
                Position = 10 + n,
                Key = Pingyi.Domain.Forms.FormRules.NewKey(),
                Kind = Pingyi.Domain.Forms.ItemKind.Grade,
                Text = "附加评价" + n,
                Scale = Pingyi.Domain.Forms.GradeScale.Satisfaction3,
            }).ToList();
            db.FormItems.AddRange(added);
            await db.SaveChangesAsync();
            return added.Select(a => a.Key).ToList();
        });
        var codes = await app.IssueAsync(campaign, 2);
        List<object> With(string last) => Answers(campaign, change: null).Concat(campaign.SubjectIds.SelectMany(s =>
            keys.Select((k, n) => (object)new { subjectId = s, itemKey = k, values = new[] { n == 2 ? last : "1" } }))).ToList();
        Assert.Equal(HttpStatusCode.Created, (await sys.Http.SubmitAsync(codes[0].Long, With("1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await sys.Http.SubmitAsync(codes[1].Long, With("2"))).StatusCode);

        var flags = await FlagsAsync(campaign.Id);
        Assert.Equal(2, flags.Count(f => f == BallotFlags.StraightLine));
        Assert.Equal(2, flags.Count(f => f == BallotFlags.None));
        Assert.Equal(2, await FlaggedCountAsync(campaign.Id));
    }
}

public sealed class SqliteSuspiciousFlagTests(SqliteAppFixture app) : SuspiciousFlagTests<SqliteAppFixture>(app);

public sealed class PostgresSuspiciousFlagTests(PostgresAppFixture app) : SuspiciousFlagTests<PostgresAppFixture>(app);
