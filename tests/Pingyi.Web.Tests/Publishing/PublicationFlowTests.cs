using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Publishing.PublicationArrange;

namespace Pingyi.Web.Tests.Publishing;

/// <summary>
/// Publishing a closed campaign, the public page's life (up while the notice stands, 404 otherwise),
/// finalising and withdrawing. Objections here are arranged in the database: lodging has its own
/// classes, so the hourly allowance of the test client's address is never touched.
/// </summary>
public abstract class PublicationFlowTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Publish_then_finalise_only_after_the_period_and_with_every_objection_answered()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.ClosedCampaignAsync(sys, app.UnitAId, "公示-流程", app.UnitAId, app.BranchAId);
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Contains("发布公示", await admin.GetHtmlAsync($"/Publications/New?campaignId={c.Id}"));

        var id = await admin.PublishedAsync(app, c.Id, "3");

        var p = await app.WithDbAsync(db => db.Publications.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal((app.Today(), 3, PublicationState.Notice, AppFixture.AdminA), (p.StartsOn, p.NoticeDays, p.State, p.PublishedBy));
        Assert.True(p.EndsOn >= app.Today().AddDays(2));
        Assert.Equal((PublicationState.Notice, CampaignState.Published), await app.StatesAsync(id));
        Assert.NotNull(await app.WithDbAsync(db => db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.PublishedUtc).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PublicationPublish && e.ObjectId == I(id))));
        var list = await admin.GetHtmlAsync("/Publications");
        Assert.Contains("公示-流程", list);
        Assert.Contains("公示中", list);
        // Publishing twice is refused: one standing notice per campaign, and the form leads to it.
        Assert.Equal($"/Publications/Detail/{id}", (await admin.GetAsync($"/Publications/New?campaignId={c.Id}")).Headers.Location!.OriginalString);
        Assert.Contains("该活动已有公示，请先撤回原公示。", await (await admin.PublishAsync(c.Id)).BodyAsync(HttpStatusCode.OK));

        // During the period: refused.
        Assert.Contains("期满后才能确认生效", await (await admin.ActAsync(id, "Finalize")).BodyAsync(HttpStatusCode.BadRequest));
        await app.EndPeriodAsync(id);
        var objection = await app.AddObjectionAsync(id, "流程异议");
        Assert.Contains("还有1条异议待处理", await (await admin.ActAsync(id, "Finalize")).BodyAsync(HttpStatusCode.BadRequest));
        Assert.Equal((PublicationState.Notice, CampaignState.Published), await app.StatesAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.ActAsync(id, "Answer", ("objection", objection.ToString()),
            ("verdict", I((int)ObjectionState.Dismissed)), ("answer", "经核实，统计无误。"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.ActAsync(id, "Finalize")).StatusCode);

        Assert.Equal((PublicationState.Final, CampaignState.Published), await app.StatesAsync(id));
        var page = await app.CreateClient().GetHtmlAsync($"/Gongshi/{id}");
        Assert.Contains("公示已生效，不再接收异议。", page);
        Assert.DoesNotContain("name=\"Text\"", page);
        Assert.Contains("已生效", await admin.GetHtmlAsync($"/Publications/Detail/{id}"));
    }

    [Fact]
    public async Task Answering_needs_a_verdict_and_a_text_and_changes_nothing_otherwise()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.ClosedCampaignAsync(sys, app.UnitAId, "公示-答复校验", app.UnitAId);
        var id = await sys.PublishedAsync(app, c.Id);
        var objection = await app.AddObjectionAsync(id, "答复校验异议");
        var o = objection.ToString();
        var cases = new ((string, string)[] Fields, string Message)[]
        {
            ([("objection", o), ("verdict", "2"), ("answer", " ")], "请填写答复内容。"),
            ([("objection", o), ("verdict", "2"), ("answer", new string('答', Objection.AnswerMaxLength + 1))], "答复内容不能超过2000字"),
            ([("objection", o), ("verdict", "1"), ("answer", "待处理不是答复")], "请选择异议成立或不成立。"),
            ([("objection", o), ("answer", "没有选择")], "请选择异议成立或不成立。"),
            ([("objection", o), ("verdict", "abc"), ("answer", "乱填")], "填写的内容格式不正确"),
        };
        foreach (var (fields, message) in cases)
        {
            Assert.Contains(message, await (await sys.ActAsync(id, "Answer", fields)).BodyAsync(HttpStatusCode.BadRequest));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await sys.ActAsync(id, "Answer", ("objection", Guid.NewGuid().ToString()),
            ("verdict", "3"), ("answer", "不存在的异议"))).StatusCode);
        var stored = await app.WithDbAsync(db => db.Objections.AsNoTracking().SingleAsync(x => x.Id == objection));
        Assert.Equal((ObjectionState.Pending, (string?)null), (stored.State, stored.Answer));
    }

    [Fact]
    public async Task Publish_form_refuses_bad_input_in_chinese_and_stores_nothing()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.ClosedCampaignAsync(sys, app.UnitAId, "公示-发布校验", app.UnitAId);
        Assert.Contains("公示期应为1至30个工作日。", await (await sys.PublishAsync(c.Id, "0")).BodyAsync(HttpStatusCode.OK));
        Assert.Contains("公示期应为1至30个工作日。", await (await sys.PublishAsync(c.Id, "31")).BodyAsync(HttpStatusCode.OK));
        Assert.Contains("公示说明不能超过1000字。", await (await sys.PublishAsync(c.Id, note: new string('说', 1001))).BodyAsync(HttpStatusCode.OK));
        Assert.Contains("填写的内容格式不正确", await (await sys.PublishAsync(c.Id, "五")).BodyAsync(HttpStatusCode.OK));
        Assert.False(await app.WithDbAsync(db => db.Publications.AnyAsync(p => p.CampaignId == c.Id)));
        Assert.Equal(CampaignState.Closed, await app.WithDbAsync(db => db.Campaigns.Where(x => x.Id == c.Id).Select(x => x.State).SingleAsync()));

        // A hostile note is printed inert on the notice and the public page.
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PublishAsync(c.Id, note: "<script>alert(1)</script>")).StatusCode);
        var id = await app.WithDbAsync(db => db.Publications.Where(p => p.CampaignId == c.Id).Select(p => p.Id).SingleAsync());
        foreach (var html in new[] { await app.CreateClient().GetHtmlAsync($"/Gongshi/{id}"), await sys.GetHtmlAsync($"/Publications/Notice/{id}") })
        {
            Assert.DoesNotContain("<script>alert(1)", html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        }
    }

    [Fact]
    public async Task Withdrawing_takes_the_page_down_puts_the_campaign_back_and_allows_a_new_notice()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.ClosedCampaignAsync(sys, app.UnitAId, "公示-撤回", app.UnitAId);
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var id = await admin.PublishedAsync(app, c.Id);
        var anonymous = app.CreateClient();
        Assert.Contains("公示-撤回", await anonymous.GetHtmlAsync($"/Gongshi/{id}"));
        Assert.Contains("公示-撤回", await anonymous.GetHtmlAsync("/Gongshi"));

        Assert.Contains("请填写撤回原因。", await (await admin.ActAsync(id, "Withdraw", ("reason", "  "))).BodyAsync(HttpStatusCode.BadRequest));
        Assert.Equal((PublicationState.Notice, CampaignState.Published), await app.StatesAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.ActAsync(id, "Withdraw", ("reason", "统计口径有误"))).StatusCode);

        Assert.Equal((PublicationState.Withdrawn, CampaignState.Closed), await app.StatesAsync(id));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.PublicationWithdraw && e.ObjectId == I(id))));
        await AssertGoneAsync(id);
        Assert.DoesNotContain("公示-撤回", await anonymous.GetHtmlAsync("/Gongshi"));
        Assert.Contains("公示已撤回。", await (await admin.ActAsync(id, "Withdraw", ("reason", "再撤一次"))).BodyAsync(HttpStatusCode.BadRequest));

        var again = await admin.PublishedAsync(app, c.Id);
        Assert.NotEqual(id, again);
        Assert.Contains("公示-撤回", await anonymous.GetHtmlAsync($"/Gongshi/{again}"));
        await AssertGoneAsync(id);
    }

    [Fact]
    public async Task The_public_page_is_up_only_while_published_and_archiving_takes_it_down()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.ClosedCampaignAsync(sys, app.UnitAId, "公示-归档", app.UnitAId);
        var next = await app.WithDbAsync(db => db.Publications.MaxAsync(p => (int?)p.Id)) ?? 0;
        // Before publishing there is nothing at the next id.
        await AssertGoneAsync(next + 1000);

        // The campaign's own “公示” button goes through the notice: the default period of 5 working days.
        var details = $"/Campaigns/Details/{c.Id}";
        Assert.Contains($"/Publications/New?campaignId={c.Id}", await sys.GetHtmlAsync(details));
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"{details}?handler=State", [new("to", "Published")])).StatusCode);
        var p = await app.WithDbAsync(db => db.Publications.AsNoTracking().SingleAsync(x => x.CampaignId == c.Id));
        Assert.Equal((Publication.DefaultNoticeDays, PublicationState.Notice), (p.NoticeDays, p.State));
        var html = await app.CreateClient().GetHtmlAsync($"/Gongshi/{p.Id}");
        Assert.Contains("关于公示-归档评议结果的公示", html);
        Assert.Contains("<body class=\"phone\">", html);

        await BallotArrange.SetStateAsync(sys, c.Id, "Archived");
        await AssertGoneAsync(p.Id);
        Assert.DoesNotContain("公示-归档", await app.CreateClient().GetHtmlAsync("/Gongshi"));
        // The API's transition to Published goes through the notice as well.
        var d = await app.ClosedCampaignAsync(sys, app.UnitAId, "公示-接口", app.UnitAId);
        await BallotArrange.SetStateAsync(sys, d.Id, "Published");
        Assert.Equal(PublicationState.Notice, await app.WithDbAsync(db => db.Publications.Where(x => x.CampaignId == d.Id).Select(x => x.State).SingleAsync()));
    }

    [Fact]
    public async Task Nothing_below_k_reaches_the_public_page_or_the_printed_notice()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.ClosedCampaignAsync(sys, app.BureauId, "公示-少于k", app.UnitAId, app.UnitBId, app.BranchAId);
        var id = await sys.PublishedAsync(app, c.Id);

        foreach (var html in new[] { await app.CreateClient().GetHtmlAsync($"/Gongshi/{id}"), await sys.GetHtmlAsync($"/Publications/Notice/{id}") })
        {
            Assert.Equal(("100.0%", "72.2%–100.0%"), Row(html, "甲医院"));
            Assert.Equal(("—（少于5份）", "—"), Row(html, "甲医院党支部"));
            // Shown, B and the total would give the branch away: B is hidden too.
            Assert.Equal(("—（防推算）", "—"), Row(html, "乙医院"));
        }
        var notice = await sys.GetHtmlAsync($"/Publications/Notice/{id}");
        Assert.Contains("关于公示-少于k评议结果的公示", notice);
        Assert.Contains("@media print", await app.CreateClient().Http.GetStringAsync("/css/site.css"));
        Assert.Contains("<svg", notice);
        Assert.Contains($"/Gongshi/{id}", notice);
    }

    [Fact]
    public async Task Problems_and_their_replies_are_shown_only_when_chosen()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.ClosedCampaignAsync(sys, app.UnitAId, "公示-问题", app.UnitAId);
        var problem = await Loop.LoopReplyArrange.AddProblemAsync(app, app.UnitAId, "候诊时间长", "已增设自助机");
        await app.WithDbAsync(db => db.Problems.Where(x => x.Id == problem.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.CampaignId, c.Id)));
        var id = await sys.PublishedAsync(app, c.Id);
        var html = await app.CreateClient().GetHtmlAsync($"/Gongshi/{id}");
        Assert.Contains("候诊时间长", html);
        Assert.Contains("已增设自助机", html);
        Assert.Contains("无措施", html);
        Assert.DoesNotContain("候诊时间长的描述", html);

        await sys.ActAsync(id, "Withdraw", ("reason", "改为不公开问题"));
        var response = await sys.PublishAsync(c.Id, showProblems: "false");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var hidden = await app.WithDbAsync(db => db.Publications.Where(p => p.CampaignId == c.Id && p.State == PublicationState.Notice).Select(p => p.Id).SingleAsync());
        Assert.DoesNotContain("候诊时间长", await app.CreateClient().GetHtmlAsync($"/Gongshi/{hidden}"));
    }

    [Fact]
    public async Task A_neighbour_cannot_see_publish_answer_finalise_or_withdraw()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var ofB = await app.ClosedCampaignAsync(sys, app.UnitBId, "公示-乙院", app.UnitBId);
        var bureau = await app.ClosedCampaignAsync(sys, app.BureauId, "公示-局", app.UnitAId);
        var unpublished = await app.ClosedCampaignAsync(sys, app.UnitBId, "公示-乙院未发布", app.UnitBId);
        var bureauClosed = await app.ClosedCampaignAsync(sys, app.BureauId, "公示-局未发布", app.UnitAId);
        var idB = await sys.PublishedAsync(app, ofB.Id);
        var idBureau = await sys.PublishedAsync(app, bureau.Id);
        await app.EndPeriodAsync(idB);
        var objection = await app.AddObjectionAsync(idB, "邻居异议");
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Outcome == AuditOutcome.Denied));
        using var admin = await app.SignInAsync(AppFixture.AdminA);

        foreach (var id in new[] { idB, idBureau, 999999 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Publications/Detail/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Publications/Notice/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.ActAsync(id, "Finalize")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.ActAsync(id, "Withdraw", ("reason", "邻居撤回"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.ActAsync(id, "Answer", ("objection", objection.ToString()),
                ("verdict", "3"), ("answer", "邻居答复"))).StatusCode);
        }
        foreach (var campaign in new[] { unpublished.Id, bureauClosed.Id })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Publications/New?campaignId={campaign}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PublishAsync(campaign)).StatusCode);
        }
        var list = await admin.GetHtmlAsync("/Publications");
        Assert.DoesNotContain("公示-乙院", list);
        Assert.DoesNotContain("公示-局", list);

        Assert.Equal((PublicationState.Notice, CampaignState.Published), await app.StatesAsync(idB));
        Assert.Equal((PublicationState.Notice, CampaignState.Published), await app.StatesAsync(idBureau));
        Assert.Equal(ObjectionState.Pending, await app.WithDbAsync(db => db.Objections.Where(o => o.Id == objection).Select(o => o.State).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Publications.AnyAsync(p => p.CampaignId == unpublished.Id || p.CampaignId == bureauClosed.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Outcome == AuditOutcome.Denied)) > auditBefore);
    }

    [Fact]
    public async Task The_home_page_and_the_navigation_link_the_notices()
    {
        Assert.Contains("href=\"/Gongshi\"", await app.CreateClient().GetHtmlAsync("/"));
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        Assert.Contains("href=\"/Publications\"", await sys.GetHtmlAsync("/Publications"));
        // Administration needs a manager: anonymous visitors are sent to sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClient().GetAsync("/Publications")).StatusCode);
        using var auditor = await app.SignInAsync(AppFixture.Auditor);
        Assert.NotEqual(HttpStatusCode.OK, (await auditor.GetAsync("/Publications")).StatusCode);
    }

    private async Task AssertGoneAsync(int id)
    {
        var unknown = await app.CreateClient().GetAsync("/Gongshi/987654321");
        var gone = await app.CreateClient().GetAsync($"/Gongshi/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await gone.Content.ReadAsStringAsync());
        Assert.Equal(unknown.Content.Headers.ContentType?.ToString(), gone.Content.Headers.ContentType?.ToString());
    }
}

public sealed class SqlitePublicationFlowTests(SqliteAppFixture a) : PublicationFlowTests<SqliteAppFixture>(a);

public sealed class PostgresPublicationFlowTests(PostgresAppFixture a) : PublicationFlowTests<PostgresAppFixture>(a);
