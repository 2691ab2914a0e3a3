using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Loop.Opinions;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using Pingyi.Web.Tests.Loop;
using static Pingyi.Web.Tests.Publishing.PublicationArrange;

namespace Pingyi.Web.Tests.Publishing;

/// <summary>
/// 异议 from the public: anonymous, answered with a receipt, handled by the administrator and read
/// back through the receipt. Lodges at most four objections, under one address's hourly allowance
/// (flooding has its own class and fixture).
/// </summary>
public abstract class ObjectionTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private const string Hostile = "<script>alert(1)</script><b>粗</b>=cmd|' /C calc'!A0'; DROP TABLE \"Objections\";--";

    [Fact]
    public async Task A_hostile_objection_is_stored_as_typed_shown_inert_answered_and_read_through_its_receipt_only()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.ClosedCampaignAsync(sys, app.UnitAId, "异议-流程", app.UnitAId, app.BranchAId);
        var id = await sys.PublishedAsync(app, c.Id);
        var subject = c.SubjectOf[app.BranchAId];
        var logs = new CapturedLogs();
        await using var logged = app.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var visitor = new TestClient(logged.CreateDefaultClient(new CookieContainerHandler(new System.Net.CookieContainer())));
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;

        var page = await visitor.GetHtmlAsync($"/Gongshi/{id}");
        Assert.Contains("提出异议", page);
        var printed = await visitor.LodgedAsync(id, Hostile, I(subject));
        var receipt = printed.Replace("-", "", StringComparison.Ordinal);
        Assert.Equal(12, receipt.Length);
        // Shown once: the receipt's page is gone for any other browser.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/Gongshi/Done")).StatusCode);

        var stored = await app.WithDbAsync(db => db.Objections.AsNoTracking().SingleAsync(o => o.PublicationId == id));
        Assert.Equal((Hostile, (int?)subject, app.Today(), ObjectionState.Pending), (stored.Text, stored.SubjectId, stored.ReceivedOn, stored.State));
        Assert.Equal(4, stored.Id.Version);
        var hash = await app.Factory.Services.GetRequiredService<TokenKey>().HashAsync(receipt);
        Assert.Equal(hash, stored.ReceiptHash);

        var detail = await sys.GetHtmlAsync($"/Publications/Detail/{id}");
        Assert.DoesNotContain("<script>alert(1)", detail);
        Assert.DoesNotContain("<b>粗</b>", detail);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", detail);
        Assert.Contains("涉及：甲医院党支部", detail);

        var before = await visitor.ViewAsync(printed);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", before);
        Assert.DoesNotContain("<script>alert(1)", before);
        Assert.Contains("待处理", before);
        Assert.DoesNotContain("我的意见建议", before);

        Assert.Equal(HttpStatusCode.Redirect, (await sys.ActAsync(id, "Answer", ("objection", stored.Id.ToString()),
            ("verdict", I((int)ObjectionState.Dismissed)), ("answer", "经复核不成立<img src=x onerror=alert(2)>"))).StatusCode);
        var after = await visitor.ViewAsync(printed.ToLowerInvariant());
        Assert.Contains("异议不成立", after);
        Assert.Contains("经复核不成立&lt;img src=x onerror=alert(2)&gt;", after);
        Assert.DoesNotContain("<img src=x", after);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Id > auditBefore)
            .Select(e => e.Action + " " + e.ObjectType + " " + e.ObjectId + " " + e.Detail + " " + e.Ip).ToListAsync());
        Assert.Single(audit);
        var trail = string.Join("\n", logs.Lines.Concat(audit));
        foreach (var secret in new[] { receipt, printed, hash, stored.Id.ToString(), stored.Id.ToString("N"), "alert(1)", "DROP TABLE", "经复核不成立" })
        {
            Assert.DoesNotContain(secret, trail, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Missing_overlong_or_malformed_objections_are_refused_in_chinese_and_nothing_is_stored()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.ClosedCampaignAsync(sys, app.UnitAId, "异议-校验", app.UnitAId);
        var other = await app.ClosedCampaignAsync(sys, app.UnitAId, "异议-校验-其他", app.BranchAId);
        var id = await sys.PublishedAsync(app, c.Id);
        var (visitor, _) = app.CookieClient();
        var cases = new (string Text, string Subject, string Message)[]
        {
            ("   ", "", "请填写异议内容。"),
            (new string('异', Objection.TextMaxLength + 1), "", "异议内容不能超过1000字（现有1001字）。"),
            ("别的活动的对象", I(other.SubjectOf[app.BranchAId]), "请从列表中选择异议涉及的评议对象"),
            ("对象乱填", "abc", "填写的内容格式不正确"),
        };
        foreach (var (text, subject, message) in cases)
        {
            Assert.Contains(message, await (await visitor.LodgeAsync(id, text, subject)).BodyAsync(HttpStatusCode.BadRequest));
        }
        // Without the anti-forgery token the post is refused.
        var forged = await visitor.Http.PostAsync($"/Gongshi/{id}", new FormUrlEncodedContent([new("Text", "伪造的异议")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Objections.AnyAsync(o => o.PublicationId == id)));

        // Outside the period: a clear message, nothing stored; an unknown notice is a 404.
        await app.EndPeriodAsync(id);
        var closed = await visitor.GetHtmlAsync($"/Gongshi/{id}");
        Assert.Contains(PublicationRules.OutsidePeriod, closed);
        Assert.DoesNotContain("name=\"Text\"", closed);
        Assert.Contains(PublicationRules.OutsidePeriod, await (await visitor.PostFormAsync($"/Gongshi/{id}", [new("Text", "过期异议")], tokenPage: "/Suggest"))
            .BodyAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.PostFormAsync("/Gongshi/987654321", [new("Text", "没有这个公示")], tokenPage: "/Suggest")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Objections.AnyAsync(o => o.Text == "过期异议" || o.Text == "没有这个公示")));
    }

    [Fact]
    public async Task A_withdrawn_notice_takes_no_objection_and_an_unknown_receipt_gets_the_neutral_page()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.ClosedCampaignAsync(sys, app.UnitAId, "异议-撤回", app.UnitAId);
        var id = await sys.PublishedAsync(app, c.Id);
        var (visitor, _) = app.CookieClient();
        var token = await visitor.TokenAsync($"/Gongshi/{id}");
        await sys.ActAsync(id, "Withdraw", ("reason", "撤回后不收异议"));
        var response = await visitor.Http.PostAsync($"/Gongshi/{id}", new FormUrlEncodedContent([new("Text", "撤回后的异议"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Objections.AnyAsync(o => o.PublicationId == id)));

        var miss = await visitor.LookUpAsync(Pingyi.Domain.Ballots.TokenCodes.NewReceipt());
        Assert.Contains(Pingyi.Web.Pages.Receipt.ReceiptMessages.Unknown, await miss.BodyAsync(HttpStatusCode.NotFound));
    }
}

/// <summary>One address may lodge five objections an hour; the sixth is refused and stores nothing. Suggestions keep their own allowance.</summary>
public abstract class ObjectionThrottleTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_sixth_objection_within_the_hour_is_refused()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.ClosedCampaignAsync(sys, app.UnitAId, "异议-限流", app.UnitAId);
        var id = await sys.PublishedAsync(app, c.Id);
        var (visitor, _) = app.CookieClient();
        // Mistakes do not use up the allowance.
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.LodgeAsync(id, "")).StatusCode);
        for (var i = 0; i < SuggestionThrottle.PerHour; i++)
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await visitor.LodgeAsync(id, $"限流异议{i}")).StatusCode);
        }
        var refused = await visitor.LodgeAsync(id, "限流异议第六条");
        Assert.Contains(Pingyi.Web.Pages.Gongshi.NoticeModel.ThrottledMessage, await refused.BodyAsync(HttpStatusCode.TooManyRequests));
        Assert.Equal(SuggestionThrottle.PerHour, await app.WithDbAsync(db => db.Objections.CountAsync(o => o.PublicationId == id)));

        // The suggestion box counts apart.
        var suggestion = await visitor.PostFormAsync("/Suggest", [new("OrganizationId", I(app.UnitAId)), new("Text", "限流时的意见")], "/Suggest");
        Assert.Equal(HttpStatusCode.SeeOther, suggestion.StatusCode);
    }
}

public sealed class SqliteObjectionTests(SqliteAppFixture a) : ObjectionTests<SqliteAppFixture>(a);

public sealed class PostgresObjectionTests(PostgresAppFixture a) : ObjectionTests<PostgresAppFixture>(a);

public sealed class SqliteObjectionThrottleTests(SqliteAppFixture a) : ObjectionThrottleTests<SqliteAppFixture>(a);

public sealed class PostgresObjectionThrottleTests(PostgresAppFixture a) : ObjectionThrottleTests<PostgresAppFixture>(a);
