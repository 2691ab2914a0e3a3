using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Web.Features.Loop.Replies;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>反馈 is written by the problem owner's side, beside its measures, audited by problem only.</summary>
public abstract class ReplyPageTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static KeyValuePair<string, string>[] Reply(string text) => [new("Text", text)];

    private Task<(string? Reply, DateOnly? On, string? By)> StoredAsync(int problemId) =>
        app.WithDbAsync(async db =>
        {
            var p = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == problemId);
            return (p.Reply, p.RepliedOn, p.RepliedBy);
        });

    [Fact]
    public async Task The_owner_writes_and_revises_the_reply_and_the_audit_names_only_the_problem()
    {
        var problem = await app.AddProblemAsync(app.UnitAId, "反馈填写问题", null, (app.UnitAId, MeasureState.Verified), (app.BranchAId, MeasureState.AwaitingVerification));
        await app.AddReplyOpinionAsync(app.UnitAId, "反馈填写意见原文", (await app.NewReceiptAsync()).Hash, problem.Id);
        using var admin = await app.SignInAsync(AppFixture.AdminA);

        var page = await admin.GetHtmlAsync($"/Problems/Reply/{problem.Id}");
        Assert.Contains("反馈填写问题措施1", page);
        Assert.Contains("已验收 1/2", page);
        Assert.Contains("待验收", page);
        Assert.Contains("尚有 1 项整改措施未验收", page);
        Assert.Contains("<label for=\"reply-text\">", page);

        var saved = await admin.PostFormAsync($"/Problems/Reply/{problem.Id}", Reply("  已完成窗口调整。\n下一步：持续改进。  "));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(("已完成窗口调整。\n下一步：持续改进。", app.Today(), AppFixture.AdminA), await StoredAsync(problem.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Problems/Reply/{problem.Id}", Reply("修改后的反馈"))).StatusCode);
        Assert.Equal("修改后的反馈", (await StoredAsync(problem.Id)).Reply);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ProblemReply && e.ObjectId == problem.Id.ToString())
            .OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["填写反馈", "修改反馈"], audit.Select(e => e.Detail));
        Assert.All(audit, e =>
        {
            Assert.Equal("Problem", e.ObjectType);
            Assert.Equal(AppFixture.AdminA, e.Actor);
            Assert.DoesNotContain("反馈填写意见原文", e.Detail);
            Assert.DoesNotContain("窗口调整", e.Detail);
        });
    }

    [Fact]
    public async Task No_warning_once_every_measure_is_verified()
    {
        var problem = await app.AddProblemAsync(app.UnitAId, "全部验收问题", null, (app.UnitAId, MeasureState.Verified));
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var page = await admin.GetHtmlAsync($"/Problems/Reply/{problem.Id}");
        Assert.Contains("已验收 1/1", page);
        Assert.DoesNotContain("reply-warning", page);
    }

    [Fact]
    public async Task A_neighbours_problem_answers_404_and_nothing_changes()
    {
        var problem = await app.AddProblemAsync(app.UnitBId, "邻居反馈问题", "原反馈", (app.UnitBId, MeasureState.Pending));
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Problems/Reply/{problem.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync($"/Problems/Reply/{problem.Id}", Reply("越权反馈"))).StatusCode);
        Assert.Equal("原反馈", (await StoredAsync(problem.Id)).Reply);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Denied && e.ObjectType == "Problem" && e.ObjectId == problem.Id.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Problems/Reply/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Problems/Reply/abc")).StatusCode);
    }

    [Fact]
    public async Task A_unit_carrying_out_a_measure_of_the_bureaus_problem_cannot_write_its_reply()
    {
        var problem = await app.AddProblemAsync(app.BureauId, "局级反馈问题", null, (app.UnitAId, MeasureState.InProgress));
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var page = await admin.GetHtmlAsync($"/Problems/Reply/{problem.Id}");
        Assert.Contains(ReplyCommands.NotOwner, page);
        Assert.DoesNotContain("name=\"Text\"", page);

        var refused = await admin.PostFormAsync($"/Problems/Reply/{problem.Id}", Reply("下级代为反馈"));
        Assert.Contains(ReplyCommands.NotOwner, await refused.BodyAsync(HttpStatusCode.Forbidden));
        Assert.Equal((null, null, null), await StoredAsync(problem.Id));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Denied && e.ObjectId == problem.Id.ToString() && e.Actor == AppFixture.AdminA)));

        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"/Problems/Reply/{problem.Id}", Reply("局里统一反馈"))).StatusCode);
        Assert.Equal("局里统一反馈", (await StoredAsync(problem.Id)).Reply);
    }

    [Theory]
    [InlineData(2001, "反馈内容不能超过2000字")]
    [InlineData(0, "请填写反馈内容")]
    public async Task An_overlong_or_missing_reply_is_refused_in_chinese_and_nothing_stored(int length, string message)
    {
        var problem = await app.AddProblemAsync(app.UnitAId, "反馈长度问题" + length);
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var html = await (await admin.PostFormAsync($"/Problems/Reply/{problem.Id}", Reply(new string('长', length)))).BodyAsync(HttpStatusCode.OK);
        Assert.Contains(message, html);
        Assert.Equal((null, null, null), await StoredAsync(problem.Id));
    }

    [Fact]
    public async Task Hostile_reply_text_is_stored_as_typed_and_shown_inert_to_the_writer()
    {
        var problem = await app.AddProblemAsync(app.UnitAId, "<b>反馈敌意标题</b>");
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Problems/Reply/{problem.Id}", Reply("<script>alert('x')</script>"))).StatusCode);
        var html = await admin.GetHtmlAsync($"/Problems/Reply/{problem.Id}");
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>反馈敌意标题</b>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task Signed_out_visitors_and_auditors_cannot_open_the_reply_page()
    {
        var problem = await app.AddProblemAsync(app.UnitAId, "反馈权限问题");
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync($"/Problems/Reply/{problem.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
        using var auditor = await app.SignInAsync(AppFixture.Auditor);
        Assert.NotEqual(HttpStatusCode.OK, (await auditor.GetAsync($"/Problems/Reply/{problem.Id}")).StatusCode);
    }
}

public sealed class SqliteReplyPageTests(SqliteAppFixture app) : ReplyPageTests<SqliteAppFixture>(app);

public sealed class PostgresReplyPageTests(PostgresAppFixture app) : ReplyPageTests<PostgresAppFixture>(app);
