using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Results;
using Pingyi.Web.Identity;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Loop.OversightArrange;

namespace Pingyi.Web.Tests.Loop;

/// <summary>限期改正: set by a superior (from a confirmed 软弱涣散 flag or by hand), reported by the weak organisation, closed or sent back by the superior.</summary>
public abstract class CorrectionPlanTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private Task<CorrectionPlan?> PlanAsync(int id) => app.WithDbAsync(db => db.CorrectionPlans.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id));

    private static int IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task Refused(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task From_a_weak_flag_the_superior_sets_the_weak_org_reports_and_the_superior_sends_back_then_closes()
    {
        var weak = await app.OrgAsync("软弱院" + Tag(), app.BureauId);
        var weakAdmin = "ovweak" + Tag();
        await app.CreateAccountAsync(weakAdmin, Roles.OrgAdmin, weak);
        var flag = await app.FlagAsync(weak, OrganizationFlagKind.Weak);
        const string Hostile = "<img src=x onerror=alert(1)>加强班子建设";

        using var own = await app.SignInAsync(weakAdmin);
        // The weak organisation cannot set its own plan.
        await Refused(await own.PostFormAsync($"/Corrections/New?flagId={flag}", [F("FlagId", flag), F("Requirements", "自定"), F("DeadlineDays", 15)]),
            "只有上级组织可以对该组织制定限期改正。");
        Assert.Equal(0, await app.WithDbAsync(db => db.CorrectionPlans.CountAsync(c => c.OrganizationId == weak)));

        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaignId = await app.WithDbAsync(db => db.OrganizationFlags.Where(f => f.Id == flag).Select(f => f.CampaignId).SingleAsync());
        Assert.Contains($"/Corrections/New?flagId={flag}\">制定限期改正", await sys.GetHtmlAsync($"/Flags/{campaignId}"));
        Assert.Contains("满意率61.0%，低于70%", await sys.GetHtmlAsync($"/Corrections/New?flagId={flag}"));
        await Refused(await sys.PostFormAsync("/Corrections/New", [F("FlagId", flag), F("Requirements", " "), F("DeadlineDays", 15)]), "请填写整改要求。");
        await Refused(await sys.PostFormAsync("/Corrections/New", [F("FlagId", flag), F("Requirements", new string('改', 2001)), F("DeadlineDays", 15)]),
            "整改要求不能超过2000字。");
        await Refused(await sys.PostFormAsync("/Corrections/New", [F("FlagId", flag), F("Requirements", "改"), F("DeadlineDays", 0)]), "整改时限须为1至250个工作日。");
        await Refused(await sys.PostFormAsync("/Corrections/New", [F("FlagId", flag), F("Requirements", "改"), F("DeadlineDays", "x")]),
            "填写的内容格式不正确，请检查后重试。");
        Assert.Equal(0, await app.WithDbAsync(db => db.CorrectionPlans.CountAsync(c => c.OrganizationId == weak)));

        var id = IdOf(await sys.PostFormAsync("/Corrections/New", [F("FlagId", flag), F("Requirements", Hostile), F("DeadlineDays", 15)]));
        var plan = (await PlanAsync(id))!;
        Assert.Equal(app.BureauId, plan.ResponsibleOrganizationId);
        Assert.Equal(flag, plan.FlagId);
        Assert.NotNull(plan.CampaignId);
        Assert.Equal(WorkCalendar.WeekdaysOnly.AddWorkingDays(app.Today(), 15), plan.Deadline);
        Assert.Equal(MeasureState.Pending, plan.State);
        await Refused(await sys.PostFormAsync("/Corrections/New", [F("FlagId", flag), F("Requirements", "再来"), F("DeadlineDays", 15)]), "该组织已有尚未完成的限期改正。");

        var detail = await own.GetHtmlAsync($"/Corrections/Detail/{id}");
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;加强班子建设", detail);
        Assert.DoesNotContain(Hostile, detail);

        // Nothing to judge before the report; and the weak organisation never judges its own.
        await Refused(await sys.PostFormAsync($"/Corrections/Detail/{id}?handler=Verify", [F("Text", "好")]), "整改措施尚未提交验收，不能验收或退回。");
        await Refused(await own.PostFormAsync($"/Corrections/Detail/{id}?handler=Report", [F("Text", "")]), "请填写整改报告。");
        await Refused(await own.PostFormAsync($"/Corrections/Detail/{id}?handler=Report", [F("Text", new string('报', 2001))]), "整改报告不能超过2000字。");
        Assert.Equal(MeasureState.Pending, (await PlanAsync(id))!.State);
        Assert.Equal(HttpStatusCode.Redirect, (await own.PostFormAsync($"/Corrections/Detail/{id}?handler=Report", [F("Text", "已调整班子")])).StatusCode);
        Assert.Equal(MeasureState.AwaitingVerification, (await PlanAsync(id))!.State);
        await Refused(await own.PostFormAsync($"/Corrections/Detail/{id}?handler=Verify", [F("Text", "自己验收")]), "只有上级组织可以验收或退回限期改正。");

        await Refused(await sys.PostFormAsync($"/Corrections/Detail/{id}?handler=SendBack", [F("Text", "")]), "请填写退回理由。");
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"/Corrections/Detail/{id}?handler=SendBack", [F("Text", "制度未落实")])).StatusCode);
        plan = (await PlanAsync(id))!;
        Assert.Equal((MeasureState.InProgress, 1, "制度未落实"), (plan.State, plan.SentBackCount, plan.Conclusion));

        Assert.Equal(HttpStatusCode.Redirect, (await own.PostFormAsync($"/Corrections/Detail/{id}?handler=Report", [F("Text", "制度已落实")])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"/Corrections/Detail/{id}?handler=Verify", [F("Text", "整改到位")])).StatusCode);
        plan = (await PlanAsync(id))!;
        Assert.Equal((MeasureState.Verified, "制度已落实", app.Today()), (plan.State, plan.Report, plan.ClosedOn));
        await Refused(await own.PostFormAsync($"/Corrections/Detail/{id}?handler=Report", [F("Text", "再报")]), "该整改措施已验收，不能再更改。");

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ObjectType == "CorrectionPlan" && e.ObjectId == id.ToString())
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.CorrectionPlanCreate, AuditActions.CorrectionPlanReport, AuditActions.CorrectionPlanSendBack,
            AuditActions.CorrectionPlanReport, AuditActions.CorrectionPlanClose], actions);

        // Closed: a new plan for the same flag may now be set.
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync("/Corrections/New", [F("FlagId", flag), F("Requirements", "巩固"), F("DeadlineDays", 5)])).StatusCode);
    }

    [Fact]
    public async Task By_hand_a_unit_sets_one_for_its_branch_which_reports_while_the_unit_closes()
    {
        var branchName = "手工支部" + Tag();
        var branchId = await app.OrgAsync(branchName, app.UnitAId);
        var branchAdmin = "ovzb" + Tag();
        await app.CreateAccountAsync(branchAdmin, Roles.OrgAdmin, branchId);
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Contains(branchName, await admin.GetHtmlAsync("/Corrections/New"));
        // Its own unit is not below it.
        await Refused(await admin.PostFormAsync("/Corrections/New", [F("OrganizationId", app.UnitAId), F("Requirements", "自改"), F("DeadlineDays", 10)]),
            "只有上级组织可以对该组织制定限期改正。");
        await Refused(await admin.PostFormAsync("/Corrections/New", [F("Requirements", "无组织"), F("DeadlineDays", 10)]), "请选择需要限期改正的组织。");
        var id = IdOf(await admin.PostFormAsync("/Corrections/New", [F("OrganizationId", branchId), F("Requirements", "组织生活不正常"), F("DeadlineDays", 10)]));
        var plan = (await PlanAsync(id))!;
        Assert.Equal((branchId, app.UnitAId, (int?)null), (plan.OrganizationId, plan.ResponsibleOrganizationId, plan.FlagId));

        // The superior cannot report for the branch.
        await Refused(await admin.PostFormAsync($"/Corrections/Detail/{id}?handler=Report", [F("Text", "代报")]), "整改情况由被限期改正的组织报告。");
        using var branch = await app.SignInAsync(branchAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await branch.PostFormAsync($"/Corrections/Detail/{id}?handler=Report", [F("Text", "已恢复三会一课")])).StatusCode);
        await Refused(await branch.PostFormAsync($"/Corrections/Detail/{id}?handler=Verify", [F("Text", "好")]), "只有上级组织可以验收或退回限期改正。");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Corrections/Detail/{id}?handler=Verify", [F("Text", "到位")])).StatusCode);
        Assert.Equal(MeasureState.Verified, (await PlanAsync(id))!.State);

        var list = await admin.GetHtmlAsync("/Corrections");
        Assert.Contains($"/Corrections/Detail/{id}", list);
        Assert.Contains("已验收", list);
    }

    [Fact]
    public async Task An_overdue_plan_is_labelled_and_listed_by_the_api()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var plan = new CorrectionPlan
            {
                OrganizationId = app.BranchAId,
                ResponsibleOrganizationId = app.UnitAId,
                Requirements = "逾期的整改",
                SetOn = app.Today().AddDays(-40),
                Deadline = app.Today().AddDays(-2),
                State = MeasureState.InProgress,
                CreatedBy = "sys",
                CreatedUtc = DateTime.UtcNow,
            };
            db.CorrectionPlans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Contains("整改中（逾期）", await admin.GetHtmlAsync($"/Corrections/Detail/{id}"));
        using var doc = JsonDocument.Parse(await admin.Http.GetStringAsync("/api/corrections"));
        var row = doc.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.True(row.GetProperty("isOverdue").GetBoolean());
        Assert.Equal("整改中（逾期）", row.GetProperty("stateLabel").GetString());
    }

    [Fact]
    public async Task A_neighbours_plans_and_flags_answer_404_and_nothing_changes()
    {
        var flagB = await app.FlagAsync(app.BranchBId, OrganizationFlagKind.Weak);
        var planB = await app.WithDbAsync(async db =>
        {
            var plan = new CorrectionPlan
            {
                OrganizationId = app.BranchBId,
                ResponsibleOrganizationId = app.UnitBId,
                Requirements = "乙院整改",
                SetOn = app.Today(),
                Deadline = app.Today().AddDays(20),
                State = MeasureState.AwaitingVerification,
                CreatedBy = "sys",
                CreatedUtc = DateTime.UtcNow,
            };
            db.CorrectionPlans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
        var plansB = () => app.WithDbAsync(db => db.CorrectionPlans.CountAsync(c => c.OrganizationId == app.BranchBId || c.OrganizationId == app.UnitBId));
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Corrections/Detail/{planB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Corrections/New?flagId={flagB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/Corrections/New", [F("FlagId", flagB), F("Requirements", "越权"), F("DeadlineDays", 5)])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/Corrections/New", [F("OrganizationId", app.BranchBId), F("Requirements", "越权"), F("DeadlineDays", 5)])).StatusCode);
        foreach (var handler in new[] { "Report", "Verify", "SendBack" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync($"/Corrections/Detail/{planB}?handler={handler}", [F("Text", "越权")])).StatusCode);
        }
        Assert.Equal(1, await plansB());
        var plan = (await PlanAsync(planB))!;
        Assert.Equal((MeasureState.AwaitingVerification, (string?)null), (plan.State, plan.Conclusion));
        Assert.DoesNotContain("乙院整改", await admin.GetHtmlAsync("/Corrections"));
        using var doc = JsonDocument.Parse(await admin.Http.GetStringAsync("/api/corrections"));
        Assert.DoesNotContain(planB, doc.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
    }
}

public sealed class SqliteCorrectionPlanTests(SqliteAppFixture app) : CorrectionPlanTests<SqliteAppFixture>(app);

public sealed class PostgresCorrectionPlanTests(PostgresAppFixture app) : CorrectionPlanTests<PostgresAppFixture>(app);
