using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Ballots;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Ballots.BallotArrange;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>
/// POST /api/ballots: a kiosk or HIS submits on a rater's behalf. A valid code stores one ballot
/// per assignment and answers a receipt; every refusal is a clear Chinese answer with nothing
/// stored and the code still unused.
/// </summary>
public abstract class BallotApiTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private async Task<(TestClient Sys, BallotCampaign Campaign, List<IssuedCode> Codes)> ArrangeAsync(string name, int count = 1)
    {
        var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, name);
        return (sys, campaign, await app.IssueAsync(campaign, count));
    }

    private async Task AssertNothingStoredAsync(BallotCampaign campaign, IssuedCode code)
    {
        Assert.Equal((0, 0, 0), await app.CountsAsync(campaign.Id));
        Assert.Equal(TokenState.Unused, await app.StateAsync(code.TokenId));
    }

    [Fact]
    public async Task A_valid_code_stores_one_ballot_per_assignment_and_answers_a_receipt_once()
    {
        var (sys, campaign, codes) = await ArrangeAsync("有效提交");
        using var _ = sys;
        var response = await sys.Http.SubmitAsync(FormatShortLower(codes[0].Short), Answers(campaign));
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = body!["receipt"];
        Assert.Equal(12, receipt.Length);

        var hash = await app.Factory.Services.GetRequiredService<TokenKey>().HashAsync(receipt);
        var ballots = await app.WithDbAsync(db => db.Ballots.AsNoTracking().Include(b => b.Answers).Where(b => b.CampaignId == campaign.Id).ToListAsync());
        Assert.Equal(2, ballots.Count);
        Assert.All(ballots, b =>
        {
            Assert.Equal(hash, b.ReceiptHash);
            Assert.Equal(BallotChannel.Online, b.Channel);
            Assert.Equal(CampaignTestDataToday(), b.SubmittedOn);
            Assert.Equal(campaign.VersionId, b.FormVersionId);
            Assert.Equal([1, 2, 5, 9], b.Answers.Where(a => a.Value is not null).Select(a => a.Value!.Value).Order());
            Assert.Equal("挂号方便", b.Answers.Single(a => a.Text is not null).Text);
        });
        Assert.Equal(campaign.SubjectIds.Order(), ballots.SelectMany(b => b.Answers.Select(a => a.SubjectId)).Distinct().Order());
        Assert.Equal(TokenState.Used, await app.StateAsync(codes[0].TokenId));

        var again = await sys.Http.SubmitAsync(codes[0].Long, Answers(campaign));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已使用", await TitleAsync(again));
        Assert.Equal(2, (await app.CountsAsync(campaign.Id)).Ballots);
    }

    private DateOnly CampaignTestDataToday() => Campaigns.CampaignTestData.Today(app);

    private static string FormatShortLower(string code) => TokenCodes.FormatShort(code).ToLowerInvariant();

    [Fact]
    public async Task Script_in_free_text_is_stored_exactly_as_typed()
    {
        var (sys, campaign, codes) = await ArrangeAsync("脚本文字");
        using var _ = sys;
        const string hostile = "<script>alert('x')</script>&lt;b&gt;";
        var response = await sys.Http.SubmitAsync(codes[0].Long, Answers(campaign, hostile));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
        var texts = await app.WithDbAsync(db => db.BallotAnswers.Where(a => a.Text != null && db.Ballots.Any(b => b.Id == a.BallotId && b.CampaignId == campaign.Id))
            .Select(a => a.Text).ToListAsync());
        Assert.Equal([hostile, hostile], texts);
    }

    public static TheoryData<string, string> BadAnswers => new()
    {
        { "unknown-option", "请从给出的选项中选择" },
        { "missing-required", "此项为必答题" },
        { "score-too-high", "请填写0到10之间的整数分数" },
        { "score-negative", "请填写0到10之间的整数分数" },
        { "score-fraction", "请填写0到10之间的整数分数" },
        { "grade-unknown", "请从给出的等级中选择" },
        { "too-many-choices", "最多选择2项" },
        { "two-answers-for-single", "只能选择一个答案" },
        { "text-too-long", "不能超过50个字" },
        { "control-characters", "控制字符" },
        { "unknown-item", "测评表中没有的项目" },
        { "foreign-subject", "不在本评议码评议范围内" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Bad_answers_are_refused_in_chinese_and_nothing_is_stored(string kind, string message)
    {
        var (sys, campaign, codes) = await ArrangeAsync($"坏答案-{kind}");
        using var _ = sys;
        var answers = kind switch
        {
            "text-too-long" => Answers(campaign, new string('长', 51)),
            "control-characters" => Answers(campaign, "意见\u0007"),
            "foreign-subject" => [.. Answers(campaign), new { subjectId = 987654, itemKey = campaign.Key("grade"), values = new[] { "1" } }],
            _ => Answers(campaign, change: v =>
            {
                switch (kind)
                {
                    case "unknown-option": v["single"] = ["7"]; break;
                    case "missing-required": v["grade"] = []; break;
                    case "score-too-high": v["score"] = ["11"]; break;
                    case "score-negative": v["score"] = ["-1"]; break;
                    case "score-fraction": v["score"] = ["9.5"]; break;
                    case "grade-unknown": v["grade"] = ["9"]; break;
                    case "too-many-choices": v["multi"] = ["1", "2", "3"]; break;
                    case "two-answers-for-single": v["single"] = ["1", "2"]; break;
                    case "unknown-item": v["zzzzzzzz"] = ["1"]; break;
                }
            }),
        };
        var response = await sys.Http.SubmitAsync(codes[0].Long, answers);
        Assert.Contains(message, await Campaigns.CampaignTestData.ProblemAsync(response));
        await AssertNothingStoredAsync(campaign, codes[0]);
    }

    public static TheoryData<string, HttpStatusCode, string> BadRequests => new()
    {
        { "forged-long", HttpStatusCode.NotFound, "评议码无效" },
        { "forged-short", HttpStatusCode.NotFound, "评议码无效" },
        { "malformed", HttpStatusCode.BadRequest, "评议码格式不正确" },
        { "wrong-check-character", HttpStatusCode.BadRequest, "校验位不符" },
        { "no-code", HttpStatusCode.BadRequest, "请提供评议码" },
        { "empty-body", HttpStatusCode.BadRequest, "请提供评议码" },
        { "malformed-json", HttpStatusCode.BadRequest, "请求格式不正确" },
        { "wrong-types", HttpStatusCode.BadRequest, "请求格式不正确" },
        { "duplicate-answer", HttpStatusCode.BadRequest, "同一对象的同一项目只能出现一次" },
        { "answer-without-key", HttpStatusCode.BadRequest, "itemKey" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_codes_and_bodies_are_refused_in_chinese_and_nothing_is_stored(string kind, HttpStatusCode status, string message)
    {
        var (sys, campaign, codes) = await ArrangeAsync($"坏请求-{kind}");
        using var _ = sys;
        var code = codes[0];
        var valid = System.Text.Json.JsonSerializer.Serialize(new { code = code.Long, answers = Answers(campaign) });
        var json = kind switch
        {
            "forged-long" => valid.Replace(code.Long, TokenCodes.NewLongCode(), StringComparison.Ordinal),
            "forged-short" => valid.Replace(code.Long, TokenCodes.NewShortCode(), StringComparison.Ordinal),
            "malformed" => valid.Replace(code.Long, "<b>这不是评议码</b>", StringComparison.Ordinal),
            "wrong-check-character" => valid.Replace(code.Long, code.Short[..10] + (code.Short[10] == 'A' ? 'B' : 'A'), StringComparison.Ordinal),
            "no-code" => valid.Replace($"\"{code.Long}\"", "null", StringComparison.Ordinal),
            "empty-body" => "",
            "malformed-json" => "{\"code\": \"" + code.Long + "\", \"answers\": [",
            "wrong-types" => "{\"code\": \"" + code.Long + "\", \"answers\": [{\"subjectId\": \"x\", \"itemKey\": 5}]}",
            "duplicate-answer" => System.Text.Json.JsonSerializer.Serialize(new { code = code.Long, answers = Answers(campaign).Append(Answers(campaign)[0]) }),
            "answer-without-key" => System.Text.Json.JsonSerializer.Serialize(new { code = code.Long, answers = Answers(campaign).Append(new { subjectId = campaign.SubjectIds[0], values = new[] { "1" } }) }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var response = await sys.Http.PostAsync("/api/ballots", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, text);
        Assert.DoesNotContain("<b>", text);
        await AssertNothingStoredAsync(campaign, code);
    }

    [Fact]
    public async Task A_closed_campaign_takes_no_ballot_and_closing_stops_the_next_submission_at_once()
    {
        var (sys, campaign, codes) = await ArrangeAsync("结束后提交", 2);
        using var _ = sys;
        Assert.Equal(HttpStatusCode.Created, (await sys.Http.SubmitAsync(codes[0].Long, Answers(campaign))).StatusCode);
        await SetStateAsync(sys, campaign.Id, "Closed");

        var response = await sys.Http.SubmitAsync(codes[1].Long, Answers(campaign));
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("评议活动已结束", await TitleAsync(response));
        Assert.Equal(TokenState.Unused, await app.StateAsync(codes[1].TokenId));
        Assert.Equal((2, 10, 1), await app.CountsAsync(campaign.Id));
    }

    [Fact]
    public async Task A_campaign_past_its_end_date_or_a_voided_code_takes_no_ballot()
    {
        var (sys, campaign, codes) = await ArrangeAsync("过期或作废", 2);
        using var _ = sys;
        await app.WithDbAsync(db => db.Tokens.Where(t => t.Id == codes[0].TokenId).ExecuteUpdateAsync(u => u.SetProperty(t => t.State, TokenState.Void)));
        var voided = await sys.Http.SubmitAsync(codes[0].Long, Answers(campaign));
        Assert.Equal(HttpStatusCode.Conflict, voided.StatusCode);
        Assert.Contains("已作废", await TitleAsync(voided));

        await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaign.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.EndsOn, CampaignTestDataToday().AddDays(-1)).SetProperty(c => c.StartsOn, CampaignTestDataToday().AddDays(-5))));
        var late = await sys.Http.SubmitAsync(codes[1].Long, Answers(campaign));
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal((0, 0, 0), await app.CountsAsync(campaign.Id));
        Assert.Equal(TokenState.Unused, await app.StateAsync(codes[1].TokenId));
    }

    [Fact]
    public async Task A_neighbours_code_answers_404_is_audited_and_stays_unused_while_an_own_code_works()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var neighbour = await app.OpenCampaignAsync(sys, app.UnitBId, app.UnitBId, app.BranchBId, "乙医院评议");
        var own = await app.OpenCampaignAsync(sys, app.UnitAId, app.UnitAId, app.BranchAId, "甲医院评议");
        var neighbourCode = (await app.IssueAsync(neighbour, 1))[0];
        var ownCode = (await app.IssueAsync(own, 1))[0];
        using var admina = await app.SignInAsync(AppFixture.AdminA);

        var response = await admina.Http.SubmitAsync(neighbourCode.Long, Answers(neighbour));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("评议码无效", await TitleAsync(response));
        await AssertNothingStoredAsync(neighbour, neighbourCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Denied && e.Actor == AppFixture.AdminA
            && e.ObjectType == "Campaign" && e.ObjectId == neighbour.Id.ToString())));

        Assert.Equal(HttpStatusCode.Created, (await admina.Http.SubmitAsync(ownCode.Long, Answers(own))).StatusCode);

        using var anonymous = app.CreateClient();
        var refused = await anonymous.Http.SubmitAsync(neighbourCode.Long, Answers(neighbour));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await AssertNothingStoredAsync(neighbour, neighbourCode);
    }
}

public sealed class SqliteBallotApiTests(SqliteAppFixture a) : BallotApiTests<SqliteAppFixture>(a);

public sealed class PostgresBallotApiTests(PostgresAppFixture a) : BallotApiTests<PostgresAppFixture>(a);
