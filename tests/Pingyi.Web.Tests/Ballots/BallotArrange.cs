using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Forms;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>An open campaign for ballot tests: one rater group, two assignments (one subject each) with the same five-item form.</summary>
internal sealed record BallotCampaign(int Id, int GroupId, int[] SubjectIds, Dictionary<string, string> Keys, int VersionId)
{
    public string Key(string name) => Keys[name];
}

internal sealed record IssuedCode(long TokenId, string Long, string Short);

internal static class BallotArrange
{
    // Token ids far from anything else in the database, so a test can search logs and audit rows for them.
    private static long _nextTokenId = 7_300_000_000_000;

    /// <summary>A form with one item of every kind: grade (3 levels), score (0–10), single choice (3), multiple choice (4, at most 2), text (≤ 50).</summary>
    public static Task<(int FormId, int VersionId, Dictionary<string, string> Keys)> AddRichFormAsync(this AppFixture app, int ownerId) =>
        app.WithDbAsync(async db =>
        {
            var keys = new[] { "grade", "score", "single", "multi", "text" }.ToDictionary(n => n, _ => FormRules.NewKey());
            var form = new Form
            {
                OrganizationId = ownerId,
                CreatedUtc = DateTime.UtcNow,
                Versions =
                [
                    new FormVersion
                    {
                        Number = 1, Title = "群众满意度测评表", CreatedUtc = DateTime.UtcNow,
                        Sections =
                        [
                            new FormSection
                            {
                                Position = 1,
                                Items =
                                [
                                    new FormItem { Position = 1, Key = keys["grade"], Kind = ItemKind.Grade, Text = "总体评价", Scale = GradeScale.Satisfaction3 },
                                    new FormItem { Position = 2, Key = keys["score"], Kind = ItemKind.Score, Text = "服务态度评分", MaxScore = 10, Weight = 1 },
                                    new FormItem { Position = 3, Key = keys["single"], Kind = ItemKind.SingleChoice, Text = "候诊时间", Options = ["短", "一般", "长"] },
                                    new FormItem { Position = 4, Key = keys["multi"], Kind = ItemKind.MultipleChoice, Text = "需改进之处", Required = false, MaxChoices = 2, Options = ["环境", "收费", "态度", "流程"] },
                                    new FormItem { Position = 5, Key = keys["text"], Kind = ItemKind.Text, Text = "意见建议", Required = false, MaxLength = 50 },
                                ],
                            },
                        ],
                    },
                ],
            };
            db.Forms.Add(form);
            await db.SaveChangesAsync();
            return (form.Id, form.Versions[0].Id, keys);
        });

    /// <summary>Creates and opens, through the API as <paramref name="client"/>, a campaign of <paramref name="runBy"/> on two subjects.</summary>
    public static async Task<BallotCampaign> OpenCampaignAsync(this AppFixture app, TestClient client, int runBy, int subjectA, int subjectB, string name)
    {
        var (formId, versionId, keys) = await app.AddRichFormAsync(runBy);
        var id = await client.CreateViaApiAsync(new
        {
            organizationId = runBy,
            name,
            year = app.Today().Year,
            startsOn = CampaignTestData.Iso(app.Today()),
            endsOn = CampaignTestData.Iso(app.Today().AddDays(30)),
            subjects = new { organizationIds = new[] { subjectA, subjectB }, memberIds = Array.Empty<int>() },
            groups = new[] { new { kind = "ServiceRecipient", name = (string?)null, plannedCount = 5000, weight = 100 } },
            assignments = new[]
            {
                new { groupIndex = 0, direction = "ServiceRecipients", formId, organizationIds = new[] { subjectA }, memberIds = Array.Empty<int>() },
                new { groupIndex = 0, direction = "ServiceRecipients", formId, organizationIds = new[] { subjectB }, memberIds = Array.Empty<int>() },
            },
        });
        await SetStateAsync(client, id, "Open");
        return await app.WithDbAsync(async db =>
        {
            var groupId = await db.RaterGroups.Where(g => g.CampaignId == id).Select(g => g.Id).SingleAsync();
            var subjects = await db.CampaignSubjects.Where(s => s.CampaignId == id)
                .OrderBy(s => s.OrganizationId == subjectA ? 0 : 1).Select(s => s.Id).ToArrayAsync();
            return new BallotCampaign(id, groupId, subjects, keys, versionId);
        });
    }

    public static async Task SetStateAsync(TestClient client, int campaignId, string state)
    {
        var response = await client.Http.PostAsJsonAsync($"/api/campaigns/{campaignId}/state", new { state });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Issues codes as the token pages will: a batch row, then tokens holding only the keyed hashes.</summary>
    public static async Task<List<IssuedCode>> IssueAsync(this AppFixture app, BallotCampaign campaign, int count)
    {
        var key = app.Factory.Services.GetRequiredService<TokenKey>();
        var codes = new List<IssuedCode>(count);
        var tokens = new List<Token>(count);
        for (var i = 0; i < count; i++)
        {
            var code = new IssuedCode(Interlocked.Increment(ref _nextTokenId), TokenCodes.NewLongCode(), TokenCodes.NewShortCode());
            codes.Add(code);
            tokens.Add(new Token
            {
                Id = code.TokenId,
                CampaignId = campaign.Id,
                RaterGroupId = campaign.GroupId,
                LongHash = await key.HashAsync(code.Long),
                ShortHash = await key.HashAsync(code.Short),
            });
        }
        await app.WithDbAsync(async db =>
        {
            var batch = new TokenBatch
            {
                CampaignId = campaign.Id,
                RaterGroupId = campaign.GroupId,
                Count = count,
                Generated = count,
                State = TokenBatchState.Ready,
                CreatedBy = "test",
                CreatedUtc = DateTime.UtcNow,
            };
            db.TokenBatches.Add(batch);
            await db.SaveChangesAsync();
            tokens.ForEach(t => t.BatchId = batch.Id);
            db.Tokens.AddRange(tokens);
            await db.SaveChangesAsync();
        });
        return codes;
    }

    /// <summary>A complete, valid set of answers for both subjects, with <paramref name="change"/> applied to the first subject's values.</summary>
    public static List<object> Answers(BallotCampaign c, string? text = "挂号方便", Action<Dictionary<string, string[]>>? change = null)
    {
        var answers = new List<object>();
        for (var i = 0; i < c.SubjectIds.Length; i++)
        {
            var values = new Dictionary<string, string[]>
            {
                ["grade"] = ["1"],
                ["score"] = ["9"],
                ["single"] = ["2"],
                ["multi"] = ["1", "3"],
                ["text"] = text is null ? [] : [text],
            };
            if (i == 0)
            {
                change?.Invoke(values);
            }
            answers.AddRange(values.Select(v => (object)new { subjectId = c.SubjectIds[i], itemKey = c.Keys.GetValueOrDefault(v.Key, v.Key), values = v.Value }));
        }
        return answers;
    }

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient http, string code, object answers) =>
        http.PostAsJsonAsync("/api/ballots", new { code, answers });

    public static async Task<string> TitleAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.GetProperty("title").GetString() ?? "";
    }

    public static Task<(int Ballots, int Answers, int Used)> CountsAsync(this AppFixture app, int campaignId) =>
        app.WithDbAsync(async db => (
            await db.Ballots.CountAsync(b => b.CampaignId == campaignId),
            await db.BallotAnswers.CountAsync(a => db.Ballots.Any(b => b.Id == a.BallotId && b.CampaignId == campaignId)),
            await db.Tokens.CountAsync(t => t.CampaignId == campaignId && t.State == TokenState.Used)));

    public static Task<TokenState> StateAsync(this AppFixture app, long tokenId) =>
        app.WithDbAsync(db => db.Tokens.Where(t => t.Id == tokenId).Select(t => t.State).SingleAsync());
}
