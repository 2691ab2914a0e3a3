using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Loop;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Loop.Opinions;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Loop.OpinionArrange;

namespace Pingyi.Web.Tests.Loop;

/// <summary>
/// The public suggestion box: anonymous, stored without anything about the sender, answered with a
/// receipt carried in a protected cookie. Stays under the hourly allowance of one address (the
/// throttle has its own class and fixture).
/// </summary>
public abstract partial class OpinionSuggestTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [GeneratedRegex("class=\"receipt-code\" lang=\"en\">([A-Z0-9-]+)<")]
    private static partial Regex ReceiptPattern();

    [Fact]
    public async Task A_suggestion_is_stored_anonymously_and_its_receipt_works_as_a_hash()
    {
        var (client, cookies) = app.CookieClient();
        var form = await client.GetHtmlAsync("/Suggest");
        Assert.Contains("<body class=\"phone\">", form);
        Assert.Contains("甲医院党支部", form);
        var category = await app.WithDbAsync(db => db.OpinionCategories.Where(c => c.Name == "就医环境").Select(c => c.Id).SingleAsync());
        var auditsBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await client.PostFormAsync("/Suggest", [new("OrganizationId", I(app.BranchAId)), new("CategoryId", I(category)), new("Text", "候诊区太吵，希望加强管理")], "/Suggest");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/Suggest/Done", response.Headers.Location!.OriginalString);
        var done = await client.GetHtmlAsync("/Suggest/Done");
        var receipt = ReceiptPattern().Match(done).Groups[1].Value.Replace("-", "", StringComparison.Ordinal);
        Assert.Equal(12, receipt.Length);
        Assert.Contains("查询处理结果和评价", done);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Value.Contains(receipt, StringComparison.Ordinal));

        var stored = await app.WithDbAsync(db => db.Opinions.AsNoTracking().SingleAsync(o => o.Text == "候诊区太吵，希望加强管理"));
        Assert.Equal(OpinionSource.PublicBox, stored.Source);
        Assert.Equal(app.BranchAId, stored.OrganizationId);
        Assert.Equal(category, stored.CategoryId);
        Assert.Equal(app.Today(), stored.ReceivedOn);
        Assert.Null(stored.RecordedBy);
        Assert.Null(stored.SourceNote);
        Assert.Null(stored.CampaignId);
        Assert.Equal(4, stored.Id.Version);
        Assert.Equal(await app.Factory.Services.GetRequiredService<TokenKey>().HashAsync(receipt), stored.ReceiptHash);
        Assert.Equal(auditsBefore, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));

        // The receipt is shown to the browser that sent it, and to no other.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/Suggest/Done")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_a_chinese_message_and_stores_nothing()
    {
        var (client, _) = app.CookieClient();
        var before = await app.OpinionsSnapshotAsync();
        var cases = new (List<KeyValuePair<string, string>> Fields, string Message)[]
        {
            ([new("OrganizationId", I(app.UnitAId)), new("Text", "  ")], "请填写意见建议的内容。"),
            ([new("OrganizationId", I(app.UnitAId)), new("Text", new string('多', OpinionRules.PublicTextMaxLength + 1))], "不能超过1000个字"),
            ([new("OrganizationId", "999999"), new("Text", "没有这个单位")], "请选择意见涉及的单位。"),
            ([new("OrganizationId", "abc"), new("Text", "单位乱填")], "填写的内容格式不正确"),
            ([new("OrganizationId", I(app.UnitAId)), new("CategoryId", "999999"), new("Text", "类别乱填")], "请选择有效的意见类别。"),
        };
        foreach (var (fields, message) in cases)
        {
            var response = await client.PostFormAsync("/Suggest", fields, "/Suggest");
            Assert.Contains(message, await response.BodyAsync(HttpStatusCode.OK));
        }
        // Without the anti-forgery token the post is refused.
        var forged = await client.Http.PostAsync("/Suggest", new FormUrlEncodedContent([new("OrganizationId", I(app.UnitAId)), new("Text", "伪造的提交")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await app.OpinionsSnapshotAsync());
    }

    [Fact]
    public async Task Hostile_text_from_the_public_is_stored_as_typed_and_shown_inert()
    {
        const string Hostile = "<img src=x onerror=alert(1)>=cmd|' /C calc'!A0";
        var (client, _) = app.CookieClient();
        var response = await client.PostFormAsync("/Suggest", [new("OrganizationId", I(app.UnitAId)), new("Text", Hostile)], "/Suggest");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var id = await app.WithDbAsync(db => db.Opinions.Where(o => o.Text == Hostile).Select(o => o.Id).SingleAsync());
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var html = await admin.GetHtmlAsync($"/Opinions/Detail/{id}");
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("网上意见箱", html);
    }
}

/// <summary>One address may leave five suggestions an hour; the sixth gets a Chinese page and stores nothing.</summary>
public abstract class OpinionSuggestThrottleTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_sixth_suggestion_within_the_hour_is_refused()
    {
        var (client, _) = app.CookieClient();
        // Mistakes do not use up the allowance.
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/Suggest", [new("OrganizationId", I(app.UnitAId)), new("Text", "")], "/Suggest")).StatusCode);
        for (var i = 0; i < SuggestionThrottle.PerHour; i++)
        {
            var ok = await client.PostFormAsync("/Suggest", [new("OrganizationId", I(app.UnitAId)), new("Text", $"限流测试第{i}条")], "/Suggest");
            Assert.Equal(HttpStatusCode.SeeOther, ok.StatusCode);
        }
        var refused = await client.PostFormAsync("/Suggest", [new("OrganizationId", I(app.UnitAId)), new("Text", "限流测试第六条")], "/Suggest");
        Assert.Contains(Pingyi.Web.Pages.Suggest.IndexModel.ThrottledMessage, await refused.BodyAsync(HttpStatusCode.TooManyRequests));
        Assert.Equal(SuggestionThrottle.PerHour, await app.WithDbAsync(db => db.Opinions.CountAsync(o => o.Text.StartsWith("限流测试"))));

        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostFormAsync("/Suggest", [new("OrganizationId", I(app.UnitAId)), new("Text", "限流测试一小时后")], "/Suggest")).StatusCode);
    }
}

public sealed class SqliteOpinionSuggestTests(SqliteAppFixture a) : OpinionSuggestTests<SqliteAppFixture>(a);

public sealed class PostgresOpinionSuggestTests(PostgresAppFixture a) : OpinionSuggestTests<PostgresAppFixture>(a);

public sealed class SqliteOpinionSuggestThrottleTests(SqliteAppFixture a) : OpinionSuggestThrottleTests<SqliteAppFixture>(a);

public sealed class PostgresOpinionSuggestThrottleTests(PostgresAppFixture a) : OpinionSuggestThrottleTests<PostgresAppFixture>(a);
