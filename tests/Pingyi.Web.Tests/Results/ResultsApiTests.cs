using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Results;

/// <summary>
/// GET /api/campaigns/{id}/results and …/subjects/{subjectId}: hand-computed figures, suppression
/// as null with a reason, the caller's subtree only, 404 for what does not reach the caller.
/// </summary>
public abstract class ResultsApiTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static readonly (string, string?, int)[] TwoGroups = [("ServiceRecipient", null, 70), ("StaffRepresentative", null, 30)];

    /// <summary>
    /// A: 群众 10 (8 满意, 1 基本满意, 1 不满意), 职工 5 (4 满意, 1 不满意); B: 群众 6 (3 满意, 3 不满意), 职工 5 (5 满意).
    /// No cell below k = 5, so nothing is hidden.
    /// </summary>
    private async Task<ResultCampaign> ClearCampaignAsync(TestClient sys, string name)
    {
        var c = await app.CreateResultCampaignAsync(sys, app.BureauId, name, TwoGroups,
            [(0, [app.UnitAId]), (0, [app.UnitBId]), (1, [app.UnitAId]), (1, [app.UnitBId])]);
        await app.InsertAsync(c, 0, [.. new Vote(1, Score: 8).Times(8), new Vote(2, Score: 8), new Vote(3, Score: 8)]);
        await app.InsertAsync(c, 1, [.. new Vote(1).Times(3), .. new Vote(3).Times(3)]);
        await app.InsertAsync(c, 2, [.. new Vote(1).Times(4), new Vote(3)]);
        await app.InsertAsync(c, 3, [.. new Vote(1).Times(5)]);
        return c;
    }

    /// <summary>One group; A 10 ballots, B 6, 甲医院党支部 2: the branch is below k, B is hidden so the branch cannot be derived.</summary>
    private async Task<ResultCampaign> SmallCellCampaignAsync(TestClient sys, string name)
    {
        var c = await app.CreateResultCampaignAsync(sys, app.BureauId, name, [("ServiceRecipient", null, 100)],
            [(0, [app.UnitAId]), (0, [app.UnitBId]), (0, [app.BranchAId])]);
        await app.InsertAsync(c, 0, [.. new Vote(1, Score: 9, Text: "挂号方便").Times(10)]);
        await app.InsertAsync(c, 1, [.. new Vote(2, Score: 7, Text: "防推算格乙").Times(6)]);
        await app.InsertAsync(c, 2, [.. new Vote(3, Score: 3, Text: "隐藏格甲").Times(2)]);
        return c;
    }

    private static async Task<JsonElement> JsonAsync(TestClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static JsonElement Subject(JsonElement results, int id) =>
        results.GetProperty("subjects").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == id);

    private static void AssertRate(JsonElement rate, decimal percent, long numerator, long n, decimal low, decimal high)
    {
        Assert.Equal(percent, rate.GetProperty("percent").GetDecimal());
        Assert.Equal(numerator, rate.GetProperty("numerator").GetInt64());
        Assert.Equal(n, rate.GetProperty("n").GetInt64());
        Assert.Equal(low, rate.GetProperty("low").GetDecimal());
        Assert.Equal(high, rate.GetProperty("high").GetDecimal());
    }

    [Fact]
    public async Task Campaign_figures_equal_the_hand_computed_ones()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await ClearCampaignAsync(sys, "结果API-手算");
        var json = await JsonAsync(sys, $"/api/campaigns/{c.Id}/results");
        var (a, b) = (c.SubjectOf[app.UnitAId], c.SubjectOf[app.UnitBId]);

        Assert.Equal(5, json.GetProperty("k").GetInt32());
        Assert.Equal(0, json.GetProperty("excludedBallots").GetInt64());
        Assert.Contains("满意率", json.GetProperty("rateUsed").GetString());
        var summary = json.GetProperty("summary");
        // A: 13 of 15 satisfied; B: 8 of 11; average (86.67 + 72.73) / 2 = 79.7; pooled 21 of 26.
        Assert.Equal(a, summary.GetProperty("highest").GetProperty("subjectId").GetInt32());
        AssertRate(summary.GetProperty("highest").GetProperty("rate"), 86.7m, 13, 15, 62.1m, 96.3m);
        Assert.Equal(b, summary.GetProperty("lowest").GetProperty("subjectId").GetInt32());
        AssertRate(summary.GetProperty("lowest").GetProperty("rate"), 72.7m, 8, 11, 43.4m, 90.3m);
        Assert.Equal(79.7m, summary.GetProperty("average").GetProperty("percent").GetDecimal());
        AssertRate(summary.GetProperty("pooled"), 80.8m, 21, 26, 62.1m, 91.5m);
        Assert.Equal(26, summary.GetProperty("pooledBallots").GetInt64());

        var groups = json.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(c.GroupIds, groups.Select(g => g.GetProperty("group").GetProperty("id").GetInt32()));
        AssertRate(groups[0].GetProperty("summary").GetProperty("pooled"), 75.0m, 12, 16, 50.5m, 89.8m);
        AssertRate(groups[1].GetProperty("summary").GetProperty("pooled"), 90.0m, 9, 10, 59.6m, 98.2m);
        Assert.Empty(json.GetProperty("lowerTrustGroups").EnumerateArray());
        Assert.Equal("ServiceRecipients", json.GetProperty("directions")[0].GetProperty("direction").GetString());

        var subjectA = Subject(json, a);
        AssertRate(subjectA.GetProperty("rate"), 86.7m, 13, 15, 62.1m, 96.3m);
        AssertRate(subjectA.GetProperty("strictRate"), 80.0m, 12, 15, 54.8m, 93.0m);
        // Composite: 0.7 × 90% + 0.3 × 80% = 87%; B: 0.7 × 50% + 0.3 × 100% = 65%.
        Assert.Equal(87.0m, subjectA.GetProperty("composite").GetProperty("percent").GetDecimal());
        Assert.Equal(65.0m, Subject(json, b).GetProperty("composite").GetProperty("percent").GetDecimal());
        // The intervals overlap, so neither is placed above the other.
        Assert.Equal("第1–2名", subjectA.GetProperty("rank").GetProperty("label").GetString());
        var cell = subjectA.GetProperty("groups")[0];
        Assert.Equal(10, cell.GetProperty("ballots").GetInt64());
        AssertRate(cell.GetProperty("rate"), 90.0m, 9, 10, 59.6m, 98.2m);
        Assert.Equal(JsonValueKind.Null, cell.GetProperty("suppressed").ValueKind);
    }

    [Fact]
    public async Task Subject_figures_per_item_group_and_direction_equal_the_hand_computed_ones()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await ClearCampaignAsync(sys, "结果API-对象");
        var a = c.SubjectOf[app.UnitAId];
        var json = await JsonAsync(sys, $"/api/campaigns/{c.Id}/results/subjects/{a}");

        var overall = json.GetProperty("overall");
        Assert.Equal(15, overall.GetProperty("ballots").GetInt64());
        var grade = overall.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("itemId").GetInt32() == c.Form.Grade3);
        AssertRate(grade.GetProperty("rate"), 86.7m, 13, 15, 62.1m, 96.3m);
        Assert.Equal([12L, 1L, 2L], grade.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("count").GetInt64()));
        var score = overall.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("itemId").GetInt32() == c.Form.Score);
        Assert.Equal(8.0, score.GetProperty("score").GetProperty("mean").GetDouble());
        Assert.Equal(10, score.GetProperty("score").GetProperty("n").GetInt64());

        var groups = json.GetProperty("groups").EnumerateArray().ToList();
        AssertRate(groups[0].GetProperty("figures").GetProperty("rate"), 90.0m, 9, 10, 59.6m, 98.2m);
        AssertRate(groups[1].GetProperty("figures").GetProperty("rate"), 80.0m, 4, 5, 37.6m, 96.4m);
        Assert.Equal("服务对象评议", json.GetProperty("directions")[0].GetProperty("directionName").GetString());
        AssertRate(json.GetProperty("directions")[0].GetProperty("figures").GetProperty("rate"), 86.7m, 13, 15, 62.1m, 96.3m);
        Assert.Equal(87.0m, json.GetProperty("composite").GetProperty("value").GetProperty("percent").GetDecimal());

        var filtered = await JsonAsync(sys, $"/api/campaigns/{c.Id}/results/subjects/{a}?group={c.GroupIds[1]}");
        Assert.Equal([c.GroupIds[1]], filtered.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("groupId").GetInt32()));
        var column = await JsonAsync(sys, $"/api/campaigns/{c.Id}/results?group={c.GroupIds[1]}");
        Assert.Equal([c.GroupIds[1]], column.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetProperty("id").GetInt32()));
        Assert.All(column.GetProperty("subjects").EnumerateArray(), s => Assert.Equal(1, s.GetProperty("groups").GetArrayLength()));
    }

    [Fact]
    public async Task A_cell_below_k_and_the_cell_that_would_reveal_it_are_null_with_the_reason()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await SmallCellCampaignAsync(sys, "结果API-小格");
        var response = await sys.GetAsync($"/api/campaigns/{c.Id}/results");
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;

        var branch = Subject(json, c.SubjectOf[app.BranchAId]);
        Assert.Equal("少于5份", branch.GetProperty("groups")[0].GetProperty("suppressed").GetString());
        Assert.Equal("防推算", Subject(json, c.SubjectOf[app.UnitBId]).GetProperty("groups")[0].GetProperty("suppressed").GetString());
        foreach (var hidden in new[] { branch, Subject(json, c.SubjectOf[app.UnitBId]) })
        {
            Assert.Equal(JsonValueKind.Null, hidden.GetProperty("ballots").ValueKind);
            Assert.Equal(JsonValueKind.Null, hidden.GetProperty("rate").ValueKind);
            Assert.Equal(JsonValueKind.Null, hidden.GetProperty("groups")[0].GetProperty("ballots").ValueKind);
            Assert.Equal(JsonValueKind.Null, hidden.GetProperty("groups")[0].GetProperty("rate").ValueKind);
        }
        // Neither hidden count (2, 6) nor the hidden rates (0%, 100% strict 0) appears anywhere.
        Assert.DoesNotContain(Numbers(json), p => p.Name is "ballots" or "n" && p.Value is 2 or 6);
        Assert.Equal(10, Subject(json, c.SubjectOf[app.UnitAId]).GetProperty("ballots").GetInt64());

        foreach (var subject in new[] { app.UnitBId, app.BranchAId })
        {
            var detail = await JsonAsync(sys, $"/api/campaigns/{c.Id}/results/subjects/{c.SubjectOf[subject]}");
            Assert.Equal(JsonValueKind.Null, detail.GetProperty("overall").GetProperty("ballots").ValueKind);
            Assert.Empty(detail.GetProperty("overall").GetProperty("items").EnumerateArray());
            Assert.NotEqual(JsonValueKind.Null, detail.GetProperty("overall").GetProperty("suppressed").ValueKind);
            Assert.DoesNotContain(Numbers(detail), p => p.Name is "ballots" or "n" or "count" && p.Value is 2 or 6);
        }
    }

    private static List<(string Name, decimal Value)> Numbers(JsonElement element)
    {
        var found = new List<(string, decimal)>();
        void Walk(JsonElement e, string name)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        Walk(p.Value, p.Name);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var x in e.EnumerateArray())
                    {
                        Walk(x, name);
                    }
                    break;
                case JsonValueKind.Number:
                    found.Add((name, e.GetDecimal()));
                    break;
            }
        }
        Walk(element, "");
        return found;
    }

    [Fact]
    public async Task An_organisation_administrator_sees_only_their_subtree_and_summaries_over_it()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await ClearCampaignAsync(sys, "结果API-范围");
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var json = await JsonAsync(admin, $"/api/campaigns/{c.Id}/results");

        Assert.Equal([c.SubjectOf[app.UnitAId]], json.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
        var summary = json.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("subjects").GetInt32());
        Assert.Equal(86.7m, summary.GetProperty("average").GetProperty("percent").GetDecimal());
        AssertRate(summary.GetProperty("pooled"), 86.7m, 13, 15, 62.1m, 96.3m);
        AssertRate(json.GetProperty("groups")[0].GetProperty("summary").GetProperty("pooled"), 90.0m, 9, 10, 59.6m, 98.2m);
        Assert.DoesNotContain("乙医院", json.GetRawText());

        var denied = await DeniedAsync();
        var b = c.SubjectOf[app.UnitBId];
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/campaigns/{c.Id}/results/subjects/{b}")).StatusCode);
        Assert.Equal(denied + 1, await DeniedAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/campaigns/{c.Id}/results/subjects/{c.SubjectOf[app.UnitAId]}")).StatusCode);
    }

    [Fact]
    public async Task A_small_cell_stays_hidden_in_the_subtree_view()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await SmallCellCampaignAsync(sys, "结果API-范围小格");
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var json = await JsonAsync(admin, $"/api/campaigns/{c.Id}/results");
        Assert.Equal("少于5份", Subject(json, c.SubjectOf[app.BranchAId]).GetProperty("groups")[0].GetProperty("suppressed").GetString());
        Assert.DoesNotContain(Numbers(json), p => p.Name is "ballots" or "n" && p.Value is 2 or 6);
    }

    [Fact]
    public async Task A_campaign_not_reaching_the_caller_an_unknown_group_or_subject_is_404_and_a_malformed_group_400()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var ofB = await app.CreateResultCampaignAsync(sys, app.UnitBId, "结果API-乙院", [("ServiceRecipient", null, 100)], [(0, [app.BranchBId])]);
        await app.InsertAsync(ofB, 0, [.. new Vote(1).Times(5)]);
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var denied = await DeniedAsync();
        foreach (var url in new[]
        {
            $"/api/campaigns/{ofB.Id}/results",
            $"/api/campaigns/{ofB.Id}/results/subjects/{ofB.SubjectOf[app.BranchBId]}",
            $"/api/campaigns/{ofB.Id}/results.xlsx",
            $"/api/campaigns/{ofB.Id}/ballots.xlsx",
        })
        {
            var response = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("乙医院", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(denied + 4, await DeniedAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await sys.GetAsync($"/api/campaigns/{ofB.Id}/results?group=999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sys.GetAsync($"/api/campaigns/{ofB.Id}/results/subjects/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sys.GetAsync("/api/campaigns/999999/results")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sys.GetAsync($"/api/campaigns/{ofB.Id}/results?group=%3Cscript%3E")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sys.GetAsync($"/api/campaigns/{ofB.Id}/results/subjects/abc")).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/campaigns/{ofB.Id}/results")).StatusCode);
    }

    [Fact]
    public async Task An_api_key_acts_as_its_creator()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await ClearCampaignAsync(sys, "结果API-密钥");
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var created = await admin.PostFormAsync("/ApiKeys?handler=Create", [new("Name", "结果平台")]);
        var secret = System.Text.RegularExpressions.Regex.Match(await created.Content.ReadAsStringAsync(), "value=\"(pyk_[A-Za-z0-9_-]{43})\"").Groups[1].Value;
        Assert.NotEmpty(secret);
        using var key = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        key.DefaultRequestHeaders.Authorization = new("Bearer", secret);

        var json = JsonDocument.Parse(await key.GetStringAsync($"/api/campaigns/{c.Id}/results")).RootElement;
        Assert.Equal([c.SubjectOf[app.UnitAId]], json.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await key.GetAsync($"/api/campaigns/{c.Id}/results/subjects/{c.SubjectOf[app.UnitBId]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await key.GetAsync($"/api/campaigns/{c.Id}/results.xlsx")).StatusCode);
    }

    private Task<int> DeniedAsync() =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Denied && e.Actor == AppFixture.AdminA));
}

public sealed class SqliteResultsApiTests(SqliteAppFixture app) : ResultsApiTests<SqliteAppFixture>(app);

public sealed class PostgresResultsApiTests(PostgresAppFixture app) : ResultsApiTests<PostgresAppFixture>(app);
