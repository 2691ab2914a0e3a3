using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Loop;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Loop.Replies;
using Pingyi.Web.Pages.Receipt;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>A receipt shows its holder's own opinions and the replies reaching them, and nothing of anyone else's.</summary>
public abstract class ReceiptLookupTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Each_receipt_sees_its_own_opinion_and_the_reply_but_not_the_other_raisers()
    {
        var first = await app.NewReceiptAsync();
        var second = await app.NewReceiptAsync();
        var problem = await app.AddProblemAsync(app.UnitAId, "候诊时间长", "已增设两个挂号窗口，高峰期增派导诊。",
            (app.UnitAId, MeasureState.Verified), (app.UnitAId, MeasureState.InProgress), (app.BranchAId, MeasureState.Verified));
        var mine = await app.AddReplyOpinionAsync(app.UnitAId, "挂号排队太久一", first.Hash, problem.Id);
        var theirs = await app.AddReplyOpinionAsync(app.UnitAId, "候诊要等两小时二", second.Hash, problem.Id);
        var unrelated = await app.AddReplyOpinionAsync(app.UnitBId, "停车难三", null);

        using var client = app.CreateClient();
        var html = await client.ViewAsync(ReceiptCodes.Format(first.Code).ToLowerInvariant());
        Assert.Contains("挂号排队太久一", html);
        Assert.Contains("已增设两个挂号窗口，高峰期增派导诊。", html);
        Assert.Contains("已答复", html);
        Assert.Contains("已验收 2/3", html);
        Assert.Contains("name=\"rating\"", html);
        Assert.DoesNotContain("候诊要等两小时二", html);
        Assert.DoesNotContain(theirs.Id.ToString(), html);
        Assert.DoesNotContain("停车难三", html);
        Assert.DoesNotContain("测评票", html);

        using var other = app.CreateClient();
        var theirHtml = await other.ViewAsync(" " + second.Code[..6] + "  " + second.Code[6..]);
        Assert.Contains("候诊要等两小时二", theirHtml);
        Assert.DoesNotContain("挂号排队太久一", theirHtml);
        Assert.DoesNotContain(mine.Id.ToString(), theirHtml);
        Assert.DoesNotContain(unrelated.Id.ToString(), theirHtml);
    }

    [Fact]
    public async Task An_opinion_not_yet_replied_shows_in_progress_and_offers_no_rating()
    {
        var held = await app.NewReceiptAsync();
        var problem = await app.AddProblemAsync(app.UnitAId, "病房噪音", null, (app.UnitAId, MeasureState.Pending));
        await app.AddReplyOpinionAsync(app.UnitAId, "夜间病房太吵", held.Hash, problem.Id);
        await app.AddReplyOpinionAsync(app.UnitAId, "食堂饭菜偏咸", held.Hash);

        using var client = app.CreateClient();
        var html = await client.ViewAsync(held.Code);
        Assert.Contains("夜间病房太吵", html);
        Assert.Contains("食堂饭菜偏咸", html);
        Assert.Contains("处理中", html);
        Assert.Contains("已验收 0/1", html);
        Assert.DoesNotContain("已答复", html);
        Assert.DoesNotContain("name=\"rating\"", html);
    }

    [Fact]
    public async Task Merged_opinions_reach_the_reply_of_the_opinion_they_were_merged_into()
    {
        var kept = await app.NewReceiptAsync();
        var merged = await app.NewReceiptAsync();
        var direct = await app.NewReceiptAsync();
        var problem = await app.AddProblemAsync(app.UnitAId, "收费不透明", "收费明细已在大厅公示并可扫码查询。", (app.UnitAId, MeasureState.Verified));
        var target = await app.AddReplyOpinionAsync(app.UnitAId, "收费看不明白", kept.Hash, problem.Id);
        // Merged before the group became a problem: only the link to the opinion it joined leads to the reply.
        await app.AddReplyOpinionAsync(app.UnitAId, "费用清单看不懂", merged.Hash, mergedInto: target.Id);
        var answered = await app.AddReplyOpinionAsync(app.UnitBId, "表扬护士小王", null, reply: "感谢您的肯定，已转告本人。");
        await app.AddReplyOpinionAsync(app.UnitBId, "护士小王很耐心", direct.Hash, mergedInto: answered.Id);

        using var client = app.CreateClient();
        var html = await client.ViewAsync(merged.Code);
        Assert.Contains("费用清单看不懂", html);
        Assert.Contains("收费明细已在大厅公示并可扫码查询。", html);
        Assert.Contains("已验收 1/1", html);
        Assert.DoesNotContain("收费看不明白", html);

        var praise = await client.ViewAsync(direct.Code);
        Assert.Contains("护士小王很耐心", praise);
        Assert.Contains("感谢您的肯定，已转告本人。", praise);
        Assert.DoesNotContain("表扬护士小王", praise);
    }

    [Fact]
    public async Task A_phone_ballots_receipt_shows_its_counted_ballots_and_own_remarks_without_the_code_in_any_url()
    {
        var world = await app.AddBallotWorldAsync("回执查询流程");
        var slip = await app.AddSlipAsync(world);
        var (client, cookies) = app.CookieClient();
        await client.OpenAsync(slip);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.SubmitAsync(PhoneBallotArrange.FullAnswers(world, "夜间门诊太少"))).StatusCode);
        var done = await client.GetHtmlAsync("/V/Done");
        Assert.Contains("凭回执码可在 <a href=\"/Receipt\">/Receipt</a> 查询意见处理结果并评价", done);
        var printed = System.Text.RegularExpressions.Regex.Match(done, "receipt-code[^>]*>([^<]+)<").Groups[1].Value;

        var response = await client.LookUpAsync(printed);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal("/Receipt/View", location);
        var code = printed.Replace("-", "");
        var hash = await app.Factory.Services.GetRequiredService<TokenKey>().HashAsync(code);
        var cookie = Assert.Single(cookies.GetAllCookies(), c => c.Name == ReceiptCookie.Name);
        Assert.Equal("/Receipt", cookie.Path);
        Assert.True(cookie.HttpOnly);
        Assert.DoesNotContain(code, cookie.Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(hash, cookie.Value, StringComparison.OrdinalIgnoreCase);

        var html = await client.GetHtmlAsync(location);
        Assert.Contains("「回执查询流程」：2 张测评票已计入统计", html);
        Assert.Contains($"夜间门诊太少{world.MatrixSubjectIds[0]}", html);
        Assert.DoesNotContain(code, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(hash, html);
        var ballotIds = await app.WithDbAsync(db => db.Ballots.Where(b => b.CampaignId == world.CampaignId).Select(b => b.Id).ToListAsync());
        Assert.All(ballotIds, id => Assert.DoesNotContain(id.ToString(), html));

        // An excluded ballot is told as not counted: the figure, never which one or why.
        await app.WithDbAsync(async db =>
        {
            var exclusion = new Domain.Results.BallotExclusion { CampaignId = world.CampaignId, Reason = "测试", BallotCount = 1, CreatedBy = "sys", CreatedUtc = DateTime.UtcNow };
            db.BallotExclusions.Add(exclusion);
            await db.SaveChangesAsync();
            var ballot = await db.Ballots.FirstAsync(b => b.CampaignId == world.CampaignId);
            ballot.ExclusionId = exclusion.Id;
            await db.SaveChangesAsync();
        });
        Assert.Contains("「回执查询流程」：2 张测评票中 1 张计入统计", await client.GetHtmlAsync("/Receipt/View"));
    }

    [Fact]
    public async Task An_unknown_code_and_a_code_of_another_kind_get_the_identical_neutral_page()
    {
        var world = await app.AddBallotWorldAsync("回执查询异类码");
        var slip = await app.AddSlipAsync(world);
        // A token whose code looks exactly like a receipt: the lookup must not reach the codes table.
        var lookalike = TokenCodes.NewReceipt();
        var key = app.Factory.Services.GetRequiredService<TokenKey>();
        await app.WithDbAsync(async db =>
        {
            var token = await db.Tokens.SingleAsync(t => t.Id == slip.TokenId);
            token.ShortHash = await key.HashAsync(lookalike);
            await db.SaveChangesAsync();
        });

        using var client = app.CreateClient();
        var random = await client.LookUpAsync(TokenCodes.NewReceipt());
        var otherKind = await client.LookUpAsync(lookalike);
        var randomHtml = await random.BodyAsync(HttpStatusCode.NotFound);
        var otherHtml = await otherKind.BodyAsync(HttpStatusCode.NotFound);
        Assert.Contains(ReceiptMessages.Unknown, randomHtml);
        Assert.Equal(LoopReplyArrange.WithoutAntiForgery(randomHtml), LoopReplyArrange.WithoutAntiForgery(otherHtml));
        Assert.Null(random.Headers.Location);
        Assert.Null(otherKind.Headers.Location);
        Assert.False(otherKind.Headers.Contains("Set-Cookie") && otherKind.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(ReceiptCookie.Name)));
        Assert.Contains(ReceiptMessages.Expired, await (await client.GetAsync("/Receipt/View")).BodyAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("ABCD-EFGH-JK")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("ABCD-EFGH-JK0O")]
    [InlineData("")]
    public async Task Malformed_input_gets_a_chinese_message_and_is_not_echoed(string typed)
    {
        using var client = app.CreateClient();
        var html = await (await client.LookUpAsync(typed)).BodyAsync(HttpStatusCode.BadRequest);
        Assert.Contains(ReceiptMessages.Malformed, html);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.DoesNotContain("value=\"ABCD", html);
    }

    [Fact]
    public async Task A_token_code_as_printed_is_no_receipt()
    {
        var world = await app.AddBallotWorldAsync("回执查询评议码");
        var slip = await app.AddSlipAsync(world);
        using var client = app.CreateClient();
        Assert.Contains(ReceiptMessages.Malformed, await (await client.LookUpAsync(TokenCodes.FormatShort(slip.ShortCode))).BodyAsync(HttpStatusCode.BadRequest));
        Assert.Contains(ReceiptMessages.Malformed, await (await client.LookUpAsync(slip.LongCode)).BodyAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Without_or_with_a_forged_cookie_the_holders_page_shows_nothing()
    {
        var held = await app.NewReceiptAsync();
        await app.AddReplyOpinionAsync(app.UnitAId, "伪造回执页面", held.Hash);
        using var client = app.CreateClient();
        var html = await (await client.GetAsync("/Receipt/View")).BodyAsync(HttpStatusCode.BadRequest);
        Assert.Contains(ReceiptMessages.Expired, html);

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/Receipt/View");
        forged.Headers.Add("Cookie", $"{ReceiptCookie.Name}={held.Hash}");
        var forgedHtml = await (await client.Http.SendAsync(forged)).BodyAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain("伪造回执页面", forgedHtml);
    }

    [Fact]
    public async Task The_lookup_is_public_and_linked_from_the_public_pages()
    {
        using var client = app.CreateClient();
        var form = await client.GetHtmlAsync("/Receipt");
        Assert.Contains("<body class=\"phone\">", form);
        Assert.Contains("method=\"post\"", form);
        Assert.Contains("<label for=\"code\">回执码</label>", form);
        Assert.DoesNotContain("<script", form);
        Assert.Contains("href=\"/Receipt\"", await client.GetHtmlAsync("/"));
        Assert.Contains("href=\"/Replies\"", await client.GetHtmlAsync("/"));
        Assert.Contains("href=\"/Suggest\"", await client.GetHtmlAsync("/"));
        // A code in the query string is never read: the form alone carries it.
        var held = await app.NewReceiptAsync();
        await app.AddReplyOpinionAsync(app.UnitAId, "查询串中的回执码", held.Hash);
        var get = await client.GetAsync($"/Receipt?code={held.Code}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.DoesNotContain("查询串中的回执码", await get.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Receipt/View")).StatusCode);
    }
}

public sealed class SqliteReceiptLookupTests(SqliteAppFixture app) : ReceiptLookupTests<SqliteAppFixture>(app);

public sealed class PostgresReceiptLookupTests(PostgresAppFixture app) : ReceiptLookupTests<PostgresAppFixture>(app);
