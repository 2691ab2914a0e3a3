using System.Net;
using System.Text.Json;
using Pingyi.Domain.Loop;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>
/// The loop figures over HTTP on a hand-made subtree F (children F1, F2), every number computed by hand:
/// see <see cref="Figures_page_and_api_agree_on_hand_computed_numbers"/>.
/// </summary>
public abstract class LoopFiguresTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static DateOnly D(int m, int d) => new(2025, m, d);

    private async Task<(int F, int F1, int F2)> ArrangeAsync()
    {
        var f = await app.OrgAsync("指标局" + OversightArrange.Tag(), app.BureauId);
        var f1 = await app.OrgAsync("指标一院", f);
        var f2 = await app.OrgAsync("指标二院", f);
        var created = new DateTime(2025, 5, 10, 2, 0, 0, DateTimeKind.Utc);
        var p1 = await app.ProblemAsync(f1, "挂号难", reply: "已增设窗口", createdUtc: created);
        var p2 = await app.ProblemAsync(f2, "收费不清", createdUtc: created);

        var o1 = await app.OpinionAsync(f1, OpinionSource.Ballot, D(5, 2), reply: "感谢", reRating: ReRating.Satisfied);
        await app.OpinionAsync(f1, OpinionSource.Ballot, D(5, 3), mergedInto: o1, reRating: ReRating.Unsatisfied);
        await app.OpinionAsync(f1, OpinionSource.Hotline, D(5, 4), problemId: p1, reRating: ReRating.BasicallySatisfied);
        await app.OpinionAsync(f2, OpinionSource.Letter, D(5, 5));
        await app.OpinionAsync(f2, OpinionSource.Visit, D(5, 6), problemId: p2);
        await app.OpinionAsync(f1, OpinionSource.Letter, new DateOnly(2024, 12, 30));

        // Mon 03-03 → Mon 03-10: 7 days, 5 working days, on time.
        await app.MeasureAsync(p1, f1, "增设窗口", D(3, 3), D(3, 24), MeasureState.Verified, D(3, 10));
        // Mon 03-03 → Mon 03-17: 14 days, 10 working days, after its deadline 03-05.
        await app.MeasureAsync(p2, f2, "公示收费", D(3, 3), D(3, 5), MeasureState.Verified, D(3, 17));
        await app.MeasureAsync(p2, f2, "清理收费", D(4, 1), D(4, 22), MeasureState.InProgress);
        await app.MeasureAsync(p1, f1, "优化预约", D(4, 1), app.Today().AddDays(30), MeasureState.Pending);
        return (f, f1, f2);
    }

    [Fact]
    public async Task Figures_page_and_api_agree_on_hand_computed_numbers()
    {
        var (f, f1, f2) = await ArrangeAsync();
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);

        // 2025: 5 opinions (ballot 2, hotline, letter, visit); replied o1 (own), o2 (merged into o1), o3 (its problem) = 3/5;
        // re-rated 满意, 不满意, 基本满意 = 2/3; on time 1 of (2 verified + 1 overdue); medians (7+14)/2, (5+10)/2.
        var html = await sys.GetHtmlAsync($"/Oversight/Figures?organizationId={f}&year=2025");
        var total = html[html.IndexOf("合计", StringComparison.Ordinal)..html.IndexOf("指标一院", StringComparison.Ordinal)];
        Assert.Contains("<td>5</td>", total);
        Assert.Contains("33.3%（1/3）", total);
        Assert.Contains("10.5（7.5）", total);
        Assert.Contains("60.0%（3/5）", total);
        Assert.Contains("66.7%（2/3）", total);
        Assert.Contains("测评票：2", html);
        Assert.Contains("热线电话：1", html);
        Assert.Contains("其中逾期：1", html);

        using var doc = JsonDocument.Parse(await sys.Http.GetStringAsync($"/api/loop/figures?organizationId={f}&year=2025"));
        var t = doc.RootElement.GetProperty("total");
        Assert.Equal(5, t.GetProperty("opinions").GetInt32());
        Assert.Equal(2, t.GetProperty("opinionsBySource").GetProperty("Ballot").GetInt32());
        Assert.Equal(2, t.GetProperty("problems").GetInt32());
        Assert.Equal(4, t.GetProperty("measures").GetInt32());
        Assert.Equal(2, t.GetProperty("measuresByState").GetProperty("Verified").GetInt32());
        Assert.Equal(1, t.GetProperty("overdue").GetInt32());
        Assert.Equal((1, 3), Fraction(t, "closedOnTime"));
        Assert.Equal(10.5, t.GetProperty("medianDaysToClose").GetDouble());
        Assert.Equal(7.5, t.GetProperty("medianWorkingDaysToClose").GetDouble());
        Assert.Equal((3, 5), Fraction(t, "replied"));
        Assert.Equal((2, 3), Fraction(t, "satisfaction"));
        Assert.Equal("66.7%", t.GetProperty("satisfaction").GetProperty("text").GetString());

        var children = doc.RootElement.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("organizationId").GetInt32(), c => c.GetProperty("figures"));
        Assert.Equal([f1, f2], children.Keys);
        Assert.Equal(3, children[f1].GetProperty("opinions").GetInt32());
        Assert.Equal((1, 1), Fraction(children[f1], "closedOnTime"));
        Assert.Equal((3, 3), Fraction(children[f1], "replied"));
        Assert.Equal((0, 2), Fraction(children[f2], "closedOnTime"));
        Assert.Equal((0, 2), Fraction(children[f2], "replied"));
        // Nobody in F2 re-rated: no figure, not 0%.
        Assert.Equal(JsonValueKind.Null, children[f2].GetProperty("satisfaction").ValueKind);
        var f2Row = html[html.IndexOf("指标二院", StringComparison.Ordinal)..];
        Assert.Contains("<td>—</td>", f2Row[..f2Row.IndexOf("</tr>", StringComparison.Ordinal)]);

        // Without the year filter the 2024 letter counts too: 6 opinions, 3 replied.
        using var all = JsonDocument.Parse(await sys.Http.GetStringAsync($"/api/loop/figures?organizationId={f}"));
        Assert.Equal(6, all.RootElement.GetProperty("total").GetProperty("opinions").GetInt32());
        Assert.Equal((3, 6), Fraction(all.RootElement.GetProperty("total"), "replied"));
        Assert.Contains("50.0%（3/6）", await sys.GetHtmlAsync($"/Oversight/Figures?organizationId={f}"));
    }

    [Fact]
    public async Task An_empty_subtree_shows_no_figure_rather_than_zero()
    {
        var empty = await app.OrgAsync("空组织" + OversightArrange.Tag(), app.BureauId);
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        using var doc = JsonDocument.Parse(await sys.Http.GetStringAsync($"/api/loop/figures?organizationId={empty}"));
        var t = doc.RootElement.GetProperty("total");
        Assert.Equal(0, t.GetProperty("opinions").GetInt32());
        foreach (var name in new[] { "closedOnTime", "replied", "satisfaction", "medianDaysToClose" })
        {
            Assert.Equal(JsonValueKind.Null, t.GetProperty(name).ValueKind);
        }
        var html = await sys.GetHtmlAsync($"/Oversight/Figures?organizationId={empty}");
        Assert.DoesNotContain("0.0%", html);
        Assert.DoesNotContain("NaN", html);
    }

    [Fact]
    public async Task A_neighbours_figures_answer_404_and_the_refusal_is_audited()
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Oversight/Figures?organizationId={app.UnitBId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/loop/figures?organizationId={app.UnitBId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/loop/figures?organizationId={app.BureauId}")).StatusCode);
        // Own subtree: fine, and the default is the scope's root.
        using var doc = JsonDocument.Parse(await admin.Http.GetStringAsync("/api/loop/figures"));
        Assert.Equal(app.UnitAId, doc.RootElement.GetProperty("organizationId").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/Oversight/Figures?organizationId={app.BranchAId}")).StatusCode);
    }

    private static (long, long) Fraction(JsonElement figures, string name)
    {
        var rate = figures.GetProperty(name);
        return (rate.GetProperty("numerator").GetInt64(), rate.GetProperty("n").GetInt64());
    }
}

public sealed class SqliteLoopFiguresTests(SqliteAppFixture app) : LoopFiguresTests<SqliteAppFixture>(app);

public sealed class PostgresLoopFiguresTests(PostgresAppFixture app) : LoopFiguresTests<PostgresAppFixture>(app);
