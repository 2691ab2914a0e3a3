using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Results;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Results;

/// <summary>民主评议党员 over HTTP: proposals shown, the one-third cap per branch, reasons, scope, all-or-nothing.</summary>
public abstract class GradeTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static int _next;

    private static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _next)}";

    /// <summary>
    /// A closed campaign of unit A on a branch of seven members and a branch of three: members 1–3 of
    /// the first get 优秀 from all 5 ballots (proposed 优秀), 4–6 合格, member 7 no answers (票数不足).
    /// </summary>
    private async Task<(ArrangedCampaign Campaign, int Branch, int[] Members, int SmallBranch, int[] SmallMembers)> ArrangeAsync(bool close = true)
    {
        var tag = Unique("G");
        var (branch, members) = await app.AddBranchAsync(app.UnitAId, tag + "-1", tag + "甲", 7);
        var (small, smallMembers) = await app.AddBranchAsync(app.UnitAId, tag + "-2", tag + "乙", 3);
        var campaign = await app.OpenAsync(app.UnitAId, tag + "民主评议党员", [], [.. members, .. smallMembers], GradeScale.MemberGrade4);
        var excellent = members.Take(3).Select(campaign.Member).ToHashSet();
        var silent = campaign.Member(members[6]);
        await app.InsertBallotsAsync(campaign, 5, (s, _) => s == silent ? null : excellent.Contains(s) ? 1 : 2);
        if (close)
        {
            await app.CloseAsync(campaign);
        }
        return (campaign, branch, members, small, smallMembers);
    }

    private static object Grades(ArrangedCampaign c, int branchId, IEnumerable<(int MemberId, string Grade, string? Reason)> grades) => new
    {
        branchId,
        grades = grades.Select(g => new { subjectId = c.Member(g.MemberId), grade = g.Grade, reason = g.Reason }).ToArray(),
    };

    private Task<int> DecisionCountAsync(int campaignId) =>
        app.WithDbAsync(db => db.MemberGradeDecisions.CountAsync(d => d.CampaignId == campaignId));

    [Fact]
    public async Task Excellent_is_capped_at_one_third_of_a_branch_and_a_refused_set_stores_nothing()
    {
        var (c, branch, m, _, _) = await ArrangeAsync();
        using var admin = await app.SignInAsync(AppFixture.AdminA);

        // Seven members: at most two 优秀, although the campaign's ten members would allow three.
        var refused = await admin.Http.PostAsJsonAsync($"/api/campaigns/{c.Id}/member-grades", Grades(c, branch,
            m.Select((id, i) => (id, i < 3 ? "Excellent" : "Qualified", (string?)(i == 6 ? "表现一般" : null)))));
        var problem = await CampaignTestData.ProblemAsync(refused);
        Assert.Contains("不能超过参评党员的三分之一", problem);
        Assert.Contains("本次参评7名，最多2名优秀，现评定3名", problem);
        Assert.Equal(0, await DecisionCountAsync(c.Id));

        var accepted = await admin.Http.PostAsJsonAsync($"/api/campaigns/{c.Id}/member-grades", Grades(c, branch,
            m.Select((id, i) => (id, i < 2 ? "Excellent" : "Qualified", (string?)(i == 2 ? "优秀名额所限" : null)))));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var sheet = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync()).RootElement;
        var stored = await app.WithDbAsync(db => db.MemberGradeDecisions.AsNoTracking().Where(d => d.CampaignId == c.Id).ToListAsync());
        Assert.Equal(7, stored.Count);
        Assert.Equal(2, stored.Count(d => d.FinalGrade == MemberGrade.Excellent));
        var third = stored.Single(d => d.SubjectId == c.Member(m[2]));
        Assert.Equal((MemberGrade.Excellent, MemberGrade.Qualified, "优秀名额所限", AppFixture.AdminA), (third.ProposedGrade!.Value, third.FinalGrade, third.Reason, third.DecidedBy));
        Assert.Null(stored.Single(d => d.SubjectId == c.Member(m[6])).ProposedGrade);
        var branchJson = sheet.GetProperty("branches").EnumerateArray().Single(b => b.GetProperty("branchId").GetInt32() == branch);
        Assert.Equal(2, branchJson.GetProperty("excellentCap").GetInt32());
        Assert.Equal("Qualified", branchJson.GetProperty("grades").EnumerateArray()
            .Single(g => g.GetProperty("subjectId").GetInt32() == c.Member(m[2])).GetProperty("decision").GetProperty("final").GetString());

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == AuditActions.MemberGradeDecide && a.ObjectId == c.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Contains("参评7名", audit.Detail);
        Assert.Contains("优秀2名", audit.Detail);
        Assert.Equal(AppFixture.AdminA, audit.Actor);
    }

    [Fact]
    public async Task The_page_shows_proposals_and_refuses_unqualified_without_a_reason()
    {
        var (c, branch, m, small, sm) = await ArrangeAsync();
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var url = $"/Grades/Index/{c.Id}";
        var html = await admin.GetHtmlAsync(url);
        Assert.Contains("民主评议党员", html);
        Assert.Contains("党员1", html);
        Assert.Contains("100.0%", html);
        Assert.Contains("优秀票占100.0%，达到50%", html);
        Assert.Contains("100.0% <span class=\"muted\">56.6%–100.0%</span>", html);
        Assert.Contains("票数不足", html);
        Assert.Contains("优秀最多2名", html);
        Assert.Contains("已排除可疑测评票0张", html);

        var fields = new Dictionary<string, string> { ["BranchId"] = small.ToString(CultureInfo.InvariantCulture) };
        for (var i = 0; i < sm.Length; i++)
        {
            fields[$"Grades[{i}].SubjectId"] = c.Member(sm[i]).ToString(CultureInfo.InvariantCulture);
            fields[$"Grades[{i}].Final"] = i == 0 ? "4" : "2";
            fields[$"Grades[{i}].Reason"] = "";
        }
        var response = await admin.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("评定为不合格须填写理由", page);
        Assert.Equal(0, await DecisionCountAsync(c.Id));

        fields["Grades[0].Reason"] = new string('长', MemberGrades.ReasonMaxLength + 1);
        page = await (await admin.PostFormAsync(url, fields)).Content.ReadAsStringAsync();
        Assert.Contains($"理由不能超过{MemberGrades.ReasonMaxLength}字", page);
        Assert.Equal(0, await DecisionCountAsync(c.Id));

        fields["Grades[0].Reason"] = "<script>alert('x')</script>";
        fields["Grades[1].Final"] = "abc";
        page = await (await admin.PostFormAsync(url, fields)).Content.ReadAsStringAsync();
        Assert.Contains("请选择评定等次", page);
        Assert.Equal(0, await DecisionCountAsync(c.Id));

        fields["Grades[1].Final"] = "2";
        var saved = await admin.PostFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(3, await DecisionCountAsync(c.Id));
        html = await admin.GetHtmlAsync(url);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(", html);
    }

    [Fact]
    public async Task An_open_campaign_shows_its_proposals_but_cannot_be_graded()
    {
        var (c, branch, m, _, _) = await ArrangeAsync(close: false);
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var html = await admin.GetHtmlAsync($"/Grades/Index/{c.Id}");
        Assert.Contains("票数仍在变化", html);
        Assert.DoesNotContain("的评定结果</button>", html);
        Assert.DoesNotContain("Grades[0].Final", html);
        var response = await admin.Http.PostAsJsonAsync($"/api/campaigns/{c.Id}/member-grades",
            Grades(c, branch, m.Select(id => (id, "Qualified", (string?)"理由"))));
        Assert.Contains("票数仍在变化", await CampaignTestData.ProblemAsync(response));
        Assert.Equal(0, await DecisionCountAsync(c.Id));
    }

    [Fact]
    public async Task A_neighbours_campaign_branch_or_member_answers_404_and_nothing_changes()
    {
        var tag = Unique("N");
        var (branchA, membersA) = await app.AddBranchAsync(app.UnitAId, tag + "-A", tag + "甲", 3);
        var (branchB, membersB) = await app.AddBranchAsync(app.UnitBId, tag + "-B", tag + "乙", 3);
        // Run by the bureau: it reaches unit A, whose administrator grades only A's members.
        var bureau = await app.OpenAsync(app.BureauId, tag + "局党委评议", [], [.. membersA, .. membersB], GradeScale.MemberGrade4);
        await app.InsertBallotsAsync(bureau, 5, (_, _) => 2);
        await app.CloseAsync(bureau);
        var neighbour = await app.OpenAsync(app.UnitBId, tag + "乙院评议", [], membersB, GradeScale.MemberGrade4);
        await app.CloseAsync(neighbour);

        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var html = await admin.GetHtmlAsync($"/Grades/Index/{bureau.Id}");
        Assert.Contains(tag + "甲党支部", html);
        Assert.DoesNotContain(tag + "乙", html);
        var api = JsonDocument.Parse(await admin.Http.GetStringAsync($"/api/campaigns/{bureau.Id}/member-grades")).RootElement;
        Assert.Equal([branchA], api.GetProperty("branches").EnumerateArray().Select(b => b.GetProperty("branchId").GetInt32()));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Grades/Index/{neighbour.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/campaigns/{neighbour.Id}/member-grades")).StatusCode);
        var qualified = (int[] ids) => ids.Select(id => (id, "Qualified", (string?)null));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PostAsJsonAsync($"/api/campaigns/{neighbour.Id}/member-grades",
            Grades(neighbour, branchB, qualified(membersB)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PostAsJsonAsync($"/api/campaigns/{bureau.Id}/member-grades",
            Grades(bureau, branchB, qualified(membersB)))).StatusCode);
        // A's branch, with one of B's members slipped in.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PostAsJsonAsync($"/api/campaigns/{bureau.Id}/member-grades",
            Grades(bureau, branchA, qualified([.. membersA, membersB[0]])))).StatusCode);
        var page = await admin.PostFormAsync($"/Grades/Index/{bureau.Id}", new Dictionary<string, string>
        {
            ["BranchId"] = branchB.ToString(CultureInfo.InvariantCulture),
            ["Grades[0].SubjectId"] = bureau.Member(membersB[0]).ToString(CultureInfo.InvariantCulture),
            ["Grades[0].Final"] = "2",
        });
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);

        Assert.Equal(0, await DecisionCountAsync(bureau.Id) + await DecisionCountAsync(neighbour.Id));
        var denials = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.Denied && a.Actor == AppFixture.AdminA).Select(a => a.ObjectType + ":" + a.ObjectId).ToListAsync());
        Assert.Contains($"Organization:{branchB}", denials);
        Assert.Contains($"CampaignSubject:{bureau.Member(membersB[0])}", denials);
        Assert.Contains($"Campaign:{neighbour.Id}", denials);

        // A's own branch still works in the bureau's campaign.
        var ok = await admin.Http.PostAsJsonAsync($"/api/campaigns/{bureau.Id}/member-grades", Grades(bureau, branchA, qualified(membersA)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(3, await DecisionCountAsync(bureau.Id));
    }

    [Fact]
    public async Task Malformed_grades_are_refused_with_a_chinese_message()
    {
        var (c, branch, m, _, _) = await ArrangeAsync();
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var response = await admin.Http.PostAsJsonAsync($"/api/campaigns/{c.Id}/member-grades",
            Grades(c, branch, m.Select(id => (id, "=1+1", (string?)null))));
        Assert.Contains("grade 不正确", await CampaignTestData.ProblemAsync(response));
        var missing = await admin.Http.PostAsJsonAsync($"/api/campaigns/{c.Id}/member-grades",
            Grades(c, branch, m.Take(6).Select(id => (id, "Qualified", (string?)"理由"))));
        Assert.Contains("党员7：请选择评定等次", await CampaignTestData.ProblemAsync(missing));
        Assert.Equal(0, await DecisionCountAsync(c.Id));
    }
}

public sealed class SqliteGradeTests(SqliteAppFixture app) : GradeTests<SqliteAppFixture>(app);

public sealed class PostgresGradeTests(PostgresAppFixture app) : GradeTests<PostgresAppFixture>(app);
