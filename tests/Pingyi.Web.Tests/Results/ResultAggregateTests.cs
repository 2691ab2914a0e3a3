using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Ballots.BallotArrange;

namespace Pingyi.Web.Tests.Results;

/// <summary>
/// The running aggregates move with the ballots in the same transaction, agree with a full
/// recomputation from the ballots, and the loader hands Domain what was counted.
/// </summary>
public abstract class ResultAggregateTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private Task<List<ResultAnswerCount>> AnswerRowsAsync(int campaignId) =>
        app.WithDbAsync(db => db.ResultAnswerCounts.AsNoTracking().Where(r => r.CampaignId == campaignId && r.Count != 0)
            .OrderBy(r => r.AssignmentId).ThenBy(r => r.SubjectId).ThenBy(r => r.ItemId).ThenBy(r => r.Value).ToListAsync());

    private Task<List<ResultBallotCount>> BallotRowsAsync(int campaignId) =>
        app.WithDbAsync(db => db.ResultBallotCounts.AsNoTracking().Where(r => r.CampaignId == campaignId).OrderBy(r => r.AssignmentId).ToListAsync());

    [Fact]
    public async Task Submitted_ballots_are_counted_as_they_are_stored_and_agree_with_a_full_recount()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, "汇总-增量");
        var codes = await app.IssueAsync(campaign, 7);
        var http = sys.Http;
        for (var i = 0; i < codes.Count; i++)
        {
            // Four raters 满意 and three 不满意 on the first subject; the last two leave no text.
            var response = await http.SubmitAsync(codes[i].Long, Answers(campaign, i < 5 ? "挂号方便" : null, v => v["grade"] = [i < 4 ? "1" : "3"]));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        // A refused second use adds nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await http.SubmitAsync(codes[0].Long, Answers(campaign))).StatusCode);

        var incremental = await AnswerRowsAsync(campaign.Id);
        var ballots = await BallotRowsAsync(campaign.Id);
        Assert.Equal([7L, 7L], ballots.Select(b => b.Ballots));
        var gradeItem = await app.WithDbAsync(db => db.FormItems.Where(i => i.Key == campaign.Key("grade")).Select(i => i.Id).SingleAsync());
        var textItem = await app.WithDbAsync(db => db.FormItems.Where(i => i.Key == campaign.Key("text")).Select(i => i.Id).SingleAsync());
        var first = campaign.SubjectIds[0];
        Assert.Equal(4, incremental.Single(r => r.SubjectId == first && r.ItemId == gradeItem && r.Value == 1).Count);
        Assert.Equal(3, incremental.Single(r => r.SubjectId == first && r.ItemId == gradeItem && r.Value == 3).Count);
        Assert.Equal(5, incremental.Single(r => r.SubjectId == first && r.ItemId == textItem && r.Value == 0).Count);

        await app.WithDbAsync(db => ResultAggregates.RecomputeAsync(db, campaign.Id));
        Assert.Equivalent(incremental, await AnswerRowsAsync(campaign.Id), strict: true);
        Assert.Equivalent(ballots, await BallotRowsAsync(campaign.Id), strict: true);
    }

    [Fact]
    public async Task The_loader_hands_domain_the_counted_cells_and_follows_new_ballots()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, "汇总-读取");
        var codes = await app.IssueAsync(campaign, 4);
        var http = sys.Http;
        await http.SubmitAsync(codes[0].Long, Answers(campaign));
        await http.SubmitAsync(codes[1].Long, Answers(campaign));

        using var scope = app.Factory.Services.CreateScope();
        var cache = scope.ServiceProvider.GetRequiredService<ResultsCache>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entity = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id);
        var input = await cache.GetAsync(db, entity);
        Assert.Equal([2L, 2L], input.Cells.OrderBy(c => c.SubjectId).Select(c => c.Ballots));
        Assert.Equal(5, input.Items.Count);
        Assert.Equal(entity.MinGroupSize, input.MinGroupSize);
        Assert.Equal(2, input.Answers.Where(a => a.SubjectId == campaign.SubjectIds[1]).Where(a => input.Items.Any(i => i.Id == a.ItemId && i.Key == campaign.Key("grade"))).Sum(a => a.Count));

        await http.SubmitAsync(codes[2].Long, Answers(campaign));
        var again = await cache.GetAsync(db, entity);
        Assert.Equal([3L, 3L], again.Cells.OrderBy(c => c.SubjectId).Select(c => c.Ballots));
    }

    [Fact]
    public async Task With_a_refresh_interval_views_get_the_previous_figures_while_the_next_load_runs_in_the_background()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, "汇总-后台刷新");
        var codes = await app.IssueAsync(campaign, 3);
        await sys.Http.SubmitAsync(codes[0].Long, Answers(campaign));

        var clock = new TestClock();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ResultsCache.RefreshSetting] = "1" }).Build();
        var cache = new ResultsCache(app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock, configuration);
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entity = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id);
        static long Ballots(ResultInput input) => input.Cells.Sum(c => c.Ballots);

        var first = await cache.GetAsync(db, entity);
        Assert.Equal(2, Ballots(first));

        await sys.Http.SubmitAsync(codes[1].Long, Answers(campaign));
        // Within the interval the figures stay as they were, stamp or not.
        Assert.Same(first, await cache.GetAsync(db, entity));
        clock.Advance(TimeSpan.FromSeconds(2));
        // Past it, the view that notices the change is not kept waiting: it gets the previous figures…
        Assert.Same(first, await cache.GetAsync(db, entity));
        // …and a later view the new ones, once the background load is done.
        ResultInput latest = first;
        for (var i = 0; i < 200 && Ballots(latest) == 2; i++)
        {
            await Task.Delay(25);
            latest = await cache.GetAsync(db, entity);
        }
        Assert.Equal(4, Ballots(latest));
    }
}

public sealed class SqliteResultAggregateTests(SqliteAppFixture app) : ResultAggregateTests<SqliteAppFixture>(app);

public sealed class PostgresResultAggregateTests(PostgresAppFixture app) : ResultAggregateTests<PostgresAppFixture>(app);
