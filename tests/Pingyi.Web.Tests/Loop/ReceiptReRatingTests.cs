using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Loop;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>Raisers rate the handling through their receipt; the latest rating counts and the reply page reports them.</summary>
public abstract class ReceiptReRatingTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Re_ratings_are_stored_changeable_and_reported_on_the_reply_page()
    {
        var problem = await app.AddProblemAsync(app.UnitAId, "评价统计问题", "已整改完毕。", (app.UnitAId, MeasureState.Verified));
        var receipts = new List<HeldReceipt>();
        var opinions = new List<Opinion>();
        for (var i = 0; i < 4; i++)
        {
            receipts.Add(await app.NewReceiptAsync());
            opinions.Add(await app.AddReplyOpinionAsync(app.UnitAId, $"评价统计意见{i}", receipts[i].Hash, problem.Id));
        }
        // A merged opinion counts under the problem too; a staff-typed one holds no receipt and cannot rate.
        var mergedReceipt = await app.NewReceiptAsync();
        var merged = await app.AddReplyOpinionAsync(app.UnitAId, "评价统计合并意见", mergedReceipt.Hash, mergedInto: opinions[0].Id);
        await app.AddReplyOpinionAsync(app.UnitAId, "评价统计来信", null, problem.Id);

        async Task RateAsync(HeldReceipt receipt, Guid opinion, ReRating rating)
        {
            using var client = app.CreateClient();
            await client.ViewAsync(receipt.Code);
            var response = await client.RateAsync(opinion, ((int)rating).ToString());
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            Assert.Equal("/Receipt/View", response.Headers.Location!.OriginalString);
            var html = await client.GetHtmlAsync("/Receipt/View");
            Assert.Contains($"（您已评价：{OpinionLabels.ReRatings[rating]}）", html);
            Assert.Contains($"name=\"rating\" value=\"{(int)rating}\" checked=\"checked\"", html);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "checked=\"checked\""));
        }
        await RateAsync(receipts[0], opinions[0].Id, ReRating.Unsatisfied);
        await RateAsync(receipts[0], opinions[0].Id, ReRating.Satisfied);
        await RateAsync(receipts[1], opinions[1].Id, ReRating.BasicallySatisfied);
        await RateAsync(receipts[2], opinions[2].Id, ReRating.Unsatisfied);
        await RateAsync(mergedReceipt, merged.Id, ReRating.Satisfied);

        var stored = await app.WithDbAsync(db => db.Opinions.AsNoTracking().Where(o => o.Text.StartsWith("评价统计")).ToDictionaryAsync(o => o.Text));
        Assert.Equal(ReRating.Satisfied, stored["评价统计意见0"].ReRating);
        Assert.Equal(app.Today(), stored["评价统计意见0"].ReRatedOn);
        Assert.Equal(ReRating.BasicallySatisfied, stored["评价统计意见1"].ReRating);
        Assert.Null(stored["评价统计意见3"].ReRating);
        Assert.Null(stored["评价统计意见3"].ReRatedOn);
        Assert.Equal(ReRating.Satisfied, stored["评价统计合并意见"].ReRating);

        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var page = await sys.GetHtmlAsync($"/Problems/Reply/{problem.Id}");
        Assert.Contains("<dd id=\"rr-satisfied\">2</dd>", page);
        Assert.Contains("<dd id=\"rr-basic\">1</dd>", page);
        Assert.Contains("<dd id=\"rr-unsatisfied\">1</dd>", page);
        Assert.Contains("75.0%", page);
        Assert.Contains("已评价 4 条", page);
        Assert.Contains("共 6 条，其中提出人持有回执码 5 条，尚未评价 1 条", page);
        Assert.DoesNotContain("评价统计意见", page);
    }

    [Fact]
    public async Task An_unreplied_or_anothers_opinion_or_a_bad_rating_is_refused_and_nothing_stored()
    {
        var mine = await app.NewReceiptAsync();
        var other = await app.NewReceiptAsync();
        var replied = await app.AddProblemAsync(app.UnitAId, "拒绝评价已答复", "已处理。");
        var open = await app.AddProblemAsync(app.UnitAId, "拒绝评价未答复");
        var pending = await app.AddReplyOpinionAsync(app.UnitAId, "拒绝评价未答复意见", mine.Hash, open.Id);
        var mineReplied = await app.AddReplyOpinionAsync(app.UnitAId, "拒绝评价本人意见", mine.Hash, replied.Id);
        var theirs = await app.AddReplyOpinionAsync(app.UnitAId, "拒绝评价他人意见", other.Hash, replied.Id);

        using var client = app.CreateClient();
        await client.ViewAsync(mine.Code);
        Assert.Contains("尚未答复", await (await client.RateAsync(pending.Id, "1")).BodyAsync(HttpStatusCode.BadRequest));
        var foreign = await (await client.RateAsync(theirs.Id, "1")).BodyAsync(HttpStatusCode.BadRequest);
        Assert.Contains("没有找到这条意见", foreign);
        Assert.DoesNotContain("拒绝评价他人意见", foreign);
        foreach (var bad in new[] { "7", "0", "abc", "" })
        {
            Assert.Contains("请选择满意、基本满意或不满意", await (await client.RateAsync(mineReplied.Id, bad)).BodyAsync(HttpStatusCode.BadRequest));
        }
        var ratings = await app.WithDbAsync(db => db.Opinions.Where(o => o.Text.StartsWith("拒绝评价")).Select(o => o.ReRating).ToListAsync());
        Assert.All(ratings, Assert.Null);

        // Without the lookup's cookie a rating reaches nothing, even for the holder's own opinion.
        using var stranger = app.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.RateAsync(mineReplied.Id, "1")).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Opinions.Where(o => o.Id == mineReplied.Id).Select(o => o.ReRating).SingleAsync()));
    }
}

public sealed class SqliteReceiptReRatingTests(SqliteAppFixture app) : ReceiptReRatingTests<SqliteAppFixture>(app);

public sealed class PostgresReceiptReRatingTests(PostgresAppFixture app) : ReceiptReRatingTests<PostgresAppFixture>(app);
