using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Loop;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Ballots.BallotArrange;

namespace Pingyi.Web.Tests.Loop;

/// <summary>
/// Free text on a ballot becomes an opinion in the ballot's own transaction: one per remark, on the
/// organisation of its subject, dated, holding the receipt's hash and nothing naming the ballot.
/// </summary>
public abstract class OpinionCarryOverTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Each_remark_becomes_one_anonymous_opinion_on_its_subjects_organisation()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, "意见转入");
        var codes = await app.IssueAsync(campaign, 3);

        var first = await sys.Http.SubmitAsync(codes[0].Long, Answers(campaign, "挂号排队时间太长", v => v["text"] = ["候诊区座位太少"]));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var receipt = (await first.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["receipt"];
        // Blank and whitespace-only remarks are no opinions.
        Assert.Equal(HttpStatusCode.Created, (await sys.Http.SubmitAsync(codes[1].Long, Answers(campaign, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await sys.Http.SubmitAsync(codes[2].Long, Answers(campaign, "   "))).StatusCode);

        var hash = await app.Factory.Services.GetRequiredService<TokenKey>().HashAsync(receipt);
        var opinions = await app.WithDbAsync(db => db.Opinions.AsNoTracking().Where(o => o.CampaignId == campaign.Id).ToListAsync());
        Assert.Equal(2, opinions.Count);
        Assert.Equal("候诊区座位太少", opinions.Single(o => o.OrganizationId == app.UnitAId).Text);
        Assert.Equal("挂号排队时间太长", opinions.Single(o => o.OrganizationId == app.UnitBId).Text);
        Assert.All(opinions, o =>
        {
            Assert.Equal(OpinionSource.Ballot, o.Source);
            Assert.Equal(hash, o.ReceiptHash);
            Assert.Equal(app.Today(), o.ReceivedOn);
            Assert.Equal(4, o.Id.Version);
            Assert.Null(o.RecordedBy);
            Assert.Null(o.ProblemId);
        });
        // The remark is still on the ballot too, and no opinion id is any ballot's id.
        var ballotIds = await app.WithDbAsync(db => db.Ballots.Where(b => b.CampaignId == campaign.Id).Select(b => b.Id).ToListAsync());
        Assert.Empty(ballotIds.Intersect(opinions.Select(o => o.Id)));
    }

    [Fact]
    public async Task A_refused_ballot_leaves_no_opinion()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, "意见转入拒绝");
        var codes = await app.IssueAsync(campaign, 1);
        Assert.Equal(HttpStatusCode.Created, (await sys.Http.SubmitAsync(codes[0].Long, Answers(campaign, "第一次"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await sys.Http.SubmitAsync(codes[0].Long, Answers(campaign, "第二次"))).StatusCode);
        var texts = await app.WithDbAsync(db => db.Opinions.Where(o => o.CampaignId == campaign.Id).Select(o => o.Text).ToListAsync());
        Assert.Equal(["第一次", "第一次"], texts);
    }

    [Fact]
    public async Task The_default_categories_are_seeded_in_order()
    {
        var names = await app.WithDbAsync(db => db.OpinionCategories.OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync());
        Assert.Equal(OpinionCategory.Defaults, names);
    }
}

public sealed class SqliteOpinionCarryOverTests(SqliteAppFixture app) : OpinionCarryOverTests<SqliteAppFixture>(app);

public sealed class PostgresOpinionCarryOverTests(PostgresAppFixture app) : OpinionCarryOverTests<PostgresAppFixture>(app);
