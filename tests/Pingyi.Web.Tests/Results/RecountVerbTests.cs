using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Results;
using Pingyi.Web.Cli;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Ballots.BallotArrange;

namespace Pingyi.Web.Tests.Results;

/// <summary>
/// The command line's <c>recount --campaign N</c>: refuses a missing, malformed or unknown campaign
/// with a Chinese message and a non-zero exit, changing nothing, and otherwise rebuilds the
/// campaign's aggregates from its ballots (repairing rows that were tampered with), audited.
/// </summary>
public abstract class RecountVerbTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private async Task<(int Exit, string Output, string Error)> RecountAsync(string? campaignArgument)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await RecountVerb.RunAsync(scope.ServiceProvider, campaignArgument, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<List<ResultAnswerCount>> AnswerRowsAsync(int campaignId) =>
        app.WithDbAsync(db => db.ResultAnswerCounts.AsNoTracking().Where(r => r.CampaignId == campaignId)
            .OrderBy(r => r.AssignmentId).ThenBy(r => r.SubjectId).ThenBy(r => r.ItemId).ThenBy(r => r.Value).ToListAsync());

    private Task<List<ResultBallotCount>> BallotRowsAsync(int campaignId) =>
        app.WithDbAsync(db => db.ResultBallotCounts.AsNoTracking().Where(r => r.CampaignId == campaignId).OrderBy(r => r.AssignmentId).ToListAsync());

    private Task<int> RecountAuditsAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ResultsRecount));

    [Fact]
    public async Task A_recount_restores_tampered_aggregates_from_the_ballots_and_is_audited()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, "重新统计-修复");
        var codes = await app.IssueAsync(campaign, 5);
        for (var i = 0; i < codes.Count; i++)
        {
            var response = await sys.Http.SubmitAsync(codes[i].Long, Answers(campaign, i < 3 ? "挂号方便" : null, v => v["grade"] = [i < 2 ? "1" : "3"]));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        var answers = await AnswerRowsAsync(campaign.Id);
        var ballots = await BallotRowsAsync(campaign.Id);
        Assert.Equal([5L, 5L], ballots.Select(b => b.Ballots));

        // Drift: one count inflated, one row lost, one invented, and the ballot count of an assignment wrong.
        await app.WithDbAsync(async db =>
        {
            var rows = await db.ResultAnswerCounts.Where(r => r.CampaignId == campaign.Id).OrderBy(r => r.SubjectId).ThenBy(r => r.ItemId).ThenBy(r => r.Value).ToListAsync();
            rows[0].Count += 40;
            db.ResultAnswerCounts.Remove(rows[^1]);
            db.ResultAnswerCounts.Add(new ResultAnswerCount
            {
                CampaignId = campaign.Id, AssignmentId = rows[0].AssignmentId, SubjectId = rows[0].SubjectId, ItemId = rows[0].ItemId, Value = 77, Count = 3,
            });
            (await db.ResultBallotCounts.FirstAsync(r => r.CampaignId == campaign.Id)).Ballots = 999;
            await db.SaveChangesAsync();
        });
        Assert.NotEqual(answers.Count, (await AnswerRowsAsync(campaign.Id)).Count(r => r.Value != 77));
        var auditsBefore = await RecountAuditsAsync();

        var (exit, output, error) = await RecountAsync(campaign.Id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains($"已重新统计评议活动 {campaign.Id}（重新统计-修复）：计入 10 张测评票，用时 ", output, StringComparison.Ordinal);
        Assert.Matches(@"用时 \d+\.\d{3} 秒。", output);
        Assert.Equivalent(answers, await AnswerRowsAsync(campaign.Id), strict: true);
        Assert.Equivalent(ballots, await BallotRowsAsync(campaign.Id), strict: true);
        Assert.Equal(auditsBefore + 1, await RecountAuditsAsync());
        var audit = await app.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Id)
            .FirstAsync(e => e.Action == AuditActions.ResultsRecount && e.ObjectId == campaign.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(("cli", AuditOutcome.Success, "Campaign"), (audit.Actor, audit.Outcome, audit.ObjectType));
    }

    [Fact]
    public async Task A_recount_leaves_other_campaigns_alone()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var recounted = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, "重新统计-本活动");
        var other = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, "重新统计-其他活动");
        var code = (await app.IssueAsync(other, 1))[0];
        Assert.Equal(HttpStatusCode.Created, (await sys.Http.SubmitAsync(code.Long, Answers(other))).StatusCode);
        // The other campaign's drift stays: it was not asked for.
        await app.WithDbAsync(db => db.ResultBallotCounts.Where(r => r.CampaignId == other.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Ballots, 50)));

        var (exit, output, _) = await RecountAsync(recounted.Id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(0, exit);
        Assert.Contains("计入 0 张测评票", output, StringComparison.Ordinal);
        Assert.Empty(await BallotRowsAsync(recounted.Id));
        Assert.Equal([50L, 50L], (await BallotRowsAsync(other.Id)).Select(r => r.Ballots));
    }

    [Theory]
    [InlineData(null, 2, "用法：recount --campaign 评议活动编号")]
    [InlineData("", 2, "用法：recount --campaign 评议活动编号")]
    [InlineData("abc", 2, "评议活动编号应为正整数，收到的是“abc”")]
    [InlineData("-3", 2, "评议活动编号应为正整数，收到的是“-3”")]
    [InlineData("0", 2, "评议活动编号应为正整数")]
    [InlineData("99999999999", 2, "评议活动编号应为正整数")]
    [InlineData("<script>", 2, "评议活动编号应为正整数，收到的是“<script>”")]
    [InlineData("987654", 1, "没有编号为 987654 的评议活动，没有重新统计任何数据。")]
    public async Task A_missing_malformed_or_unknown_campaign_is_refused_in_chinese_and_nothing_changes(string? argument, int expectedExit, string message)
    {
        var auditsBefore = await RecountAuditsAsync();
        var rowsBefore = await app.WithDbAsync(db => db.ResultBallotCounts.CountAsync());

        var (exit, output, error) = await RecountAsync(argument);

        Assert.Equal(expectedExit, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(auditsBefore, await RecountAuditsAsync());
        Assert.Equal(rowsBefore, await app.WithDbAsync(db => db.ResultBallotCounts.CountAsync()));
    }

    [Fact]
    public void The_verb_is_known_and_its_campaign_option_is_not_passed_to_the_host()
    {
        string[] args = ["recount", "--campaign", "12", "--Database:Provider=Sqlite"];
        Assert.Equal(Verbs.Recount, Verbs.Find(args));
        Assert.Equal(["--Database:Provider=Sqlite"], Verbs.HostArguments(args));
    }
}

public sealed class SqliteRecountVerbTests(SqliteAppFixture app) : RecountVerbTests<SqliteAppFixture>(app);

public sealed class PostgresRecountVerbTests(PostgresAppFixture app) : RecountVerbTests<PostgresAppFixture>(app);
