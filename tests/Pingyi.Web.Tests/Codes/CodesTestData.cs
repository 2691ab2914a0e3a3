using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Ballots;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Codes;

/// <summary>Arranging campaigns with rater groups, issuing codes and waiting for them.</summary>
internal static class CodesTestData
{
    public sealed record Plan(int CampaignId, int GroupId, string Tag);

    /// <summary>A complete draft campaign of <paramref name="organizationId"/> with one group (名额 50), made by <paramref name="client"/>.</summary>
    public static async Task<Plan> CampaignAsync(this AppFixture app, TestClient client, int organizationId, int subjectId, string? name = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (formId, _) = await app.AddFormAsync(app.BureauId, $"评议码测试表{tag}");
        var id = await client.CreateViaApiAsync(app.SimplePlan(organizationId, name ?? $"评议码活动{tag}", formId, [subjectId]));
        var group = await app.WithDbAsync(db => db.RaterGroups.Where(g => g.CampaignId == id).Select(g => g.Id).SingleAsync());
        return new Plan(id, group, tag);
    }

    public static async Task<int> IssueViaApiAsync(this TestClient client, int campaignId, int groupId, int count)
    {
        var response = await client.Http.PostAsJsonAsync($"/api/campaigns/{campaignId}/codes", new { raterGroupId = groupId, count });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        Assert.EndsWith("/api/code-batches/" + JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32(), response.Headers.Location!.OriginalString);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    public static async Task<TokenBatch> WaitAsync(this AppFixture app, int batchId, int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var batch = await app.WithDbAsync(db => db.TokenBatches.AsNoTracking().SingleAsync(b => b.Id == batchId));
            if (batch.State != TokenBatchState.Generating)
            {
                return batch;
            }
            Assert.True(DateTime.UtcNow < until, $"batch {batchId} still generating after {seconds}s ({batch.Generated}/{batch.Count})");
            await Task.Delay(50);
        }
    }

    public static async Task<int> IssueAndWaitAsync(this AppFixture app, TestClient client, Plan plan, int count)
    {
        var id = await client.IssueViaApiAsync(plan.CampaignId, plan.GroupId, count);
        Assert.Equal(TokenBatchState.Ready, (await app.WaitAsync(id)).State);
        return id;
    }

    public sealed record Code(string Link, string ShortCode);

    public static async Task<List<Code>> CodesAsync(this TestClient client, int batchId)
    {
        var response = await client.GetAsync($"/api/code-batches/{batchId}/codes");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<List<Code>>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    public static Task<string> HashAsync(this AppFixture app, string normalized) =>
        app.Factory.Services.GetRequiredService<TokenKey>().HashAsync(normalized);

    public static Task SetCampaignNameAsync(this AppFixture app, int campaignId, string name) =>
        app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name)));

    /// <summary>Everything issuing, voiding and purging could change, as one comparable string.</summary>
    public static Task<string> CodesSnapshotAsync(this AppFixture app) =>
        app.WithDbAsync(async db =>
        {
            var batches = await db.TokenBatches.AsNoTracking().OrderBy(b => b.Id)
                .Select(b => $"{b.Id}:{b.CampaignId}:{b.RaterGroupId}:{b.Count}:{b.State}:{b.ProtectedCodes != null}").ToListAsync();
            var tokens = await db.Tokens.AsNoTracking().GroupBy(t => new { t.BatchId, t.State })
                .Select(g => new { g.Key.BatchId, g.Key.State, N = g.Count() }).ToListAsync();
            return string.Join("|", batches.Concat(tokens.OrderBy(t => t.BatchId).ThenBy(t => t.State).Select(t => $"t{t.BatchId}:{t.State}:{t.N}")));
        });

    public static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
}
