using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Organizations;
using Pingyi.Domain.Results;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Results;

/// <summary>软弱涣散 / 先进典型: proposals with their numbers, year on year, decisions stored and audited, scope.</summary>
public abstract class FlagTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static int _next;

    private static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _next)}";

    /// <summary>
    /// Three departments of unit A, rated by 40 ballots: low 10/40 满意 (25.0%), mid 32/40 (80.0%, not below the line),
    /// high 40/40 (100.0%, interval from 91.2%, above the average 68.3%). An earlier campaign rated
    /// the low department 36/40. Both closed.
    /// </summary>
    private async Task<(ArrangedCampaign Campaign, int Low, int Mid, int High, string Tag)> ArrangeAsync()
    {
        var tag = Unique("F");
        var low = (await app.AddOrganizationAsync(tag + "-L", tag + "低分科", app.UnitAId)).Id;
        var mid = (await app.AddOrganizationAsync(tag + "-M", tag + "中间科", app.UnitAId)).Id;
        var high = (await app.AddOrganizationAsync(tag + "-H", tag + "高分科", app.UnitAId)).Id;

        var earlier = await app.OpenAsync(app.UnitAId, tag + "去年评议", [low], []);
        await app.InsertBallotsAsync(earlier, 40, (_, j) => j < 36 ? 1 : 3);
        await app.CloseAsync(earlier);
        var lastYear = app.Today().AddYears(-1);
        await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == earlier.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartsOn, lastYear).SetProperty(c => c.Year, lastYear.Year)));

        var campaign = await app.OpenAsync(app.UnitAId, tag + "今年评议", [low, mid, high], []);
        var (l, m) = (campaign.Org(low), campaign.Org(mid));
        await app.InsertBallotsAsync(campaign, 40, (s, j) => s == l ? (j < 10 ? 1 : 3) : s == m ? (j < 32 ? 1 : 3) : 1);
        await app.CloseAsync(campaign);
        return (campaign, low, mid, high, tag);
    }

    private static string SectionOf(string html, string name) =>
        html.Split("<section class=\"flag-row\"").Skip(1).Select(s => s.Split("</section>")[0])
            .Single(s => s.Contains($">{name}", StringComparison.Ordinal));

    private static Dictionary<string, string> Decision(int organizationId, string kind, string verdict, string reason, bool manual = false) => new()
    {
        ["OrganizationId"] = organizationId.ToString(CultureInfo.InvariantCulture),
        ["Kind"] = kind,
        ["Verdict"] = verdict,
        ["Reason"] = reason,
        ["Manual"] = manual ? "true" : "false",
    };

    private Task<List<OrganizationFlag>> FlagsAsync(int campaignId) =>
        app.WithDbAsync(db => db.OrganizationFlags.AsNoTracking().Where(f => f.CampaignId == campaignId).ToListAsync());

    [Fact]
    public async Task The_page_and_api_show_weak_and_model_proposals_with_their_numbers_and_the_year_on_year_change()
    {
        var (c, low, mid, high, tag) = await ArrangeAsync();
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var html = await admin.GetHtmlAsync($"/Flags/Index/{c.Id}");
        Assert.Contains("平均满意率（68.3%）", html);

        var weak = SectionOf(html, tag + "低分科");
        Assert.Contains("建议：软弱涣散", weak);
        Assert.Contains("满意率25.0%（95%区间", weak);
        Assert.Contains("低于80%", weak);
        Assert.DoesNotContain("先进典型</strong>", weak);
        Assert.Contains($"年“{tag}去年评议”满意率90.0%", weak);
        Assert.Contains("下降", weak);

        var model = SectionOf(html, tag + "高分科");
        Assert.Contains("建议：先进典型", model);
        Assert.Contains("满意率100.0%（95%区间91.2%–100.0%），区间下限高于本次平均满意率68.3%", model);
        Assert.DoesNotContain("软弱涣散</strong>", model);
        // 80.0% is not below the weak line, and its interval (65.2%–89.5%) is not wholly above the average.
        Assert.DoesNotContain(tag + "中间科", html.Split("<h2>手工标记</h2>")[0]);

        var api = JsonDocument.Parse(await admin.Http.GetStringAsync($"/api/campaigns/{c.Id}/flags")).RootElement;
        var rows = api.GetProperty("organizations").EnumerateArray().ToDictionary(r => r.GetProperty("organizationId").GetInt32());
        Assert.Equal("Weak", rows[low].GetProperty("proposals")[0].GetProperty("kind").GetString());
        Assert.Equal(10, rows[low].GetProperty("rate").GetProperty("numerator").GetInt64());
        Assert.Equal(40, rows[low].GetProperty("rate").GetProperty("n").GetInt64());
        Assert.Equal("Down", rows[low].GetProperty("yearOnYear")[0].GetProperty("trend").GetString());
        Assert.Equal("Model", rows[high].GetProperty("proposals")[0].GetProperty("kind").GetString());
        Assert.False(rows.ContainsKey(mid));
    }

    [Fact]
    public async Task Confirming_stores_the_flag_and_audits_it_and_deciding_again_replaces_it()
    {
        var (c, low, _, high, tag) = await ArrangeAsync();
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var url = $"/Flags/Index/{c.Id}";

        var confirmed = await admin.PostFormAsync(url, Decision(low, "Weak", "Confirmed", ""));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var flag = Assert.Single(await FlagsAsync(c.Id));
        Assert.Equal((low, OrganizationFlagKind.Weak, OrganizationFlagState.Confirmed, false, AppFixture.AdminA),
            (flag.OrganizationId, flag.Kind, flag.State, flag.IsManual, flag.DecidedBy));
        Assert.Contains("满意率25.0%", flag.Evidence);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == AuditActions.OrganizationFlagDecide && a.ObjectId == low.ToString(CultureInfo.InvariantCulture)));
        Assert.Contains("认定为软弱涣散", audit.Detail);
        Assert.Contains("满意率25.0%", audit.Detail);
        var html = await admin.GetHtmlAsync(url);
        Assert.Contains("认定为软弱涣散</strong>（依评议建议）", SectionOf(html, tag + "低分科"));

        // Dismissing needs a reason; with one it replaces the confirmation.
        var page = await (await admin.PostFormAsync(url, Decision(low, "Weak", "Dismissed", " "))).Content.ReadAsStringAsync();
        Assert.Contains("不予认定须填写理由", page);
        Assert.Equal(OrganizationFlagState.Confirmed, Assert.Single(await FlagsAsync(c.Id)).State);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Decision(low, "Weak", "Dismissed", "系新组建科室，人员调整所致"))).StatusCode);
        flag = Assert.Single(await FlagsAsync(c.Id));
        Assert.Equal((OrganizationFlagState.Dismissed, "系新组建科室，人员调整所致"), (flag.State, flag.Reason));

        // No proposal of that kind: only by hand, with a reason.
        page = await (await admin.PostFormAsync(url, Decision(high, "Weak", "Confirmed", ""))).Content.ReadAsStringAsync();
        Assert.Contains("目前没有把", page);
        page = await (await admin.PostFormAsync(url, Decision(high, "Weak", "Confirmed", "", manual: true))).Content.ReadAsStringAsync();
        Assert.Contains("手工标记须填写理由", page);
        page = await (await admin.PostFormAsync(url, Decision(high, "Model", "Confirmed", new string('长', OrganizationFlag.ReasonMaxLength + 1), manual: true))).Content.ReadAsStringAsync();
        Assert.Contains($"理由不能超过{OrganizationFlag.ReasonMaxLength}字", page);
        page = await (await admin.PostFormAsync(url, Decision(high, "Bogus", "Confirmed", "理由", manual: true))).Content.ReadAsStringAsync();
        Assert.Contains("请选择认定的类别和结论", page);
        Assert.Single(await FlagsAsync(c.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, Decision(high, "Model", "Confirmed", "<img src=x onerror=alert(1)>", manual: true))).StatusCode);
        var manual = (await FlagsAsync(c.Id)).Single(f => f.OrganizationId == high);
        Assert.True(manual.IsManual);
        Assert.StartsWith("手工标记；满意率100.0%", manual.Evidence);
        html = await admin.GetHtmlAsync(url);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public async Task A_neighbours_organisation_or_campaign_answers_404_and_nothing_is_stored()
    {
        var (c, low, _, _, tag) = await ArrangeAsync();
        var neighbourUnit = (await app.AddOrganizationAsync(tag + "-B", tag + "乙院科室", app.UnitBId, OrganizationKind.Unit)).Id;
        var neighbour = await app.OpenAsync(app.UnitBId, tag + "乙院评议", [neighbourUnit], []);
        await app.InsertBallotsAsync(neighbour, 10, (_, _) => 3);
        await app.CloseAsync(neighbour);

        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Flags/Index/{neighbour.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/campaigns/{neighbour.Id}/flags")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync($"/Flags/Index/{neighbour.Id}",
            Decision(neighbourUnit, "Weak", "Confirmed", ""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync($"/Flags/Index/{c.Id}",
            Decision(app.UnitBId, "Weak", "Confirmed", "理由", manual: true))).StatusCode);
        // Inside the subtree but not a subject of this campaign: refused, not hidden.
        var page = await (await admin.PostFormAsync($"/Flags/Index/{c.Id}", Decision(app.BranchAId, "Weak", "Confirmed", "理由", manual: true)))
            .Content.ReadAsStringAsync();
        Assert.Contains("不是本次评议的评议对象", page);
        Assert.Empty(await FlagsAsync(c.Id));
        Assert.Empty(await FlagsAsync(neighbour.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.OrganizationFlagDecide
            && a.ObjectId == neighbourUnit.ToString(CultureInfo.InvariantCulture))));
    }
}

public sealed class SqliteFlagTests(SqliteAppFixture app) : FlagTests<SqliteAppFixture>(app);

public sealed class PostgresFlagTests(PostgresAppFixture app) : FlagTests<PostgresAppFixture>(app);
