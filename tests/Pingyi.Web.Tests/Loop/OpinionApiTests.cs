using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Loop;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>POST and GET /api/opinions: what a hotline or letters system sees, scoped and validated as the pages are.</summary>
public abstract class OpinionApiTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private object Request(int organizationId, string? text, string? receivedOn = null, string source = "Hotline", string? category = null,
        bool receipt = false, int? campaignId = null, string? note = null) =>
        new { source, organizationId, campaignId, category, text, receivedOn = receivedOn ?? Day(app.Today()), sourceNote = note, issueReceipt = receipt };

    [Fact]
    public async Task A_pushed_opinion_is_created_with_its_receipt_and_listed()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var response = await client.Http.PostAsJsonAsync("/api/opinions", Request(app.BranchAId, "热线：夜间急诊等候太久", category: "医疗质量", receipt: true, note: "12345工单 8812"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!;
        var id = Guid.Parse(body["id"].ToString()!);
        var receipt = body["receipt"].ToString()!;
        Assert.Equal($"/api/opinions/{id}", response.Headers.Location!.OriginalString);

        var stored = await app.OpinionAsync(id);
        Assert.Equal(OpinionSource.Hotline, stored.Source);
        Assert.Equal("12345工单 8812", stored.SourceNote);
        Assert.Equal(AppFixture.AdminA, stored.RecordedBy);
        Assert.Equal(await app.Factory.Services.GetRequiredService<TokenKey>().HashAsync(receipt), stored.ReceiptHash);
        Assert.Equal("医疗质量", await app.WithDbAsync(db => db.OpinionCategories.Where(c => c.Id == stored.CategoryId).Select(c => c.Name).SingleAsync()));

        var one = await client.Http.GetStringAsync($"/api/opinions/{id}");
        Assert.Contains("夜间急诊等候太久", one);
        Assert.Contains("\"state\":\"Pending\"", one);
        Assert.DoesNotContain(receipt, one);
        var list = await client.Http.GetStringAsync($"/api/opinions?organizationId={app.BranchAId}&state=Pending");
        Assert.Contains(id.ToString(), list);
        Assert.DoesNotContain(id.ToString(), await client.Http.GetStringAsync($"/api/opinions?organizationId={app.BranchAId}&state=Replied"));

        // Without issueReceipt there is no receipt and no hash.
        var plain = await client.Http.PostAsJsonAsync("/api/opinions", Request(app.UnitAId, "来信：无回执", source: "Letter"));
        var plainBody = (await plain.Content.ReadFromJsonAsync<Dictionary<string, object?>>())!;
        Assert.Null(plainBody["receipt"]);
        Assert.Null((await app.OpinionAsync(Guid.Parse(plainBody["id"]!.ToString()!))).ReceiptHash);
    }

    [Fact]
    public async Task Invalid_requests_answer_400_in_chinese_and_store_nothing()
    {
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.OpinionsSnapshotAsync();
        var cases = new (object Body, string Message)[]
        {
            (Request(app.UnitAId, null), "请填写意见建议的内容。"),
            (Request(app.UnitAId, new string('长', Opinion.TextMaxLength + 1)), "不能超过2000个字"),
            (Request(app.UnitAId, "未知类别", category: "不存在的类别"), "意见类别“不存在的类别”不存在或已停用。"),
            (Request(app.UnitAId, "明天的热线", Day(app.Today().AddDays(1))), "收到日期不能晚于今天。"),
            (Request(app.UnitAId, "日期格式", "24/11/2026"), "格式不正确"),
            (Request(app.UnitAId, "没有日期", ""), "请提供收到日期"),
            (Request(app.UnitAId, "测评票来源", source: "Ballot"), "source 不正确"),
            (Request(app.UnitAId, "意见箱来源", source: "PublicBox"), "source 不正确"),
            (Request(app.UnitAId, "来源说明过长", note: new string('注', 201)), "来源说明不能超过200个字。"),
            (new { source = "Letter", text = "没有组织", receivedOn = Day(app.Today()) }, "organizationId"),
        };
        foreach (var (request, message) in cases)
        {
            var response = await client.Http.PostAsJsonAsync("/api/opinions", request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
            Assert.Contains(message, System.Text.RegularExpressions.Regex.Unescape(text));
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/opinions?state=Whatever")).StatusCode);
        Assert.Equal(before, await app.OpinionsSnapshotAsync());
    }

    [Fact]
    public async Task Html_and_formula_text_is_stored_as_typed_and_shown_inert()
    {
        const string Hostile = "<b onmouseover=alert(1)>热线</b>=SUM(A1:A9)";
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var response = await client.Http.PostAsJsonAsync("/api/opinions", Request(app.UnitAId, Hostile));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse((await response.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["id"].ToString()!);
        Assert.Equal(Hostile, (await app.OpinionAsync(id)).Text);
        var json = await client.Http.GetFromJsonAsync<Dictionary<string, object>>($"/api/opinions/{id}");
        Assert.Equal(Hostile, json!["text"].ToString());
        var html = await client.GetHtmlAsync($"/Opinions/Detail/{id}");
        Assert.DoesNotContain("<b onmouseover", html);
        Assert.Contains("&lt;b onmouseover=alert(1)&gt;", html);
    }

    [Fact]
    public async Task A_neighbours_organisation_or_opinion_answers_404_and_nothing_changes()
    {
        var theirs = await app.AddOpinionAsync(app.BranchBId, "乙院接口邻居意见");
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.OpinionsSnapshotAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PostAsJsonAsync("/api/opinions", Request(app.UnitBId, "替乙院登记"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/opinions/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/opinions?organizationId={app.UnitBId}")).StatusCode);
        Assert.Equal(before, await app.OpinionsSnapshotAsync());
        var list = await client.Http.GetStringAsync("/api/opinions");
        Assert.DoesNotContain(theirs.ToString(), list);
        Assert.DoesNotContain("乙院接口邻居意见", list);

        // A campaign run by the neighbour does not reach unit A.
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await Ballots.BallotArrange.OpenCampaignAsync(app, sys, app.UnitBId, app.UnitBId, app.BranchBId, $"乙院活动{Guid.NewGuid():N}"[..10]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PostAsJsonAsync("/api/opinions", Request(app.UnitAId, "挂到乙院活动", campaignId: campaign.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/opinions?campaignId={campaign.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Opinions?campaignId={campaign.Id}")).StatusCode);
        Assert.Equal(before, await app.OpinionsSnapshotAsync());
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteOpinionApiTests(SqliteAppFixture a) : OpinionApiTests<SqliteAppFixture>(a);

public sealed class PostgresOpinionApiTests(PostgresAppFixture a) : OpinionApiTests<PostgresAppFixture>(a);
