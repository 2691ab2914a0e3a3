using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Campaigns.CampaignTestData;
using static Pingyi.Web.Tests.Codes.CodesTestData;

namespace Pingyi.Web.Tests.Codes;

/// <summary>
/// The administrator of hospital A meets the codes of sibling hospital B's campaign, or of the
/// bureau's, only as "not found": on every page and endpoint, with nothing changed and the
/// refusal audited; B's batches, groups and codes cannot be reached through her own campaign.
/// </summary>
public abstract class CodesScopeTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private sealed record World(Plan B, Plan Bureau, Plan Own, int BatchB, int BatchBureau, int OwnBatch, string CodeB);

    private async Task<World> WorldAsync()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var b = await app.CampaignAsync(sys, app.UnitBId, app.BranchBId, $"乙医院评议码活动{Guid.NewGuid():N}");
        var bureau = await app.CampaignAsync(sys, app.BureauId, app.UnitBId, $"全局评议码活动{Guid.NewGuid():N}");
        var batchB = await app.IssueAndWaitAsync(sys, b, 3);
        var batchBureau = await app.IssueAndWaitAsync(sys, bureau, 3);
        var codeB = (await sys.CodesAsync(batchB))[0].ShortCode;
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var own = await app.CampaignAsync(admin, app.UnitAId, app.BranchAId);
        var ownBatch = await app.IssueAndWaitAsync(admin, own, 2);
        return new World(b, bureau, own, batchB, batchBureau, ownBatch, codeB);
    }

    private Task<int> DenialsAsync() =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Denied && e.Actor == AppFixture.AdminA));

    private Task<int> DisclosuresAsync() =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.TokensDownload && e.Actor == AppFixture.AdminA));

    public static TheoryData<string> Reads => new()
    {
        "/Codes/Index/{C}",
        "/Codes/Print/{BATCH}",
        "/Codes/Print/{BATCH}?perPage=8&page=1",
        "/Codes/Export/{BATCH}",
        "/api/code-batches/{BATCH}",
        "/api/code-batches/{BATCH}/codes",
        "/api/campaigns/{C}/codes/counts",
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Reading_codes_of_a_sibling_or_of_the_bureau_is_refused_as_not_found(string url)
    {
        var w = await WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        foreach (var (campaign, batch) in new[] { (w.B, w.BatchB), (w.Bureau, w.BatchBureau) })
        {
            var denials = await DenialsAsync();
            var disclosures = await DisclosuresAsync();
            var response = await client.GetAsync(url.Replace("{C}", I(campaign.CampaignId)).Replace("{BATCH}", I(batch)));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("评议码活动", body);
            Assert.DoesNotContain(w.CodeB, body);
            Assert.True(await DenialsAsync() > denials, "the refusal is audited");
            Assert.Equal(disclosures, await DisclosuresAsync());
        }
        // A batch id that does not exist answers the same.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url.Replace("{C}", "999999").Replace("{BATCH}", "999999"))).StatusCode);
    }

    public static TheoryData<string, string> Writes => new()
    {
        { "/Codes/Index/{C}?handler=Generate", "RaterGroupId={G}&Count=5" },
        { "/Codes/Index/{C}?handler=Generate", "RaterGroupId={G}&Count=abc" },
        { "/Codes/Index/{C}?handler=VoidCode", "TypedCode={CODE}" },
        { "/Codes/Index/{C}?handler=VoidBatch", "batchId={BATCH}" },
        { "/Codes/Index/{C}?handler=Reissue", "batchId={BATCH}" },
        { "/Codes/Index/{C}?handler=Purge", "batchId={BATCH}" },
        // Through her own campaign, with the neighbour's batch.
        { "/Codes/Index/{OWN}?handler=VoidBatch", "batchId={BATCH}" },
        { "/Codes/Index/{OWN}?handler=Reissue", "batchId={BATCH}" },
        { "/Codes/Index/{OWN}?handler=Purge", "batchId={BATCH}" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Changing_codes_of_a_sibling_or_of_the_bureau_is_refused_and_changes_nothing(string url, string form)
    {
        var w = await WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        foreach (var (campaign, batch) in new[] { (w.B, w.BatchB), (w.Bureau, w.BatchBureau) })
        {
            var before = await app.CodesSnapshotAsync();
            string Fill(string s) => s.Replace("{CODE}", w.CodeB).Replace("{C}", I(campaign.CampaignId)).Replace("{OWN}", I(w.Own.CampaignId))
                .Replace("{G}", I(campaign.GroupId)).Replace("{BATCH}", I(batch));
            var fields = Fill(form).Split('&').Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
            var response = await client.PostFormAsync(Fill(url), fields);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(before, await app.CodesSnapshotAsync());
        }
    }

    [Fact]
    public async Task The_neighbours_group_or_code_through_her_own_campaign_is_refused_and_changes_nothing()
    {
        var w = await WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.CodesSnapshotAsync();
        var page = $"/Codes/Index/{w.Own.CampaignId}";
        var generate = await client.PostFormAsync(page + "?handler=Generate", [F("RaterGroupId", w.B.GroupId), F("Count", 5)]);
        Assert.Contains("请选择本评议活动的评议人类别。", await generate.Content.ReadAsStringAsync());
        var voidCode = await client.PostFormAsync(page + "?handler=VoidCode", [F("TypedCode", w.CodeB)]);
        Assert.Contains("本评议活动中没有这个评议码", await voidCode.Content.ReadAsStringAsync());
        var api = await client.Http.PostAsJsonAsync($"/api/campaigns/{w.Own.CampaignId}/codes", new { raterGroupId = w.Bureau.GroupId, count = 5 });
        Assert.Contains("请选择本评议活动的评议人类别", await ProblemAsync(api));
        Assert.Equal(before, await app.CodesSnapshotAsync());
        // Her own batch still works, so the refusals above are about scope, not a broken page.
        Assert.Equal(2, (await client.CodesAsync(w.OwnBatch)).Count);
    }

    [Fact]
    public async Task Issuing_codes_through_the_api_for_a_sibling_or_the_bureau_is_refused()
    {
        var w = await WorldAsync();
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.CodesSnapshotAsync();
        foreach (var plan in new[] { w.B, w.Bureau })
        {
            var response = await client.Http.PostAsJsonAsync($"/api/campaigns/{plan.CampaignId}/codes", new { raterGroupId = plan.GroupId, count = 5 });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(before, await app.CodesSnapshotAsync());
    }
}

public sealed class SqliteCodesScopeTests(SqliteAppFixture app) : CodesScopeTests<SqliteAppFixture>(app);

public sealed class PostgresCodesScopeTests(PostgresAppFixture app) : CodesScopeTests<PostgresAppFixture>(app);
