using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Campaigns.CampaignTestData;

namespace Pingyi.Web.Tests.Campaigns;

/// <summary>
/// The organisation administrator of hospital A meets a campaign of sibling hospital B, or of the
/// bureau above her, only as "not found" — on every page and endpoint, with nothing changed and
/// the refusal audited — and cannot bring B's organisations, members or forms into her own.
/// </summary>
public abstract class CampaignScopeTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private sealed record World(int B, int Bureau, int Own, int FormA, int FormB, int FormBureau,
        int SubjectB, int GroupB, int AssignmentB, string Tag);

    /// <summary>A draft of unit B, an open bureau-wide campaign, and admina's own draft on unit A.</summary>
    private async Task<World> WorldAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var (formB, _) = await app.AddFormAsync(app.UnitBId, $"乙医院自用表{tag}");
        var (formBureau, _) = await app.AddFormAsync(app.BureauId, $"局统一表{tag}");
        var (formA, _) = await app.AddFormAsync(app.UnitAId, $"甲医院自用表{tag}");
        var b = await sys.CreateViaApiAsync(app.SimplePlan(app.UnitBId, $"乙医院活动{tag}", formB, [app.BranchBId], [app.MemberBId]));
        var bureau = await sys.CreateViaApiAsync(app.SimplePlan(app.BureauId, $"全局活动{tag}", formBureau, [app.UnitAId, app.UnitBId]));
        Assert.Equal(HttpStatusCode.OK, (await sys.Http.PostAsJsonAsync($"/api/campaigns/{bureau}/state", new { state = "Open" })).StatusCode);
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var own = await admin.CreateViaApiAsync(app.SimplePlan(app.UnitAId, $"甲医院活动{tag}", formBureau, [app.BranchAId]));
        var (subjectB, groupB, assignmentB) = await app.WithDbAsync(async db => (
            await db.CampaignSubjects.Where(s => s.CampaignId == b).Select(s => s.Id).FirstAsync(),
            await db.RaterGroups.Where(g => g.CampaignId == b).Select(g => g.Id).FirstAsync(),
            await db.Assignments.Where(a => a.CampaignId == b).Select(a => a.Id).FirstAsync()));
        return new World(b, bureau, own, formA, formB, formBureau, subjectB, groupB, assignmentB, tag);
    }

    private string Fill(string text, World w) => text
        .Replace("{OWN}", w.Own.ToString()).Replace("{FB}", w.FormB.ToString()).Replace("{FA}", w.FormA.ToString())
        .Replace("{SB}", w.SubjectB.ToString()).Replace("{GB}", w.GroupB.ToString()).Replace("{AB}", w.AssignmentB.ToString())
        .Replace("{BB}", app.BranchBId.ToString()).Replace("{B}", app.UnitBId.ToString())
        .Replace("{MB}", app.MemberBId.ToString()).Replace("{AA}", app.BranchAId.ToString()).Replace("{A}", app.UnitAId.ToString())
        .Replace("{BUR}", app.BureauId.ToString());

    private async Task<string> SnapshotAsync(World w) =>
        string.Join("#", await app.SnapshotAsync(w.B), await app.SnapshotAsync(w.Bureau), await app.SnapshotAsync(w.Own),
            await app.CampaignCountAsync());

    private Task<int> DenialsAsync() =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Denied && e.Actor == AppFixture.AdminA));

    public static TheoryData<string> Reads => new()
    {
        "/Campaigns/Details/{C}",
        "/Campaigns/Edit/{C}",
        "/Campaigns/Subjects/{C}",
        "/Campaigns/Groups/{C}",
        "/Campaigns/Assignments/{C}",
        "/api/campaigns/{C}",
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Reading_a_campaign_of_a_sibling_or_of_the_bureau_is_refused_as_not_found(string url)
    {
        var w = await WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        foreach (var id in new[] { w.B, w.Bureau })
        {
            var denials = await DenialsAsync();
            var response = await client.GetAsync(Fill(url, w).Replace("{C}", id.ToString()));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(w.Tag, body);
            Assert.DoesNotContain("乙", body);
            Assert.True(await DenialsAsync() > denials, "the refusal is audited");
        }
    }

    public static TheoryData<string, string> Writes => new()
    {
        { "/Campaigns/Details/{C}?handler=State", "to=Open" },
        { "/Campaigns/Details/{C}?handler=State", "to=Closed" },
        { "/Campaigns/Details/{C}?handler=Extend", "EndsOn=2099-12-31" },
        { "/Campaigns/Details/{C}?handler=Delete", "" },
        { "/Campaigns/Edit/{C}", "Form.OrganizationId={A}&Form.Name=被篡改&Form.Year=2025&Form.StartsOn=2025-01-01&Form.EndsOn=2099-01-01&Form.MinGroupSize=5" },
        { "/Campaigns/Subjects/{C}?handler=Pick", "organizationIds={AA}" },
        { "/Campaigns/Subjects/{C}?handler=Subtree", "rootId={BB}" },
        { "/Campaigns/Subjects/{C}?handler=Members", "rootId={BB}" },
        { "/Campaigns/Subjects/{C}?handler=Remove", "subjectId={SB}" },
        { "/Campaigns/Groups/{C}?handler=Save", "Form.Kind=PartyMember&Form.PlannedCount=5&Form.Weight=0" },
        { "/Campaigns/Groups/{C}?handler=Save", "Form.GroupId={GB}&Form.Kind=Custom&Form.Name=被篡改&Form.PlannedCount=5&Form.Weight=100" },
        { "/Campaigns/Groups/{C}?handler=Remove", "groupId={GB}" },
        { "/Campaigns/Assignments/{C}?handler=Save", "Form.RaterGroupId={GB}&Form.Direction=Peer&Form.FormId={FA}&Form.SubjectIds={SB}" },
        { "/Campaigns/Assignments/{C}?handler=Remove", "assignmentId={AB}" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Changing_a_campaign_of_a_sibling_or_of_the_bureau_is_refused_and_changes_nothing(string url, string form)
    {
        var w = await WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        foreach (var id in new[] { w.B, w.Bureau })
        {
            var before = await SnapshotAsync(w);
            var fields = Fill(form, w).Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
            var response = await client.PostFormAsync(Fill(url, w).Replace("{C}", id.ToString()), fields);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(before, await SnapshotAsync(w));
        }
    }

    [Fact]
    public async Task Api_state_changes_and_extensions_of_a_sibling_or_of_the_bureau_are_refused()
    {
        var w = await WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await SnapshotAsync(w);
        foreach (var id in new[] { w.B, w.Bureau })
        {
            foreach (var state in new[] { "Open", "Closed", "Published", "Archived" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PostAsJsonAsync($"/api/campaigns/{id}/state", new { state })).StatusCode);
            }
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PostAsJsonAsync($"/api/campaigns/{id}/extend", new { endsOn = "2099-12-31" })).StatusCode);
        }
        Assert.Equal(before, await SnapshotAsync(w));
        Assert.Equal(CampaignState.Open, await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == w.Bureau).Select(c => c.State).SingleAsync()));
    }

    public static TheoryData<string, string> IntoOwn => new()
    {
        { "/Campaigns/Subjects/{OWN}?handler=Pick", "organizationIds={B}" },
        { "/Campaigns/Subjects/{OWN}?handler=Pick", "organizationIds={AA}&organizationIds={BB}" },
        { "/Campaigns/Subjects/{OWN}?handler=Pick", "memberIds={MB}" },
        { "/Campaigns/Subjects/{OWN}?handler=Subtree", "rootId={B}" },
        { "/Campaigns/Subjects/{OWN}?handler=Members", "rootId={BB}" },
        { "/Campaigns/Subjects/{OWN}?handler=Remove", "subjectId={SB}" },
        { "/Campaigns/Groups/{OWN}?handler=Remove", "groupId={GB}" },
        { "/Campaigns/Assignments/{OWN}?handler=Remove", "assignmentId={AB}" },
        { "/Campaigns/Assignments/{OWN}?handler=Save", "Form.RaterGroupId={GB}&Form.Direction=Peer&Form.FormId={FA}&Form.SubjectIds={SB}" },
        { "/Campaigns/Create", "Form.OrganizationId={B}&Form.Name=越权活动&Form.Year=2025&Form.StartsOn=2025-01-01&Form.EndsOn=2099-01-01&Form.MinGroupSize=5" },
        { "/Campaigns/Create", "Form.OrganizationId={BUR}&Form.Name=越权活动&Form.Year=2025&Form.StartsOn=2025-01-01&Form.EndsOn=2099-01-01&Form.MinGroupSize=5" },
        { "/Campaigns/Edit/{OWN}", "Form.OrganizationId={B}&Form.Name=搬到乙医院&Form.Year=2025&Form.StartsOn=2025-01-01&Form.EndsOn=2099-01-01&Form.MinGroupSize=5" },
    };

    [Theory]
    [MemberData(nameof(IntoOwn))]
    public async Task A_siblings_organisations_members_groups_and_subjects_cannot_be_brought_into_her_own_campaign(string url, string form)
    {
        var w = await WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await SnapshotAsync(w);
        var denials = await DenialsAsync();
        var fields = Fill(form, w).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
        var response = await client.PostFormAsync(Fill(url, w), fields);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync(w));
        Assert.False(await app.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Name == "越权活动")));
        if (!url.Contains("Remove", StringComparison.Ordinal) && !form.Contains("{GB}", StringComparison.Ordinal))
        {
            Assert.True(await DenialsAsync() > denials, "the refusal is audited");
        }
    }

    [Fact]
    public async Task A_form_of_a_sibling_cannot_be_used_but_one_of_the_bureau_can()
    {
        var w = await WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var group = await app.WithDbAsync(db => db.RaterGroups.Where(g => g.CampaignId == w.Own).Select(g => g.Id).SingleAsync());
        var subject = await app.WithDbAsync(db => db.CampaignSubjects.Where(s => s.CampaignId == w.Own).Select(s => s.Id).SingleAsync());
        var assignment = await app.WithDbAsync(db => db.Assignments.Where(a => a.CampaignId == w.Own).Select(a => a.Id).SingleAsync());
        var before = await SnapshotAsync(w);
        var page = await client.PostFormAsync($"/Campaigns/Assignments/{w.Own}?handler=Save",
            [F("Form.AssignmentId", assignment), F("Form.RaterGroupId", group), F("Form.Direction", "ServiceRecipients"), F("Form.FormId", w.FormB), F("Form.SubjectIds", subject)]);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var api = await client.Http.PostAsJsonAsync("/api/campaigns", app.SimplePlan(app.UnitAId, $"用乙医院的表{w.Tag}", w.FormB, [app.BranchAId]));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(before, await SnapshotAsync(w));

        var choices = await client.GetHtmlAsync($"/Campaigns/Assignments/{w.Own}");
        Assert.DoesNotContain($"乙医院自用表{w.Tag}", choices);
        Assert.Contains($"局统一表{w.Tag}", choices);
        Assert.Contains($"甲医院自用表{w.Tag}", choices);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Campaigns/Assignments/{w.Own}?handler=Save",
            [F("Form.AssignmentId", assignment), F("Form.RaterGroupId", group), F("Form.Direction", "ServiceRecipients"), F("Form.FormId", w.FormA), F("Form.SubjectIds", subject)])).StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_a_campaign_for_a_sibling_or_with_a_siblings_subjects()
    {
        var w = await WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await SnapshotAsync(w);
        var requests = new[]
        {
            app.SimplePlan(app.UnitBId, "越权活动", w.FormBureau, [app.BranchBId]),
            app.SimplePlan(app.BureauId, "越权活动", w.FormBureau, [app.UnitAId]),
            app.SimplePlan(app.UnitAId, "越权活动", w.FormBureau, [app.BranchAId, app.UnitBId]),
            app.SimplePlan(app.UnitAId, "越权活动", w.FormBureau, [app.BranchAId], [app.MemberBId]),
        };
        foreach (var request in requests)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PostAsJsonAsync("/api/campaigns", request)).StatusCode);
        }
        Assert.Equal(before, await SnapshotAsync(w));
        Assert.False(await app.WithDbAsync(db => db.Campaigns.AnyAsync(c => c.Name == "越权活动")));
    }

    [Fact]
    public async Task Lists_show_only_campaigns_of_the_own_subtree()
    {
        var w = await WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var index = await client.GetHtmlAsync("/Campaigns");
        Assert.Contains($"甲医院活动{w.Tag}", index);
        Assert.DoesNotContain($"乙医院活动{w.Tag}", index);
        Assert.DoesNotContain($"全局活动{w.Tag}", index);
        var api = await client.Http.GetFromJsonAsync<JsonElement>("/api/campaigns");
        var names = api.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains($"甲医院活动{w.Tag}", names);
        Assert.DoesNotContain($"乙医院活动{w.Tag}", names);
        Assert.DoesNotContain($"全局活动{w.Tag}", names);
        var create = await client.GetHtmlAsync("/Campaigns/Create");
        Assert.DoesNotContain("乙医院", create);
        Assert.DoesNotContain("测试卫生局", create);
        var subjects = await client.GetHtmlAsync($"/Campaigns/Subjects/{w.Own}");
        Assert.DoesNotContain("乙", subjects);
    }

    [Fact]
    public async Task A_system_administrator_runs_a_bureau_wide_campaign_over_both_units()
    {
        var w = await WorldAsync();
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await sys.Http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{w.Bureau}");
        Assert.Equal("Open", campaign.GetProperty("state").GetString());
        Assert.Equal(["乙医院", "甲医院"], campaign.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var details = await sys.GetHtmlAsync($"/Campaigns/Details/{w.Bureau}");
        Assert.Contains("甲医院", details);
        Assert.Contains("乙医院", details);
        var index = await sys.GetHtmlAsync("/Campaigns");
        Assert.Contains($"全局活动{w.Tag}", index);
        Assert.Contains($"乙医院活动{w.Tag}", index);
        Assert.Contains($"甲医院活动{w.Tag}", index);

        var draft = await app.CreateOnPageAsync(sys, app.BureauId, $"全局草稿{w.Tag}");
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync($"/Campaigns/Subjects/{draft}?handler=Members", [F("rootId", app.BureauId)])).StatusCode);
        var members = await app.WithDbAsync(db => db.CampaignSubjects.Where(s => s.CampaignId == draft).Select(s => s.MemberId).ToListAsync());
        Assert.Contains(app.MemberAId, members);
        Assert.Contains(app.MemberBId, members);
    }
}

public sealed class SqliteCampaignScopeTests(SqliteAppFixture app) : CampaignScopeTests<SqliteAppFixture>(app);

public sealed class PostgresCampaignScopeTests(PostgresAppFixture app) : CampaignScopeTests<PostgresAppFixture>(app);
