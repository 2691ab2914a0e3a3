using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Ballots;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Infrastructure;
using Pingyi.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Pingyi.Web.Tests.Campaigns.CampaignTestData;
using static Pingyi.Web.Tests.Codes.CodesTestData;

namespace Pingyi.Web.Tests.Codes;

/// <summary>Issuing 评议码: hashes only, printable slips, the .xlsx, voiding, counts, purging, and the background generation.</summary>
public abstract class CodesTests<TFixture>(TFixture app, ITestOutputHelper output) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private async Task<(TestClient Client, Plan Plan)> OwnAsync(string? name = null)
    {
        var client = await app.SignInAsync(AppFixture.AdminA);
        return (client, await app.CampaignAsync(client, app.UnitAId, app.BranchAId, name));
    }

    [Fact]
    public async Task Generating_100_codes_stores_only_distinct_hashes_that_the_printed_codes_match()
    {
        var (client, plan) = await OwnAsync();
        using var _ = client;
        var response = await client.PostFormAsync($"/Codes/Index/{plan.CampaignId}?handler=Generate",
            [F("RaterGroupId", plan.GroupId), F("Count", 100)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var batchId = await app.WithDbAsync(db => db.TokenBatches.Where(b => b.CampaignId == plan.CampaignId).Select(b => b.Id).SingleAsync());
        var batch = await app.WaitAsync(batchId);
        Assert.Equal((TokenBatchState.Ready, 100, 100), (batch.State, batch.Count, batch.Generated));
        Assert.Equal(AppFixture.AdminA, batch.CreatedBy);

        var tokens = await app.WithDbAsync(db => db.Tokens.AsNoTracking().Where(t => t.BatchId == batchId).ToListAsync());
        Assert.Equal(100, tokens.Count);
        Assert.All(tokens, t => Assert.Equal((plan.CampaignId, plan.GroupId, TokenState.Unused), (t.CampaignId, t.RaterGroupId, t.State)));
        Assert.Equal(100, tokens.Select(t => t.LongHash).Distinct().Count());
        Assert.Equal(100, tokens.Select(t => t.ShortHash).Distinct().Count());
        Assert.All(tokens, t => Assert.Matches("^[0-9a-f]{64}\\|[0-9a-f]{64}$", t.LongHash + "|" + t.ShortHash));

        var codes = await client.CodesAsync(batchId);
        Assert.Equal(100, codes.Count);
        var shortHashes = tokens.Select(t => t.ShortHash).ToHashSet();
        var longHashes = tokens.Select(t => t.LongHash).ToHashSet();
        foreach (var code in codes)
        {
            Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{3}$", code.ShortCode);
            var shortCode = TokenCodes.NormalizeShort(code.ShortCode);
            Assert.NotNull(shortCode);
            Assert.Contains(await app.HashAsync(shortCode), shortHashes);
            Assert.StartsWith("http://localhost/V/", code.Link);
            var longCode = TokenCodes.NormalizeLong(code.Link.Split('/').Last());
            Assert.NotNull(longCode);
            Assert.Contains(await app.HashAsync(longCode), longHashes);
        }

        // The plain codes appear nowhere in the tokens or the audit trail.
        var plain = codes.SelectMany(c => new[] { c.Link.Split('/').Last(), TokenCodes.NormalizeShort(c.ShortCode)!, c.ShortCode }).ToList();
        var stored = string.Join("\n", tokens.Select(t => $"{t.Id} {t.LongHash} {t.ShortHash}"));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Select(e => e.Action + " " + e.ObjectId + " " + e.Detail).ToListAsync());
        var trail = string.Join("\n", audit);
        Assert.All(plain, p => Assert.DoesNotContain(p, stored, StringComparison.OrdinalIgnoreCase));
        Assert.All(plain, p => Assert.DoesNotContain(p, trail, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(audit, a => a.StartsWith(AuditActions.TokensIssue) && a.Contains("100") && a.Contains("服务对象/患者"));
        Assert.Contains(audit, a => a.StartsWith(AuditActions.TokensDownload) && a.Contains("API"));
    }

    [Fact]
    public async Task A_batch_of_20000_completes_with_progress_visible_while_generating()
    {
        const int count = 20_000;
        var (client, plan) = await OwnAsync();
        using var _ = client;
        var watch = Stopwatch.StartNew();
        var batchId = await client.IssueViaApiAsync(plan.CampaignId, plan.GroupId, count);
        var seen = new List<int>();
        string state;
        do
        {
            var dto = JsonDocument.Parse(await client.Http.GetStringAsync($"/api/code-batches/{batchId}")).RootElement;
            state = dto.GetProperty("state").GetString()!;
            seen.Add(dto.GetProperty("generated").GetInt32());
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), $"still {state} at {seen[^1]}");
            await Task.Delay(20);
        }
        while (state == nameof(TokenBatchState.Generating));
        watch.Stop();
        output.WriteLine($"{app.Provider}: {count} codes in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(nameof(TokenBatchState.Ready), state);
        Assert.Equal(count, seen[^1]);
        Assert.Contains(seen, g => g is > 0 and < count);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(count, await app.WithDbAsync(db => db.Tokens.CountAsync(t => t.BatchId == batchId)));
        Assert.Equal(count, (await client.CodesAsync(batchId)).Count);
    }

    [Fact]
    public async Task The_page_shows_progress_and_refreshes_only_while_a_batch_is_generating()
    {
        var (client, plan) = await OwnAsync();
        using var _ = client;
        var batchId = await app.WithDbAsync(async db =>
        {
            var b = new TokenBatch { CampaignId = plan.CampaignId, RaterGroupId = plan.GroupId, Count = 5000, Generated = 2000, State = TokenBatchState.Generating, CreatedBy = "x", CreatedUtc = DateTime.UtcNow };
            db.TokenBatches.Add(b);
            await db.SaveChangesAsync();
            return b.Id;
        });
        var html = await client.GetHtmlAsync($"/Codes/Index/{plan.CampaignId}");
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"2\" />", html);
        Assert.Contains("<progress value=\"2000\" max=\"5000\"", html);
        Assert.Contains("已生成 2000 / 5000", html);

        // A restart leaves it Generating: recovery fails it and removes its partial codes.
        await app.WithDbAsync(async db =>
        {
            db.Tokens.Add(new Token { CampaignId = plan.CampaignId, RaterGroupId = plan.GroupId, BatchId = batchId, LongHash = new string('a', 63) + "1", ShortHash = new string('b', 63) + "1" });
            await db.SaveChangesAsync();
        });
        await app.Factory.Services.GetRequiredService<TokenGenerator>().RecoverAsync();
        var batch = await app.WithDbAsync(db => db.TokenBatches.AsNoTracking().SingleAsync(b => b.Id == batchId));
        Assert.Equal(TokenBatchState.Failed, batch.State);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tokens.CountAsync(t => t.BatchId == batchId)));
        html = await client.GetHtmlAsync($"/Codes/Index/{plan.CampaignId}");
        Assert.DoesNotContain("http-equiv=\"refresh\"", html);
        Assert.Contains(TokenIssuer.FailedMessage, html);
        Assert.Contains("评议码</a>", html);
    }

    [Theory]
    [InlineData(10, 25, 3)]
    [InlineData(8, 20, 3)]
    [InlineData(12, 12, 1)]
    public async Task The_print_sheet_has_the_chosen_number_of_slips_per_A4_page_each_with_a_QR_code(int perPage, int count, int sheets)
    {
        var (client, plan) = await OwnAsync();
        using var _ = client;
        var batchId = await app.IssueAndWaitAsync(client, plan, count);
        var html = await client.GetHtmlAsync($"/Codes/Print/{batchId}?perPage={perPage}");
        var sections = Regex.Matches(html, "<section class=\"sheet slips-(\\d+)\">(.*?)</section>", RegexOptions.Singleline);
        Assert.Equal(sheets, sections.Count);
        Assert.All(sections, s => Assert.Equal(perPage.ToString(), s.Groups[1].Value));
        Assert.All(sections.SkipLast(1), s => Assert.Equal(perPage, Regex.Matches(s.Groups[2].Value, "<article class=\"slip\">").Count));
        Assert.Equal(count, Regex.Matches(html, "<article class=\"slip\">").Count);
        Assert.Equal(count, Regex.Matches(html, "<svg xmlns").Count);
        Assert.Equal(count, Regex.Matches(html, "<path fill=\"#000\" d=\"M").Count);
        foreach (var code in await client.CodesAsync(batchId))
        {
            Assert.Contains(code.ShortCode, html);
        }
        Assert.Contains("请用手机扫描二维码，或在 localhost/V 输入评议码。本评议不记名。", html);
        Assert.Contains(plan.Tag, html);
        Assert.Contains("评议人类别：服务对象/患者", html);
        var css = await client.GetHtmlAsync("/css/site.css");
        Assert.Contains("@page { size: A4; margin: 10mm; }", css);
        Assert.Contains(".sheet.slips-" + perPage, css);
    }

    [Fact]
    public async Task A_large_print_run_is_split_into_web_pages()
    {
        var (client, plan) = await OwnAsync();
        using var _ = client;
        var batchId = await app.IssueAndWaitAsync(client, plan, 450);
        var first = await client.GetHtmlAsync($"/Codes/Print/{batchId}?perPage=8");
        var second = await client.GetHtmlAsync($"/Codes/Print/{batchId}?perPage=8&page=2");
        Assert.Equal(400, Regex.Matches(first, "<article class=\"slip\">").Count);
        Assert.Equal(50, Regex.Matches(second, "<article class=\"slip\">").Count);
        Assert.Contains("page=2\">下一页", first);
        Assert.Contains("第 401–450 个评议码", second);
        var codes = await client.CodesAsync(batchId);
        Assert.Contains(codes[0].ShortCode, first);
        Assert.Contains(codes[449].ShortCode, second);
        Assert.DoesNotContain(codes[449].ShortCode, first);
        // Malformed paging falls back to sensible values instead of failing.
        Assert.Equal(50, Regex.Matches(await client.GetHtmlAsync($"/Codes/Print/{batchId}?perPage=8&page=99"), "<article class=\"slip\">").Count);
        Assert.Equal(45, Regex.Matches(await client.GetHtmlAsync($"/Codes/Print/{batchId}?perPage=abc&page=-1"), "<section class=\"sheet slips-10\">").Count);
    }

    [Fact]
    public async Task The_xlsx_has_the_columns_one_row_per_code_and_neutralises_formulas()
    {
        var (client, plan) = await OwnAsync();
        using var _ = client;
        await app.SetCampaignNameAsync(plan.CampaignId, "=HYPERLINK(\"http://evil\",\"点我\")" + plan.Tag);
        var batchId = await app.IssueAndWaitAsync(client, plan, 30);
        var response = await client.GetAsync($"/Codes/Export/{batchId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CodesExcel.ContentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        Assert.Equal(CodesExcel.Columns, MiniExcel.GetColumns(stream, useHeaderRow: true).ToArray());
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(30, rows.Count);
        var codes = await client.CodesAsync(batchId);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(i + 1, Convert.ToInt32(rows[i]["序号"]));
            Assert.Equal(codes[i].Link, rows[i]["评议链接"]);
            Assert.Equal(codes[i].ShortCode, rows[i]["评议码（短码）"]);
            Assert.Equal("服务对象/患者", rows[i]["评议人类别"]);
            Assert.StartsWith("'=HYPERLINK", (string)rows[i]["活动名称"]);
        }
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.TokensDownload && e.ObjectId == I(batchId) && e.Detail!.Contains("下载Excel"))));
    }

    [Fact]
    public async Task Voiding_a_single_code_or_a_batch_and_the_counts_per_group()
    {
        var (client, plan) = await OwnAsync();
        using var _ = client;
        var first = await app.IssueAndWaitAsync(client, plan, 10);
        var second = await app.IssueAndWaitAsync(client, plan, 5);
        var codes = await client.CodesAsync(first);
        // One code used by a rater, one voided by its short code, one by its link.
        var usedHash = await app.HashAsync(TokenCodes.NormalizeShort(codes[0].ShortCode)!);
        await app.WithDbAsync(db => db.Tokens.Where(t => t.ShortHash == usedHash).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TokenState.Used)));
        var page = $"/Codes/Index/{plan.CampaignId}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page + "?handler=VoidCode", [F("TypedCode", codes[1].ShortCode.ToLowerInvariant().Replace("-", " "))])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page + "?handler=VoidCode", [F("TypedCode", codes[2].Link)])).StatusCode);
        var again = await client.PostFormAsync(page + "?handler=VoidCode", [F("TypedCode", codes[1].ShortCode)]);
        Assert.Contains("这个评议码已经作废。", await again.Content.ReadAsStringAsync());
        var used = await client.PostFormAsync(page + "?handler=VoidCode", [F("TypedCode", codes[0].ShortCode)]);
        Assert.Contains("这个评议码已经使用过，不能作废。", await used.Content.ReadAsStringAsync());
        var typo = codes[3].ShortCode[..^1] + (codes[3].ShortCode[^1] == 'A' ? 'B' : 'A');
        var mistyped = await client.PostFormAsync(page + "?handler=VoidCode", [F("TypedCode", typo)]);
        Assert.Contains("评议码格式不正确", await mistyped.Content.ReadAsStringAsync());

        await AssertCountsAsync(client, plan, issued: 13, used: 1, voided: 2, remaining: 12);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page + "?handler=VoidBatch", [F("batchId", second)])).StatusCode);
        await AssertCountsAsync(client, plan, issued: 8, used: 1, voided: 7, remaining: 7);
        var none = await client.PostFormAsync(page + "?handler=VoidBatch", [F("batchId", second)]);
        Assert.Contains("这批评议码已经没有未使用的码。", await none.Content.ReadAsStringAsync());

        // Reissue: the first batch's unused codes go void, a new batch of the same size comes.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page + "?handler=Reissue", [F("batchId", first)])).StatusCode);
        var third = await app.WithDbAsync(db => db.TokenBatches.Where(b => b.CampaignId == plan.CampaignId).MaxAsync(b => b.Id));
        Assert.Equal(10, (await app.WaitAsync(third)).Count);
        await AssertCountsAsync(client, plan, issued: 11, used: 1, voided: 14, remaining: 10);
        Assert.Equal(TokenState.Used, await app.WithDbAsync(db => db.Tokens.Where(t => t.ShortHash == usedHash).Select(t => t.State).SingleAsync()));

        var html = await client.GetHtmlAsync(page);
        Assert.Matches("<th scope=\"row\">服务对象/患者</th>\\s*<td>50</td>\\s*<td>11</td>\\s*<td>1</td>\\s*<td>14</td>\\s*<td>10</td>\\s*<td>39</td>", html);
        var voids = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.TokensVoid && e.Actor == AppFixture.AdminA && e.Detail!.Contains(plan.Tag)).Select(e => e.Detail!).ToListAsync());
        Assert.Equal(4, voids.Count);
        Assert.All(voids, d => Assert.DoesNotContain(TokenCodes.NormalizeShort(codes[1].ShortCode)!, d));
    }

    private static async Task AssertCountsAsync(TestClient client, Plan plan, int issued, int used, int voided, int remaining)
    {
        var counts = JsonDocument.Parse(await client.Http.GetStringAsync($"/api/campaigns/{plan.CampaignId}/codes/counts")).RootElement;
        var g = Assert.Single(counts.EnumerateArray());
        Assert.Equal((plan.GroupId, 50, issued, used, voided, remaining),
            (g.GetProperty("raterGroupId").GetInt32(), g.GetProperty("planned").GetInt32(), g.GetProperty("issued").GetInt32(),
             g.GetProperty("used").GetInt32(), g.GetProperty("void").GetInt32(), g.GetProperty("remaining").GetInt32()));
    }

    [Fact]
    public async Task Purging_makes_print_export_and_the_api_refuse()
    {
        var (client, plan) = await OwnAsync();
        using var _ = client;
        var batchId = await app.IssueAndWaitAsync(client, plan, 5);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Codes/Index/{plan.CampaignId}?handler=Purge", [F("batchId", batchId)])).StatusCode);
        var batch = await app.WithDbAsync(db => db.TokenBatches.AsNoTracking().SingleAsync(b => b.Id == batchId));
        Assert.Equal((TokenBatchState.Purged, null), (batch.State, batch.ProtectedCodes));
        Assert.NotNull(batch.PurgedUtc);
        await AssertRefusedAsync(client, batchId);
        Assert.Equal(5, await app.WithDbAsync(db => db.Tokens.CountAsync(t => t.BatchId == batchId && t.State == TokenState.Unused)));
        var again = await client.PostFormAsync($"/Codes/Index/{plan.CampaignId}?handler=Purge", [F("batchId", batchId)]);
        Assert.Contains("明文已经清除", await again.Content.ReadAsStringAsync());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.TokensPurge && e.ObjectId == I(batchId) && e.Actor == AppFixture.AdminA)));
    }

    [Fact]
    public async Task Plain_codes_are_purged_automatically_after_seven_days()
    {
        var (client, plan) = await OwnAsync();
        using var _ = client;
        var batchId = await app.IssueAndWaitAsync(client, plan, 3);
        await app.WithDbAsync(db => db.TokenBatches.Where(b => b.Id == batchId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.CreatedUtc, app.Clock.GetUtcNow().UtcDateTime.AddDays(-7).AddMinutes(-1))));
        // Refused at once, even before the background service gets to it.
        await AssertRefusedAsync(client, batchId);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var purged = await TokenIssuer.PurgeExpiredAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(),
            scope.ServiceProvider.GetRequiredService<AuditLog>(), app.Clock.GetUtcNow().UtcDateTime);
        Assert.True(purged >= 1);
        var batch = await app.WithDbAsync(db => db.TokenBatches.AsNoTracking().SingleAsync(b => b.Id == batchId));
        Assert.Equal((TokenBatchState.Purged, null), (batch.State, batch.ProtectedCodes));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.TokensPurge && e.ObjectId == I(batchId) && e.Actor == "系统")));
    }

    private static async Task AssertRefusedAsync(TestClient client, int batchId)
    {
        foreach (var url in new[] { $"/Codes/Print/{batchId}", $"/Codes/Export/{batchId}" })
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(TokenIssuer.PurgedMessage, body);
            Assert.DoesNotContain("<article class=\"slip\">", body);
        }
        var api = await client.GetAsync($"/api/code-batches/{batchId}/codes");
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains(TokenIssuer.PurgedMessage, await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_closed_campaign_refuses_new_codes_and_stores_nothing()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var plan = await app.CampaignAsync(sys, app.UnitAId, app.BranchAId);
        var open = await app.IssueAndWaitAsync(sys, plan, 2);
        foreach (var state in new[] { "Open", "Closed" })
        {
            Assert.Equal(HttpStatusCode.OK, (await sys.Http.PostAsJsonAsync($"/api/campaigns/{plan.CampaignId}/state", new { state })).StatusCode);
        }
        var before = await app.CodesSnapshotAsync();
        var page = await sys.PostFormAsync($"/Codes/Index/{plan.CampaignId}?handler=Generate", [F("RaterGroupId", plan.GroupId), F("Count", 5)]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("评议活动已结束，不能再生成评议码。", await page.Content.ReadAsStringAsync());
        var reissue = await sys.PostFormAsync($"/Codes/Index/{plan.CampaignId}?handler=Reissue", [F("batchId", open)]);
        Assert.Contains("评议活动已结束，不能再生成评议码。", await reissue.Content.ReadAsStringAsync());
        var api = await sys.Http.PostAsJsonAsync($"/api/campaigns/{plan.CampaignId}/codes", new { raterGroupId = plan.GroupId, count = 5 });
        Assert.Contains("评议活动已结束", await ProblemAsync(api));
        Assert.Equal(before, await app.CodesSnapshotAsync());
        Assert.Contains("不能再生成评议码", await sys.GetHtmlAsync($"/Codes/Index/{plan.CampaignId}"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100001")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1e3")]
    public async Task A_malformed_count_on_the_page_gets_a_clear_message_and_stores_nothing(string count)
    {
        var (client, plan) = await OwnAsync();
        using var _ = client;
        var before = await app.CodesSnapshotAsync();
        var response = await client.PostFormAsync($"/Codes/Index/{plan.CampaignId}?handler=Generate", [F("RaterGroupId", plan.GroupId), F("Count", count)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TokenIssuer.CountRule, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.CodesSnapshotAsync());
    }

    [Theory]
    [InlineData("{\"raterGroupId\":{G},\"count\":0}", "生成数量须为1到100000之间的整数")]
    [InlineData("{\"raterGroupId\":{G},\"count\":-1}", "生成数量须为1到100000之间的整数")]
    [InlineData("{\"raterGroupId\":{G},\"count\":100001}", "生成数量须为1到100000之间的整数")]
    [InlineData("{\"raterGroupId\":{G},\"count\":\"abc\"}", "请求格式不正确")]
    [InlineData("{\"raterGroupId\":{G}}", "生成数量须为1到100000之间的整数")]
    [InlineData("{\"raterGroupId\":{OTHER},\"count\":5}", "请选择本评议活动的评议人类别")]
    [InlineData("{\"raterGroupId\":0,\"count\":5}", "请选择本评议活动的评议人类别")]
    [InlineData("not json", "请求格式不正确")]
    public async Task Hostile_api_requests_get_a_clear_message_and_store_nothing(string json, string message)
    {
        var (client, plan) = await OwnAsync();
        using var _ = client;
        var other = await app.CampaignAsync(client, app.UnitAId, app.BranchAId);
        var before = await app.CodesSnapshotAsync();
        var content = new StringContent(json.Replace("{G}", I(plan.GroupId)).Replace("{OTHER}", I(other.GroupId)), System.Text.Encoding.UTF8, "application/json");
        var response = await client.Http.PostAsync($"/api/campaigns/{plan.CampaignId}/codes", content);
        Assert.Contains(message, await ProblemAsync(response));
        Assert.Equal(before, await app.CodesSnapshotAsync());
    }

    [Fact]
    public async Task A_rater_group_of_another_campaign_on_the_page_is_refused_and_stores_nothing()
    {
        var (client, plan) = await OwnAsync();
        using var _ = client;
        var other = await app.CampaignAsync(client, app.UnitAId, app.BranchAId);
        var before = await app.CodesSnapshotAsync();
        foreach (var group in new[] { I(other.GroupId), "abc", "" })
        {
            var response = await client.PostFormAsync($"/Codes/Index/{plan.CampaignId}?handler=Generate", [F("RaterGroupId", group), F("Count", 5)]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(body.Contains("请选择本评议活动的评议人类别。") || body.Contains("填写的内容格式不正确"), body[..Math.Min(300, body.Length)]);
        }
        Assert.Equal(before, await app.CodesSnapshotAsync());
    }

    [Fact]
    public async Task Html_in_the_campaign_and_group_names_is_shown_inert()
    {
        var (client, plan) = await OwnAsync();
        using var _ = client;
        await app.SetCampaignNameAsync(plan.CampaignId, "<script>alert(1)</script><b>粗</b>" + plan.Tag);
        await app.WithDbAsync(db => db.RaterGroups.Where(g => g.Id == plan.GroupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.Name, "<img src=x onerror=alert(2)>")));
        var batchId = await app.IssueAndWaitAsync(client, plan, 2);
        foreach (var url in new[] { $"/Codes/Print/{batchId}", $"/Codes/Index/{plan.CampaignId}" })
        {
            var html = await client.GetHtmlAsync(url);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<b>粗", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;粗&lt;/b&gt;" + plan.Tag, html);
        }
        var invalid = await client.PostFormAsync($"/Codes/Index/{plan.CampaignId}?handler=VoidCode", [F("TypedCode", "<script>alert(3)</script>")]);
        var body = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("评议码格式不正确", body);
        Assert.DoesNotContain("<script>alert(3)", body);
        var tooLong = await client.PostFormAsync($"/Codes/Index/{plan.CampaignId}?handler=VoidCode", [F("TypedCode", new string('A', 5000))]);
        Assert.Contains("评议码格式不正确", await tooLong.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteCodesTests(SqliteAppFixture app, ITestOutputHelper output) : CodesTests<SqliteAppFixture>(app, output);

public sealed class PostgresCodesTests(PostgresAppFixture app, ITestOutputHelper output) : CodesTests<PostgresAppFixture>(app, output);
