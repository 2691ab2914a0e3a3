using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Results;

/// <summary>
/// The result dashboards over arranged ballots. Cells (k = 5): unit A 服务对象 19/20 (95.0%) and
/// 职工代表 6/8 (75.0%); the hostile-named unit 6/10 and 1/4 (the 4 is below k, so the 10 goes too,
/// else the subject's total would give it away); unit B 12/12 and 4/6 (hidden beside them in the
/// group columns). Campaign pooled 48/60 = 80.0%.
/// </summary>
public abstract class ResultPagesTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static readonly string[] HiddenFigures =
    [
        "25.0%", "60.0%", "66.7%",
        RateFormat.Interval(Wilson.Interval(1, 4)),
        RateFormat.Interval(Wilson.Interval(6, 10)),
        RateFormat.Interval(Wilson.Interval(4, 6)),
    ];

    private const string EncodedScript = "&lt;script&gt;alert(1)&lt;/script&gt;";

    private async Task<PagesCampaign> ArrangeAsync(string name, bool standing = false)
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.CreateAsync(sys, name, standing);
        await app.AddBallotsAsync(c, c.UnitA, c.GroupServiceId, 20, 19);
        await app.AddBallotsAsync(c, c.UnitA, c.GroupStaffId, 8, 6);
        await app.AddBallotsAsync(c, c.Hostile, c.GroupServiceId, 10, 6);
        await app.AddBallotsAsync(c, c.Hostile, c.GroupStaffId, 4, 1);
        await app.AddBallotsAsync(c, c.UnitB, c.GroupServiceId, 12, 12);
        await app.AddBallotsAsync(c, c.UnitB, c.GroupStaffId, 6, 4);
        return c;
    }

    private static string[] Pages(PagesCampaign c, bool withUnitB) =>
    [
        $"/Results/{c.Id}",
        $"/Results/Tree/{c.Id}",
        $"/Results/Subject/{c.Id}/{c.UnitA}",
        $"/Results/Subject/{c.Id}/{c.Hostile}",
        .. withUnitB ? [$"/Results/Subject/{c.Id}/{c.UnitB}"] : Array.Empty<string>(),
    ];

    private Task<int> DenialsAsync() =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Denied && e.Actor == AppFixture.AdminA));

    [Fact]
    public async Task Overview_shows_response_against_quota_the_summary_and_each_subject_with_its_interval()
    {
        var c = await ArrangeAsync("结果-概览");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);

        var html = await sys.GetHtmlAsync($"/Results/{c.Id}");

        // Raters of 服务对象: the most ballots one of its assignments received (20) against 名额 50.
        Assert.Contains("20 / 50（40.0%）", html);
        Assert.Contains("按全部测评票合计80.0%", html);
        Assert.Contains("最高满意率89.3%", html);
        Assert.Contains("最低满意率50.0%", html);
        // Unit A: 25/28 with its Wilson interval, in the table; the chart carries the same label.
        Assert.Contains(RateFormat.Interval(Wilson.Interval(25, 28)), html);
        Assert.Contains("class=\"value\"", html);
        Assert.Contains(ResultDisplayText.RateDefinitionStart, html);
        Assert.Matches("class=\"excluded-count\">0<", html);
        Assert.Contains($"href=\"/Results/Subject/{c.Id}/{c.UnitA}\"", html);
        Assert.Contains("role=\"img\"", html);
        Assert.DoesNotContain(" style=\"", html);
        Assert.Contains($"href=\"/Results/{c.Id}\"", await sys.GetHtmlAsync($"/Campaigns/Details/{c.Id}"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("99999999999")]
    [InlineData("<script>")]
    public async Task A_malformed_or_out_of_range_page_number_shows_the_first_page(string page)
    {
        var c = await ArrangeAsync("结果-分页" + page.Length);
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var html = await sys.GetHtmlAsync($"/Results/{c.Id}?p={Uri.EscapeDataString(page)}");
        Assert.Contains($"href=\"/Results/Subject/{c.Id}/{c.UnitA}\"", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task Drill_down_shows_figures_per_group_direction_and_item_with_the_composite()
    {
        var c = await ArrangeAsync("结果-下钻");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);

        var html = await sys.GetHtmlAsync($"/Results/Subject/{c.Id}/{c.UnitA}");

        Assert.Contains("95.0%", html);
        Assert.Contains("75.0%", html);
        Assert.Contains(RateFormat.Interval(Wilson.Interval(19, 20)), html);
        // Composite: 0.7 × 95% + 0.3 × 75% = 89.0%; pooled 25/28 = 89.3%.
        Assert.Contains("89.0%", html);
        Assert.Contains("89.3%", html);
        Assert.Contains("总体评价", html);
        Assert.Contains("id=\"subject-groups\"", html);
        Assert.Contains("id=\"subject-directions\"", html);
        Assert.Contains("id=\"subject-items\"", html);

        var hidden = await sys.GetHtmlAsync($"/Results/Subject/{c.Id}/{c.Hostile}");
        Assert.Contains("—（少于5份）", hidden);
        Assert.Contains("—（防推算）", hidden);
        Assert.Contains("50.0%", hidden);
    }

    [Fact]
    public async Task Drill_down_compares_the_subject_with_its_earlier_campaigns()
    {
        var earlier = await ArrangeAsync("结果-往次");
        var current = await ArrangeAsync("结果-本次");
        using var admin = await app.SignInAsync(AppFixture.AdminA);

        var html = await admin.GetHtmlAsync($"/Results/Subject/{current.Id}/{current.UnitA}");

        Assert.Contains("id=\"subject-trend\"", html);
        Assert.Contains($"href=\"/Results/Subject/{earlier.Id}/{earlier.UnitA}\"", html);
        Assert.Contains("（本次）", html);
        // Each arrangement appraises a new hostile-named unit: it has no earlier campaign, so no trend.
        Assert.DoesNotContain("id=\"subject-trend\"", await admin.GetHtmlAsync($"/Results/Subject/{current.Id}/{current.Hostile}"));
        // The earlier campaign's page is where the link leads, and it does not look forward.
        var before = await admin.GetHtmlAsync($"/Results/Subject/{earlier.Id}/{earlier.UnitA}");
        Assert.DoesNotContain($"/Results/Subject/{current.Id}/", before);
    }

    [Fact]
    public async Task Every_page_says_how_many_ballots_were_excluded()
    {
        var c = await ArrangeAsync("结果-剔除");
        await app.WithDbAsync(async db =>
        {
            var exclusion = new BallotExclusion { CampaignId = c.Id, Reason = "同一批次连续相同", BallotCount = 3, CreatedBy = "sys", CreatedUtc = DateTime.UtcNow };
            db.BallotExclusions.Add(exclusion);
            await db.SaveChangesAsync();
            var ballots = await db.Ballots.Where(b => b.CampaignId == c.Id && b.RaterGroupId == c.GroupServiceId && b.AssignmentId == db.Assignments
                .Where(a => a.CampaignId == c.Id && a.RaterGroupId == c.GroupServiceId && a.Subjects.Any(s => s.Id == c.UnitB)).Select(a => a.Id).First())
                .Take(3).ToListAsync();
            ballots.ForEach(b => b.ExclusionId = exclusion.Id);
            await db.SaveChangesAsync();
            await ResultAggregates.RecomputeAsync(db, c.Id);
        });
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        foreach (var url in Pages(c, withUnitB: true))
        {
            Assert.Matches("class=\"excluded-count\">3<", await sys.GetHtmlAsync(url));
        }
    }

    [Fact]
    public async Task The_lower_trust_standing_group_is_shown_apart_and_changes_no_other_figure()
    {
        var c = await ArrangeAsync("结果-平时评议", standing: true);
        // 3 of 15 scans satisfied: 20.0%, which would pull unit A's 89.3% down were it counted.
        await app.AddBallotsAsync(c, c.UnitA, c.GroupStandingId!.Value, 15, 3);
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);

        var overview = await sys.GetHtmlAsync($"/Results/{c.Id}");
        var apart = overview[overview.IndexOf("class=\"lower-trust\"", StringComparison.Ordinal)..];
        Assert.Contains("20.0%", apart);
        Assert.DoesNotContain("20.0%", overview[..overview.IndexOf("class=\"lower-trust\"", StringComparison.Ordinal)]);
        Assert.Contains("最高满意率89.3%", overview);
        Assert.Contains("按全部测评票合计80.0%", overview);

        var subject = await sys.GetHtmlAsync($"/Results/Subject/{c.Id}/{c.UnitA}");
        Assert.Contains("（低可信）", subject);
        Assert.Contains("20.0%", subject);
        Assert.Contains("89.3%", subject);
    }

    [Fact]
    public async Task Tree_rolls_each_organisation_up_over_its_subtree_and_links_to_the_drill_down()
    {
        var c = await ArrangeAsync("结果-汇总");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);

        var html = await sys.GetHtmlAsync($"/Results/Tree/{c.Id}");

        // Unit A's subtree: unit A 25/28 and the unit under it 7/14 → pooled 32/42 = 76.2%, average (89.29 + 50) / 2 = 69.6%.
        Assert.Contains("76.2%", html);
        Assert.Contains("69.6%", html);
        Assert.Contains($"href=\"/Results/Subject/{c.Id}/{c.UnitA}\"", html);
        Assert.Contains($"href=\"/Results/Subject/{c.Id}/{c.UnitB}\"", html);
        Assert.Contains("id=\"results-tree\"", html);
    }

    [Fact]
    public async Task A_cell_below_k_and_the_cells_that_would_give_it_away_appear_on_no_page()
    {
        var c = await ArrangeAsync("结果-抑制");
        foreach (var (user, withB) in new[] { (AppFixture.SystemAdmin, true), (AppFixture.AdminA, false) })
        {
            using var client = await app.SignInAsync(user);
            foreach (var url in Pages(c, withB))
            {
                var html = await client.GetHtmlAsync(url);
                foreach (var figure in HiddenFigures)
                {
                    Assert.False(html.Contains(figure, StringComparison.Ordinal), $"{user} {url} shows the hidden figure {figure}");
                }
            }
        }
    }

    [Fact]
    public async Task Admin_of_unit_A_sees_only_their_subtree_and_unit_Bs_subject_answers_404()
    {
        var c = await ArrangeAsync("结果-范围");
        using var admin = await app.SignInAsync(AppFixture.AdminA);

        var overview = await admin.GetHtmlAsync($"/Results/{c.Id}");
        var tree = await admin.GetHtmlAsync($"/Results/Tree/{c.Id}");
        foreach (var html in new[] { overview, tree })
        {
            Assert.Contains($"/Results/Subject/{c.Id}/{c.UnitA}\"", html);
            Assert.DoesNotContain($"/Results/Subject/{c.Id}/{c.UnitB}\"", html);
            Assert.DoesNotContain(c.UnitBName, html);
        }
        // Over unit A's subjects only: highest 89.3%, lowest 50.0%.
        Assert.Contains("最高满意率89.3%", overview);

        var before = await DenialsAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Results/Subject/{c.Id}/{c.UnitB}")).StatusCode);
        Assert.Equal(before + 1, await DenialsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Results/Subject/{c.Id}/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Results/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Results/Tree/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Results/{c.Id}x")).StatusCode);

        using var auditor = await app.SignInAsync(AppFixture.Auditor);
        var refused = await auditor.GetAsync($"/Results/{c.Id}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_campaign_of_unit_B_answers_404_to_admin_of_unit_A()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await Ballots.BallotArrange.OpenCampaignAsync(app, sys, app.UnitBId, app.UnitBId, app.BranchBId, "结果-乙单位活动");
        using var admin = await app.SignInAsync(AppFixture.AdminA);

        var before = await DenialsAsync();
        foreach (var url in new[] { $"/Results/{campaign.Id}", $"/Results/Tree/{campaign.Id}", $"/Results/Subject/{campaign.Id}/{campaign.SubjectIds[0]}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
        }
        Assert.Equal(before + 3, await DenialsAsync());
        await sys.GetHtmlAsync($"/Results/{campaign.Id}");
    }

    [Fact]
    public async Task Hostile_subject_names_render_inert_in_tables_and_charts()
    {
        var c = await ArrangeAsync("结果-恶意名称");
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        foreach (var url in Pages(c, withUnitB: true))
        {
            var html = await sys.GetHtmlAsync(url);
            Assert.DoesNotContain(ResultPagesArrange.Script, html);
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            if (url != $"/Results/Subject/{c.Id}/{c.UnitA}" && url != $"/Results/Subject/{c.Id}/{c.UnitB}")
            {
                Assert.Contains(EncodedScript, html);
            }
        }
    }
}

/// <summary>Text the pages must carry, kept apart so a wording change fails loudly here.</summary>
internal static class ResultDisplayText
{
    public const string RateDefinitionStart = "严格满意率只计满意";
}

public sealed class SqliteResultPagesTests(SqliteAppFixture a) : ResultPagesTests<SqliteAppFixture>(a);

public sealed class PostgresResultPagesTests(PostgresAppFixture a) : ResultPagesTests<PostgresAppFixture>(a);
