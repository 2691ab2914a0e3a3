using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Progress;

/// <summary>
/// 评议进度 on the page and in the API, with the counts of <see cref="ProgressArrange"/>: group 甲
/// 7 of 10 (70.0%), group 乙 5 raters of 4 planned with two assignments (10 ballots, 125.0%,
/// 超出名额), 12 of 14 overall (85.7%).
/// </summary>
public abstract partial class ProgressTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private Task<ProgressWorld> OwnAsync(string? groupAName = null) =>
        app.ArrangeAsync(app.UnitAId, [app.UnitAId, app.BranchAId], app.MemberAId, groupAName);

    private static JsonElement Group(JsonElement progress, int id) =>
        progress.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("id").GetInt32() == id);

    private static JsonElement Subject(JsonElement progress, int id) =>
        progress.GetProperty("subjects").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == id);

    private static Dictionary<int, int> Cells(JsonElement subject) =>
        subject.GetProperty("groups").EnumerateArray().ToDictionary(c => c.GetProperty("raterGroupId").GetInt32(), c => c.GetProperty("ballots").GetInt32());

    [Fact]
    public async Task The_api_counts_raters_ballots_rates_and_codes_per_group_and_subject()
    {
        var w = await OwnAsync();
        // Ballots of another campaign must not leak into this one.
        await OwnAsync();
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var response = await admin.GetAsync($"/api/campaigns/{w.CampaignId}/progress");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var p = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(w.CampaignId, p.GetProperty("campaignId").GetInt32());
        Assert.Equal("Open", p.GetProperty("state").GetString());
        var a = Group(p, w.GroupA);
        Assert.Equal((10, 7, 7, 70.0m, "70.0%", false), (a.GetProperty("plannedCount").GetInt32(), a.GetProperty("raters").GetInt32(),
            a.GetProperty("ballots").GetInt32(), a.GetProperty("responseRate").GetDecimal(), a.GetProperty("responseRateText").GetString(),
            a.GetProperty("overPlan").GetBoolean()));
        Assert.Equal((12, 7, 2), (a.GetProperty("tokensIssued").GetInt32(), a.GetProperty("tokensUsed").GetInt32(), a.GetProperty("tokensVoid").GetInt32()));
        var b = Group(p, w.GroupB);
        Assert.Equal((4, 5, 10, 125.0m, "125.0%", true), (b.GetProperty("plannedCount").GetInt32(), b.GetProperty("raters").GetInt32(),
            b.GetProperty("ballots").GetInt32(), b.GetProperty("responseRate").GetDecimal(), b.GetProperty("responseRateText").GetString(),
            b.GetProperty("overPlan").GetBoolean()));
        Assert.Equal((6, 5, 0), (b.GetProperty("tokensIssued").GetInt32(), b.GetProperty("tokensUsed").GetInt32(), b.GetProperty("tokensVoid").GetInt32()));

        Assert.Equal(new Dictionary<int, int> { [w.GroupA] = 7, [w.GroupB] = 5 }, Cells(Subject(p, w.S1)));
        Assert.Equal(12, Subject(p, w.S1).GetProperty("ballots").GetInt32());
        Assert.Equal(new Dictionary<int, int> { [w.GroupA] = 7 }, Cells(Subject(p, w.S2)));
        Assert.Equal(new Dictionary<int, int> { [w.GroupB] = 5 }, Cells(Subject(p, w.S3)));

        var t = p.GetProperty("totals");
        Assert.Equal((14, 12, 17, 85.7m, "85.7%", false), (t.GetProperty("plannedCount").GetInt32(), t.GetProperty("raters").GetInt32(),
            t.GetProperty("ballots").GetInt32(), t.GetProperty("responseRate").GetDecimal(), t.GetProperty("responseRateText").GetString(),
            t.GetProperty("overPlan").GetBoolean()));
        Assert.Equal((18, 12, 2), (t.GetProperty("tokensIssued").GetInt32(), t.GetProperty("tokensUsed").GetInt32(), t.GetProperty("tokensVoid").GetInt32()));
    }

    [Fact]
    public async Task The_page_shows_the_same_numbers_with_bars_the_over_plan_note_and_the_time()
    {
        var w = await OwnAsync();
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var html = await admin.GetHtmlAsync($"/Progress/Index/{w.CampaignId}");
        var text = Space().Replace(html, " ");

        Assert.Contains($"进度活动{w.Tag}", html);
        Assert.Contains("评议进度", html);
        Assert.Matches($@"甲组{w.Tag}</th> <td class=""num"">10</td> <td class=""num"">7</td>", text);
        Assert.Matches($@"乙组{w.Tag}</th> <td class=""num"">4</td> <td class=""num"">5</td>", text);
        Assert.Contains("<span class=\"num\">70.0%</span>", html);
        Assert.Contains("<span class=\"num\">125.0%</span>", html);
        Assert.Contains("<span class=\"num\">85.7%</span>", html);
        Assert.Single(Regex.Matches(html, "超出名额"));
        // The bar of an over-full group stops full; the text says how far over it is.
        Assert.Contains("<progress value=\"4\" max=\"4\"", html);
        Assert.Contains("<progress value=\"7\" max=\"10\"", html);
        Assert.Contains("<progress value=\"12\" max=\"14\"", html);
        // Codes issued, used, void for 甲 and the totals.
        Assert.Contains("<td class=\"num\">12</td> <td class=\"num\">7</td> <td class=\"num\">2</td>", text);
        Assert.Contains("<td class=\"num\">18</td> <td class=\"num\">12</td> <td class=\"num\">2</td>", text);
        // Subject × group: 甲医院 7 + 5, the branch 7 and not rated by 乙, the member 5 and not rated by 甲.
        Assert.Contains("甲医院</th> <td class=\"num\">7</td> <td class=\"num\">5</td> <td class=\"num\">12</td>", text);
        Assert.Contains("甲医院党支部</th> <td class=\"num\">7</td> <td class=\"num muted\" title=\"该类评议人不评议此对象\">—</td> <td class=\"num\">7</td>", text);
        Assert.Contains("甲成员（甲医院党支部）</th> <td class=\"num muted\" title=\"该类评议人不评议此对象\">—</td> <td class=\"num\">5</td> <td class=\"num\">5</td>", text);

        var now = app.Clock.GetUtcNow().UtcDateTime.ToLocalTime();
        Assert.Contains($"数据截至 {now:HH:mm}", html);
        Assert.Contains($"<a href=\"/Progress/Index/{w.CampaignId}\">刷新</a>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("满意率", html);
    }

    [Fact]
    public async Task The_campaign_header_and_the_campaign_list_link_to_the_progress_page()
    {
        var w = await OwnAsync();
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Contains($"<a href=\"/Progress/Index/{w.CampaignId}\" aria-current=\"false\">评议进度</a>", await admin.GetHtmlAsync($"/Campaigns/Details/{w.CampaignId}"));
        Assert.Contains($"<a href=\"/Progress/Index/{w.CampaignId}\" aria-current=\"page\">评议进度</a>", await admin.GetHtmlAsync($"/Progress/Index/{w.CampaignId}"));
        Assert.Contains($"<a href=\"/Progress/Index/{w.CampaignId}\">评议进度</a>", await admin.GetHtmlAsync("/Campaigns"));
    }

    [Fact]
    public async Task A_campaign_without_ballots_or_codes_shows_zeros()
    {
        var w = await OwnAsync();
        await app.WithDbAsync(async db =>
        {
            await db.Ballots.Where(b => b.CampaignId == w.CampaignId).ExecuteDeleteAsync();
            await db.Tokens.Where(t => t.CampaignId == w.CampaignId).ExecuteDeleteAsync();
        });
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var p = JsonDocument.Parse(await admin.Http.GetStringAsync($"/api/campaigns/{w.CampaignId}/progress")).RootElement;
        Assert.All(p.GetProperty("groups").EnumerateArray(), g => Assert.Equal((0, 0, "0.0%", 0), (g.GetProperty("raters").GetInt32(),
            g.GetProperty("ballots").GetInt32(), g.GetProperty("responseRateText").GetString(), g.GetProperty("tokensIssued").GetInt32())));
        Assert.Equal(0, Subject(p, w.S1).GetProperty("ballots").GetInt32());
        var html = await admin.GetHtmlAsync($"/Progress/Index/{w.CampaignId}");
        Assert.Contains("<span class=\"num\">0.0%</span>", html);
        Assert.DoesNotContain("超出名额", html);
    }

    [Fact]
    public async Task Campaigns_of_a_sibling_unit_or_of_the_bureau_are_not_found_on_the_page_and_in_the_api()
    {
        var b = await app.ArrangeAsync(app.UnitBId, [app.UnitBId, app.BranchBId], app.MemberBId);
        var bureau = await app.ArrangeAsync(app.BureauId, [app.UnitAId, app.UnitBId], app.MemberAId);
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        foreach (var w in new[] { b, bureau })
        {
            foreach (var url in new[] { $"/Progress/Index/{w.CampaignId}", $"/api/campaigns/{w.CampaignId}/progress" })
            {
                var denials = await DenialsAsync();
                var response = await admin.GetAsync(url);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(w.Tag, body);
                Assert.DoesNotContain("125.0%", body);
                Assert.True(await DenialsAsync() > denials, $"the refusal of {url} is audited");
            }
        }
        // The system administrator sees both.
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        Assert.Contains("125.0%", await sys.GetHtmlAsync($"/Progress/Index/{b.CampaignId}"));
        Assert.Contains("\"raters\":5", await sys.Http.GetStringAsync($"/api/campaigns/{bureau.CampaignId}/progress"));
    }

    private Task<int> DenialsAsync() =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Denied && e.Actor == AppFixture.AdminA));

    [Theory]
    [InlineData("/Progress/Index/abc")]
    [InlineData("/Progress/Index/-1")]
    [InlineData("/Progress/Index/99999999")]
    [InlineData("/Progress/Index/2147483648")]
    [InlineData("/api/campaigns/abc/progress")]
    [InlineData("/api/campaigns/99999999/progress")]
    [InlineData("/api/campaigns/2147483648/progress")]
    [InlineData("/api/campaigns/1%27%20OR%201=1/progress")]
    public async Task Malformed_or_unknown_campaign_ids_are_not_found(string url)
    {
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var response = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body);
        if (url.StartsWith("/api", StringComparison.Ordinal))
        {
            Assert.Contains("未找到", body);
        }
    }

    [Fact]
    public async Task Without_a_login_or_as_the_auditor_there_is_no_progress()
    {
        var w = await OwnAsync();
        using var anonymous = app.CreateClient();
        var page = await anonymous.GetAsync($"/Progress/Index/{w.CampaignId}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/campaigns/{w.CampaignId}/progress")).StatusCode);
        using var auditor = await app.SignInAsync(AppFixture.Auditor);
        var denied = await auditor.GetAsync($"/Progress/Index/{w.CampaignId}");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.DoesNotContain(w.Tag, await denied.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Html_in_a_group_name_is_shown_as_text()
    {
        const string hostile = "<script>alert(1)</script><b>x";
        var w = await OwnAsync(hostile);
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var html = await admin.GetHtmlAsync($"/Progress/Index/{w.CampaignId}");
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<b>x", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x", html);
        var json = await admin.Http.GetStringAsync($"/api/campaigns/{w.CampaignId}/progress");
        Assert.DoesNotContain("<script>", json);
        Assert.Equal(hostile, Group(JsonDocument.Parse(json).RootElement, w.GroupA).GetProperty("name").GetString());
    }
}

public sealed class SqliteProgressTests(SqliteAppFixture app) : ProgressTests<SqliteAppFixture>(app);

public sealed class PostgresProgressTests(PostgresAppFixture app) : ProgressTests<PostgresAppFixture>(app);
