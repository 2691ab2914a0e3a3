using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Forms;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>A campaign whose one rater group has a 3-subject matrix assignment and a 1-subject assignment.</summary>
internal sealed record BallotWorld(int CampaignId, int GroupId, int MatrixAssignmentId, int SingleAssignmentId,
    int[] MatrixSubjectIds, int SingleSubjectId, FormVersion MatrixForm, FormVersion SingleForm);

/// <summary>A token as printed on a slip: its id and both codes.</summary>
internal sealed record Slip(long TokenId, string LongCode, string ShortCode);

internal static partial class PhoneBallotArrange
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"")]
    public static partial Regex AntiForgery();

    public static Task<BallotWorld> AddBallotWorldAsync(this AppFixture app, string name, CampaignState state = CampaignState.Open,
        int startsInDays = -1, int endsInDays = 30) =>
        app.WithDbAsync(async db =>
        {
            var (matrixFormId, _) = await app.AddFormAsync(app.BureauId, FormArrange.Sample(name));
            var (singleFormId, _) = await app.AddFormAsync(app.BureauId, new FormVersion
            {
                Title = name + "党员评价表",
                Sections = [new FormSection { Items = [FormArrange.Item(ItemKind.Grade, name + "总体评价")] }],
            });
            var matrixForm = await app.CurrentAsync(matrixFormId);
            var singleForm = await app.CurrentAsync(singleFormId);
            var subjects = new[] { app.UnitAId, app.UnitBId, app.BranchAId }.Select(o => new CampaignSubject { OrganizationId = o }).ToList();
            var member = new CampaignSubject { MemberId = app.MemberAId };
            var group = new RaterGroup { Kind = RaterGroupKind.ServiceRecipient, PlannedCount = 100, Weight = 100, Position = 1 };
            var matrix = new Assignment { RaterGroup = group, Direction = Direction.ServiceRecipients, FormVersionId = matrixForm.Id, Subjects = subjects };
            var single = new Assignment { RaterGroup = group, Direction = Direction.ServiceRecipients, FormVersionId = singleForm.Id, Subjects = [member] };
            var today = app.Today();
            var campaign = new Campaign
            {
                OrganizationId = app.BureauId,
                Name = name,
                Year = today.Year,
                State = state,
                CreatedUtc = DateTime.UtcNow,
                StartsOn = today.AddDays(startsInDays),
                EndsOn = today.AddDays(endsInDays),
                Subjects = [.. subjects, member],
                RaterGroups = [group],
                Assignments = [matrix, single],
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            return new BallotWorld(campaign.Id, group.Id, matrix.Id, single.Id, subjects.Select(s => s.Id).ToArray(), member.Id, matrixForm, singleForm);
        });

    /// <summary>
    /// Issues one token as the code generator would: a batch and a row holding only the keyed
    /// hashes. Each call also starts a fresh throttle window, so the tests of one class never
    /// add up to the per-minute limit of the test server's one client address.
    /// </summary>
    public static async Task<Slip> AddSlipAsync(this AppFixture app, BallotWorld world, TokenState state = TokenState.Unused)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var key = app.Factory.Services.GetRequiredService<TokenKey>();
        var longCode = TokenCodes.NewLongCode();
        var shortCode = TokenCodes.NewShortCode();
        var token = new Token
        {
            CampaignId = world.CampaignId,
            RaterGroupId = world.GroupId,
            State = state,
            LongHash = await key.HashAsync(longCode),
            ShortHash = await key.HashAsync(shortCode),
        };
        await app.WithDbAsync(async db =>
        {
            var batch = new TokenBatch
            {
                CampaignId = world.CampaignId,
                RaterGroupId = world.GroupId,
                Count = 1,
                Generated = 1,
                State = TokenBatchState.Purged,
                CreatedBy = "test",
                CreatedUtc = DateTime.UtcNow,
            };
            db.TokenBatches.Add(batch);
            await db.SaveChangesAsync();
            token.BatchId = batch.Id;
            db.Tokens.Add(token);
            await db.SaveChangesAsync();
        });
        return new Slip(token.Id, longCode, shortCode);
    }

    /// <summary>A client whose cookies the test can read and copy, as a second tab or a replayed request would.</summary>
    public static (TestClient Client, CookieContainer Cookies) CookieClient(this AppFixture app, CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        return (new TestClient(app.Factory.CreateDefaultClient(new CookieContainerHandler(cookies))), cookies);
    }

    /// <summary>Opens the slip's link and checks the exchange: 303 to the ballot with no code anywhere in the answer.</summary>
    public static async Task OpenAsync(this TestClient client, Slip slip)
    {
        var response = await client.GetAsync($"/V/{slip.LongCode}");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/V/Ballot", response.Headers.Location!.OriginalString);
    }

    /// <summary>A complete valid ballot: every item of every subject answered.</summary>
    public static List<KeyValuePair<string, string>> FullAnswers(BallotWorld world, string text = "建议增加夜间门诊")
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Answer(int subjectId, FormVersion form)
        {
            foreach (var item in form.Items)
            {
                var name = $"q_{subjectId}_{item.Key}";
                switch (item.Kind)
                {
                    case ItemKind.Grade: fields.Add(new(name, "1")); break;
                    case ItemKind.Score: fields.Add(new(name, item.MaxScore == 100 ? "88" : "4")); break;
                    case ItemKind.SingleChoice: fields.Add(new(name, "2")); break;
                    case ItemKind.MultipleChoice: fields.Add(new(name, "1")); fields.Add(new(name, "3")); break;
                    case ItemKind.Text: fields.Add(new(name, text + subjectId)); break;
                }
            }
        }
        foreach (var s in world.MatrixSubjectIds)
        {
            Answer(s, world.MatrixForm);
        }
        Answer(world.SingleSubjectId, world.SingleForm);
        return fields;
    }

    public static List<KeyValuePair<string, string>> Replace(this List<KeyValuePair<string, string>> fields, string name, params string[] values) =>
        fields.Where(f => f.Key != name).Concat(values.Select(v => new KeyValuePair<string, string>(name, v))).ToList();

    public static string Field(int subjectId, FormVersion form, ItemKind kind, int maxScore = 0) =>
        $"q_{subjectId}_{form.Items.First(i => i.Kind == kind && (maxScore == 0 || i.MaxScore == maxScore)).Key}";

    public static Task<HttpResponseMessage> SubmitAsync(this TestClient client, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostFormAsync("/V/Ballot", fields, tokenPage: "/V");

    public static Task<int> BallotCountAsync(this AppFixture app, int campaignId) =>
        app.WithDbAsync(db => db.Ballots.CountAsync(b => b.CampaignId == campaignId));

    public static Task<TokenState> TokenStateAsync(this AppFixture app, long tokenId) =>
        app.WithDbAsync(db => db.Tokens.Where(t => t.Id == tokenId).Select(t => t.State).SingleAsync());

    public static async Task<string> BodyAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 800)]}");
        return body;
    }
}
