using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>
/// The loop over HTTP: opinions → problem → measure → start → progress → submit → verification by
/// the superior only, sent back and verified again; and what an organisation administrator may not do.
/// </summary>
public abstract class MeasureLoopTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_full_loop_from_opinion_to_verified_measure()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var kept = await app.AddMeasureOpinionAsync(app.UnitAId, "门诊收费窗口排队太久");
        var duplicate = await app.AddMeasureOpinionAsync(app.UnitAId, "收费窗口排队久", mergedInto: kept);

        var form = await admin.GetHtmlAsync($"/Problems/New?opinions={kept}");
        Assert.Contains("门诊收费窗口排队太久", form);
        var problemId = await admin.NewProblemAsync("收费排队时间长", app.UnitAId, kept);
        var linked = await app.WithDbAsync(db => db.Opinions.Where(o => o.ProblemId == problemId).Select(o => o.Id).ToListAsync());
        Assert.Equal(new[] { kept, duplicate }.Order(), linked.Order());

        var measureId = await app.AddMeasureAsync(admin, problemId, app.BranchAId);
        var detail = await admin.GetHtmlAsync($"/Problems/Detail/{problemId}");
        Assert.Contains("待整改", detail);
        Assert.Contains("/Problems/Reply/" + problemId, detail);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.ActAsync(measureId, "Start")).StatusCode);
        Assert.Equal(MeasureState.InProgress, await app.StateAsync(measureId));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.ActAsync(measureId, "Progress", new() { ["Progress"] = "增开两个收费窗口" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(measureId, "已增开窗口，高峰排队10分钟内")).StatusCode);
        Assert.Equal(MeasureState.AwaitingVerification, await app.StateAsync(measureId));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.VerifyAsync(measureId)).StatusCode);

        var measure = await app.WithDbAsync(db => db.Measures.Include(m => m.Notes).Include(m => m.Verifications).AsNoTracking().SingleAsync(m => m.Id == measureId));
        Assert.Equal(MeasureState.Verified, measure.State);
        Assert.Equal(app.Today(), measure.VerifiedOn);
        Assert.Equal([MeasureNoteKind.Started, MeasureNoteKind.Progress, MeasureNoteKind.Submitted, MeasureNoteKind.Verified],
            measure.Notes.OrderBy(n => n.Id).Select(n => n.Kind));
        Assert.True(Assert.Single(measure.Verifications).Passed);
        Assert.Equal(app.UnitAId, measure.Verifications[0].VerifierOrganizationId);
        Assert.Contains("已验收", await admin.GetHtmlAsync($"/Measures/Detail/{measureId}"));
        Assert.Contains("收费排队时间长", await admin.GetHtmlAsync("/Problems?Status=Completed"));
        Assert.DoesNotContain("收费排队时间长", await admin.GetHtmlAsync("/Problems?Status=InProgress"));

        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.ObjectType == "Measure" && a.ObjectId == measureId.ToString())
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(2, actions.Count(a => a == AuditActions.MeasureTransition));
        Assert.Contains(AuditActions.MeasureCreate, actions);
        Assert.Contains(AuditActions.MeasureProgress, actions);
        Assert.Contains(AuditActions.MeasureVerify, actions);
        // Opinion texts never reach the audit trail.
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Detail!.Contains("排队太久"))));
    }

    [Fact]
    public async Task A_measure_sent_back_returns_to_in_progress_and_is_verified_after_resubmission()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var problemId = await admin.NewProblemAsync("退回测试问题", app.UnitAId);
        var measureId = await app.AddMeasureAsync(admin, problemId, app.BranchAId);
        await admin.SubmitAsync(measureId);

        // A "no" without its reason is refused and nothing is stored.
        var bare = await admin.VerifyAsync(measureId, effective: "no");
        Assert.Contains("判断为无效时，请写明理由", await bare.BodyAsync());
        Assert.Equal(MeasureState.AwaitingVerification, await app.StateAsync(measureId));

        var back = await admin.ActAsync(measureId, "Verify", new()
        {
            ["InPlace"] = "yes",
            ["Reasonable"] = "yes",
            ["Effective"] = "no",
            ["EffectiveRemark"] = "高峰仍排队半小时",
        });
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var measure = await app.WithDbAsync(db => db.Measures.Include(m => m.Notes).AsNoTracking().SingleAsync(m => m.Id == measureId));
        Assert.Equal(MeasureState.InProgress, measure.State);
        Assert.Equal(1, measure.SentBackCount);
        Assert.Contains("高峰仍排队半小时", measure.Notes.Single(n => n.Kind == MeasureNoteKind.SentBack).Text);
        Assert.Contains("整改中", await admin.GetHtmlAsync($"/Measures/Detail/{measureId}"));

        await admin.SubmitAsync(measureId, "又增开一个窗口");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.VerifyAsync(measureId)).StatusCode);
        Assert.Equal(MeasureState.Verified, await app.StateAsync(measureId));
        var verdicts = await app.WithDbAsync(db => db.MeasureVerifications.Where(v => v.MeasureId == measureId).OrderBy(v => v.Id)
            .Select(v => v.InPlace && v.Reasonable && v.Effective).ToListAsync());
        Assert.Equal([false, true], verdicts);
    }

    [Fact]
    public async Task Verification_cannot_be_skipped()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var problemId = await admin.NewProblemAsync("不能跳过验收", app.UnitAId);
        var measureId = await app.AddMeasureAsync(admin, problemId, app.BranchAId);
        var response = await admin.VerifyAsync(measureId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("尚未提交验收", await response.BodyAsync());
        Assert.Equal(MeasureState.Pending, await app.StateAsync(measureId));
        Assert.False(await app.WithDbAsync(db => db.MeasureVerifications.AnyAsync(v => v.MeasureId == measureId)));
    }

    [Fact]
    public async Task Only_a_superior_verifies()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var problemId = await admin.NewProblemAsync("只有上级验收", app.UnitAId);
        var own = await app.AddMeasureAsync(admin, problemId, app.UnitAId);
        await admin.SubmitAsync(own);
        Assert.DoesNotContain("提交验收意见", await admin.GetHtmlAsync($"/Measures/Detail/{own}"));

        var refused = await admin.VerifyAsync(own);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("只有责任组织的上级组织才能验收", await refused.BodyAsync());
        Assert.Equal(MeasureState.AwaitingVerification, await app.StateAsync(own));
        Assert.False(await app.WithDbAsync(db => db.MeasureVerifications.AnyAsync(v => v.MeasureId == own)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Denied && a.ObjectId == own.ToString())));

        Assert.Contains("提交验收意见", await sys.GetHtmlAsync($"/Measures/Detail/{own}"));
        Assert.Equal(HttpStatusCode.Redirect, (await sys.VerifyAsync(own)).StatusCode);
        Assert.Equal(MeasureState.Verified, await app.StateAsync(own));
        Assert.Equal(app.BureauId, await app.WithDbAsync(db => db.MeasureVerifications.Where(v => v.MeasureId == own).Select(v => v.VerifierOrganizationId).SingleAsync()));

        var branch = await app.AddMeasureAsync(admin, problemId, app.BranchAId);
        await admin.SubmitAsync(branch);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.VerifyAsync(branch)).StatusCode);
        Assert.Equal(MeasureState.Verified, await app.StateAsync(branch));
    }

    [Fact]
    public async Task A_neighbours_problems_measures_and_opinions_answer_404_and_nothing_changes()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var opinionB = await app.AddMeasureOpinionAsync(app.UnitBId, "乙医院的意见");
        var problemB = await sys.NewProblemAsync("乙医院的问题", app.UnitBId);
        var measureB = await app.AddMeasureAsync(sys, problemB, app.BranchBId);
        var ownProblem = await admin.NewProblemAsync("甲医院自己的问题", app.UnitAId);

        foreach (var url in new[]
        {
            $"/Problems/Detail/{problemB}", $"/Measures/Detail/{measureB}", $"/Problems/New?opinions={opinionB}",
            $"/Problems?OrganizationId={app.UnitBId}", "/Measures/Attachment/999999",
        })
        {
            Assert.True((await admin.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostMeasureAsync(problemB, app.UnitAId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostMeasureAsync(ownProblem, app.BranchBId)).StatusCode);
        foreach (var handler in new[] { "Start", "Progress", "Submit", "Verify" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.ActAsync(measureB, handler, new() { ["Progress"] = "x", ["Evidence"] = "x", ["InPlace"] = "yes", ["Reasonable"] = "yes", ["Effective"] = "yes" })).StatusCode);
        }
        var newProblem = await admin.PostFormAsync("/Problems/New", new Dictionary<string, string>
        {
            ["opinions"] = opinionB.ToString(),
            ["ProblemTitle"] = "偷看",
            ["OrganizationId"] = app.UnitAId.ToString(),
        });
        Assert.Equal(HttpStatusCode.NotFound, newProblem.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/Problems/New", new Dictionary<string, string>
        {
            ["ProblemTitle"] = "放到乙医院",
            ["OrganizationId"] = app.UnitBId.ToString(),
        })).StatusCode);

        Assert.Equal(MeasureState.Pending, await app.StateAsync(measureB));
        Assert.False(await app.WithDbAsync(db => db.MeasureNotes.AnyAsync(n => n.MeasureId == measureB)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Measures.CountAsync(m => m.ProblemId == problemB)));
        Assert.Null(await app.WithDbAsync(db => db.Opinions.Where(o => o.Id == opinionB).Select(o => o.ProblemId).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Problems.AnyAsync(p => p.Title == "偷看" || p.Title == "放到乙医院")));
        Assert.DoesNotContain("乙医院的问题", await admin.GetHtmlAsync("/Problems"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Denied && a.ObjectType == "Problem" && a.ObjectId == problemB.ToString())));
    }

    [Fact]
    public async Task Opinions_already_used_or_merged_cannot_make_a_problem_and_hostile_text_stays_inert()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var kept = await app.AddMeasureOpinionAsync(app.UnitAId, "<script>alert(1)</script>意见");
        var merged = await app.AddMeasureOpinionAsync(app.UnitAId, "重复", mergedInto: kept);
        Assert.Contains("已合并到另一条意见", await admin.GetHtmlAsync($"/Problems/New?opinions={merged}"));
        Assert.Contains("意见编号格式不正确", await admin.GetHtmlAsync("/Problems/New?opinions=not-a-guid"));
        var page = await admin.GetHtmlAsync($"/Problems/New?opinions={kept}");
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.Contains("&lt;script&gt;", page);

        var tooLong = await admin.PostFormAsync("/Problems/New", new Dictionary<string, string>
        {
            ["opinions"] = kept.ToString(),
            ["ProblemTitle"] = new string('长', Problem.TitleMaxLength + 1),
            ["OrganizationId"] = app.UnitAId.ToString(),
        });
        Assert.Contains($"问题名称最多{Problem.TitleMaxLength}个字", await tooLong.BodyAsync());
        var missing = await admin.PostFormAsync("/Problems/New", new Dictionary<string, string> { ["ProblemTitle"] = " ", ["OrganizationId"] = app.UnitAId.ToString() });
        Assert.Contains("请填写问题名称", await missing.BodyAsync());
        var malformed = await admin.PostFormAsync("/Problems/New", new Dictionary<string, string> { ["ProblemTitle"] = "x", ["OrganizationId"] = "abc" });
        Assert.Contains("填写的内容格式不正确", await malformed.BodyAsync());
        Assert.Null(await app.WithDbAsync(db => db.Opinions.Where(o => o.Id == kept).Select(o => o.ProblemId).SingleAsync()));

        var problemId = await admin.NewProblemAsync("<b>加粗</b>问题", app.UnitAId, kept);
        Assert.Contains("已经查找出问题", await admin.GetHtmlAsync($"/Problems/New?opinions={kept}"));
        var again = await admin.PostFormAsync("/Problems/New", new Dictionary<string, string>
        {
            ["opinions"] = kept.ToString(),
            ["ProblemTitle"] = "第二个",
            ["OrganizationId"] = app.UnitAId.ToString(),
        });
        Assert.Contains("已经查找出问题", await again.BodyAsync());
        Assert.Equal(problemId, await app.WithDbAsync(db => db.Opinions.Where(o => o.Id == merged).Select(o => o.ProblemId).SingleAsync()));

        var hostile = await admin.PostMeasureAsync(problemId, app.UnitAId, text: "<img src=x onerror=alert(1)>", person: "<i>李四</i>");
        Assert.Equal(HttpStatusCode.Redirect, hostile.StatusCode);
        var measureId = await app.WithDbAsync(db => db.Measures.Where(m => m.ProblemId == problemId).Select(m => m.Id).SingleAsync());
        await admin.ActAsync(measureId, "Progress", new() { ["Progress"] = "<script>x()</script>" });
        var detail = await admin.GetHtmlAsync($"/Problems/Detail/{problemId}") + await admin.GetHtmlAsync($"/Measures/Detail/{measureId}");
        Assert.DoesNotContain("<img src=x", detail);
        Assert.DoesNotContain("<script>x()", detail);
        Assert.DoesNotContain("<b>加粗", detail);
        Assert.DoesNotContain("<i>李四", detail);
    }

    [Fact]
    public async Task Measure_input_is_checked_and_nothing_partial_is_stored()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var problemId = await admin.NewProblemAsync("措施输入检查", app.UnitAId);
        foreach (var (text, person, days, message) in new[]
        {
            ("", "张三", "15", "请填写整改措施"),
            (new string('措', Measure.TextMaxLength + 1), "张三", "15", $"整改措施最多{Measure.TextMaxLength}个字"),
            ("措施", "", "15", "请填写责任人"),
            ("措施", new string('人', Measure.PersonMaxLength + 1), "15", $"责任人最多{Measure.PersonMaxLength}个字"),
            ("措施", "张三", "0", "整改时限应为1至250个工作日"),
            ("措施", "张三", "251", "整改时限应为1至250个工作日"),
            ("措施", "张三", "abc", "整改时限应为1至250个工作日"),
        })
        {
            var response = await admin.PostMeasureAsync(problemId, app.UnitAId, text, person, days);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, await response.BodyAsync());
        }
        var measureId = await app.AddMeasureAsync(admin, problemId, app.UnitAId);
        Assert.Contains("请填写整改进展", await (await admin.ActAsync(measureId, "Progress", new() { ["Progress"] = "  " })).BodyAsync());
        Assert.Contains("请填写完成情况", await (await admin.SubmitAsync(measureId, "")).BodyAsync());
        Assert.Contains($"完成情况最多{Measure.EvidenceMaxLength}个字", await (await admin.SubmitAsync(measureId, new string('完', Measure.EvidenceMaxLength + 1))).BodyAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Measures.CountAsync(m => m.ProblemId == problemId)));
        Assert.Equal(MeasureState.Pending, await app.StateAsync(measureId));
        Assert.False(await app.WithDbAsync(db => db.MeasureNotes.AnyAsync(n => n.MeasureId == measureId)));
    }

    [Fact]
    public async Task The_list_filters_by_state_and_counts_overdue_measures()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var empty = await admin.NewProblemAsync("筛选无措施问题", app.UnitAId);
        var late = await admin.NewProblemAsync("筛选逾期问题", app.UnitAId);
        var measureId = await app.AddMeasureAsync(admin, late, app.BranchAId);
        await app.WithDbAsync(db => db.Measures.Where(m => m.Id == measureId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Deadline, app.Today().AddDays(-1))));

        var overdue = await admin.GetHtmlAsync("/Problems?Status=Overdue");
        Assert.Contains("筛选逾期问题", overdue);
        Assert.DoesNotContain("筛选无措施问题", overdue);
        var none = await admin.GetHtmlAsync("/Problems?Status=NoMeasures");
        Assert.Contains("筛选无措施问题", none);
        Assert.DoesNotContain("筛选逾期问题", none);
        Assert.Contains("筛选逾期问题", await admin.GetHtmlAsync("/Problems?Status=InProgress"));
        Assert.Contains("待整改（逾期）", await admin.GetHtmlAsync($"/Problems/Detail/{late}"));
        Assert.Contains("筛选无措施问题", await admin.GetHtmlAsync($"/Problems?OrganizationId={app.UnitAId}&Status=bogus"));
        Assert.True(empty > 0);
    }
}

public sealed class SqliteMeasureLoopTests(SqliteAppFixture app) : MeasureLoopTests<SqliteAppFixture>(app);

public sealed class PostgresMeasureLoopTests(PostgresAppFixture app) : MeasureLoopTests<PostgresAppFixture>(app);
