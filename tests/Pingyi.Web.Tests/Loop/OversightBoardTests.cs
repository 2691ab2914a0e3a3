using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Web.Identity;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Loop.OversightArrange;

namespace Pingyi.Web.Tests.Loop;

/// <summary>
/// The board on a subtree S (S1 under it, S11 under S1; S2 beside S1): overdue and soon-due measures,
/// 逐级上报 to the superior and — after 10 working days — the superior's superior, never to a sibling; 督办.
/// </summary>
public abstract class OversightBoardTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private const string Escalated = "<h2>逾期和即将到期的整改措施</h2>";

    private sealed record World(string Tag, int S, int S1, int S11, int S2, int Late3, int Late12, int Soon, int Later, int Sibling);

    private async Task<World> ArrangeAsync()
    {
        var tag = Tag();
        var s = await app.OrgAsync($"督办局{tag}", app.BureauId);
        var s1 = await app.OrgAsync($"督办一院{tag}", s);
        var s11 = await app.OrgAsync($"督办一科{tag}", s1);
        var s2 = await app.OrgAsync($"督办二院{tag}", s);
        foreach (var (name, org) in new[] { ("s", s), ("s1", s1), ("s11", s11), ("s2", s2) })
        {
            await app.CreateAccountAsync($"ov{name}{tag}", Roles.OrgAdmin, org);
        }
        var problem = await app.ProblemAsync(s, $"候诊时间长{tag}");
        var today = app.Today();
        var setOn = today.AddDays(-60);
        var late3 = await app.MeasureAsync(problem, s11, $"逾期三天{tag}", setOn, app.WorkingDaysAgo(3));
        var late12 = await app.MeasureAsync(problem, s11, $"逾期十二天{tag}", setOn, app.WorkingDaysAgo(12), MeasureState.Pending);
        var soon = await app.MeasureAsync(problem, s11, $"即将到期{tag}", setOn, WorkCalendar.WeekdaysOnly.AddWorkingDays(today, 2));
        var later = await app.MeasureAsync(problem, s11, $"尚早{tag}", setOn, WorkCalendar.WeekdaysOnly.AddWorkingDays(today, 20));
        var sibling = await app.MeasureAsync(problem, s2, $"兄弟逾期{tag}", setOn, app.WorkingDaysAgo(3));
        await app.MeasureAsync(problem, s11, $"已验收{tag}", setOn, app.WorkingDaysAgo(5), MeasureState.Verified, today);
        return new World(tag, s, s1, s11, s2, late3, late12, soon, later, sibling);
    }

    private static (string Escalation, string Board) Split(string html)
    {
        var at = html.IndexOf(Escalated, StringComparison.Ordinal);
        return (html[..at], html[at..]);
    }

    [Fact]
    public async Task The_board_shows_overdue_and_soon_due_measures_and_escalates_up_one_level_then_two()
    {
        var w = await ArrangeAsync();

        using var s1 = await app.SignInAsync($"ovs1{w.Tag}");
        var (escalation, board) = Split(await s1.GetHtmlAsync("/Oversight"));
        Assert.Contains($"逾期三天{w.Tag}", board);
        Assert.Contains("逾期3个工作日", board);
        Assert.Contains("逾期12个工作日", board);
        Assert.Contains($"即将到期{w.Tag}", board);
        Assert.Contains("还剩2个工作日", board);
        Assert.Contains($"/Measures/Detail/{w.Late3}", board);
        Assert.Contains("/Problems/Detail/", board);
        Assert.DoesNotContain($"尚早{w.Tag}", board);
        Assert.DoesNotContain($"已验收{w.Tag}", board);
        Assert.DoesNotContain($"兄弟逾期{w.Tag}", board + escalation);
        // S1 is the superior of S11: both overdue items are its 下级逾期事项, neither reported further from here.
        Assert.Contains($"逾期三天{w.Tag}", escalation);
        Assert.Contains($"逾期十二天{w.Tag}", escalation);
        Assert.DoesNotContain($"即将到期{w.Tag}", escalation);
        Assert.DoesNotContain("<td>已上报</td>", escalation);

        // S is S11's superior's superior: it gets only the item overdue more than 10 working days, marked 已上报,
        // and its own child S2's overdue item.
        using var s = await app.SignInAsync($"ovs{w.Tag}");
        var (sEscalation, _) = Split(await s.GetHtmlAsync("/Oversight"));
        Assert.Contains($"逾期十二天{w.Tag}", sEscalation);
        Assert.Contains("<td>已上报</td>", sEscalation);
        Assert.DoesNotContain($"逾期三天{w.Tag}", sEscalation);
        Assert.Contains($"兄弟逾期{w.Tag}", sEscalation);

        // S2, a sibling of S1, sees none of S11's items anywhere, and S11 has no 下级 to be told about.
        using var s2 = await app.SignInAsync($"ovs2{w.Tag}");
        var s2Html = await s2.GetHtmlAsync("/Oversight");
        Assert.DoesNotContain($"逾期三天{w.Tag}", s2Html);
        Assert.DoesNotContain($"逾期十二天{w.Tag}", s2Html);
        Assert.Contains($"兄弟逾期{w.Tag}", Split(s2Html).Board);
        using var s11 = await app.SignInAsync($"ovs11{w.Tag}");
        var (s11Escalation, s11Board) = Split(await s11.GetHtmlAsync("/Oversight"));
        Assert.Contains("没有下级组织的逾期事项。", s11Escalation);
        Assert.Contains($"逾期三天{w.Tag}", s11Board);

        // The API lists the overdue ones of the scope.
        using var doc = JsonDocument.Parse(await s1.Http.GetStringAsync("/api/loop/overdue"));
        var rows = doc.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("measureId").GetInt32(), r => r.GetProperty("daysOverdue").GetInt32());
        Assert.Equal(new Dictionary<int, int> { [w.Late12] = 12, [w.Late3] = 3 }, rows);
    }

    [Fact]
    public async Task Only_a_superior_urges_and_the_urging_shows_on_the_responsible_side_inert()
    {
        var w = await ArrangeAsync();
        const string Hostile = "<script>alert(1)</script>请本周内完成";
        Task<int> Urges() => app.WithDbAsync(db => db.MeasureNotes.CountAsync(n => n.MeasureId == w.Late3 && n.Kind == MeasureNoteKind.Urged));

        // The responsible organisation itself may not urge itself.
        using var s11 = await app.SignInAsync($"ovs11{w.Tag}");
        var self = await s11.PostFormAsync("/Oversight?handler=Urge", [F("MeasureId", w.Late3), F("Text", "自己督办")]);
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Contains("只有责任组织的上级组织可以督办。", await self.Content.ReadAsStringAsync());
        // A sibling cannot even see it.
        using var s2 = await app.SignInAsync($"ovs2{w.Tag}");
        Assert.Equal(HttpStatusCode.NotFound, (await s2.PostFormAsync("/Oversight?handler=Urge", [F("MeasureId", w.Late3), F("Text", "越权督办")])).StatusCode);

        using var s1 = await app.SignInAsync($"ovs1{w.Tag}");
        var empty = await s1.PostFormAsync("/Oversight?handler=Urge", [F("MeasureId", w.Late3), F("Text", "  ")]);
        Assert.Contains("请填写督办意见。", await empty.Content.ReadAsStringAsync());
        var longText = await s1.PostFormAsync("/Oversight?handler=Urge", [F("MeasureId", w.Late3), F("Text", new string('督', MeasureNote.TextMaxLength + 1))]);
        Assert.Contains($"督办意见不能超过{MeasureNote.TextMaxLength}字。", await longText.Content.ReadAsStringAsync());
        var malformed = await s1.PostFormAsync("/Oversight?handler=Urge", [F("MeasureId", "abc"), F("Text", "督办")]);
        Assert.Contains("填写的内容格式不正确，请检查后重试。", await malformed.Content.ReadAsStringAsync());
        Assert.Equal(0, await Urges());

        var ok = await s1.PostFormAsync("/Oversight?handler=Urge", [F("MeasureId", w.Late3), F("Text", Hostile)]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(1, await Urges());
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.MeasureUrge && e.ObjectId == w.Late3.ToString())));

        var board = await s11.GetHtmlAsync("/Oversight");
        Assert.Contains("上级督办", board);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;请本周内完成", board);
        Assert.DoesNotContain(Hostile, board);
    }

    [Fact]
    public async Task The_pages_need_an_administrator()
    {
        using var auditor = await app.SignInAsync(AppFixture.Auditor);
        using var anonymous = app.CreateClient();
        foreach (var url in new[] { "/Oversight", "/Oversight/Figures", "/Corrections", "/Corrections/New", "/Models", "/Models/New" })
        {
            var denied = await auditor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
            var login = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.StartsWith("/Account/Login", login.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task A_neighbours_board_and_measures_answer_404_and_nothing_changes()
    {
        var problem = await app.ProblemAsync(app.UnitBId, "乙院问题" + Tag());
        var measure = await app.MeasureAsync(problem, app.BranchBId, "乙院措施" + Tag(), app.Today().AddDays(-40), app.WorkingDaysAgo(4));
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Oversight?organizationId={app.UnitBId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/loop/overdue?organizationId={app.UnitBId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/Oversight?handler=Urge", [F("MeasureId", measure), F("Text", "越权")])).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.MeasureNotes.CountAsync(n => n.MeasureId == measure)));
        Assert.DoesNotContain("乙院措施", await admin.GetHtmlAsync("/Oversight"));
        using var doc = JsonDocument.Parse(await admin.Http.GetStringAsync("/api/loop/overdue"));
        Assert.DoesNotContain(measure, doc.RootElement.EnumerateArray().Select(r => r.GetProperty("measureId").GetInt32()));
    }
}

public sealed class SqliteOversightBoardTests(SqliteAppFixture app) : OversightBoardTests<SqliteAppFixture>(app);

public sealed class PostgresOversightBoardTests(PostgresAppFixture app) : OversightBoardTests<PostgresAppFixture>(app);
