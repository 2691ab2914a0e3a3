using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Results;

/// <summary>
/// The statistics and anonymised ballots workbooks, through the API and the download page: they
/// open, hold their sheets, keep suppressed cells and their ballots out, neutralise hostile text,
/// carry no id or receipt and do not keep the arrival order.
/// </summary>
public abstract class ResultExportTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private async Task<byte[]> DownloadAsync(TestClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(ExportFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static IEnumerable<string> Texts(byte[] workbook) =>
        ResultArrange.SheetNames(workbook).SelectMany(s => ResultArrange.Rows(workbook, s))
            .SelectMany(r => r).Select(v => v?.ToString() ?? "");

    /// <summary>One group; A 10 ballots, B 6, 甲医院党支部 2: the branch is below k, B is hidden so the branch cannot be derived.</summary>
    private async Task<ResultCampaign> SmallCellCampaignAsync(TestClient sys, string name)
    {
        var c = await app.CreateResultCampaignAsync(sys, app.BureauId, name, [("ServiceRecipient", null, 100)],
            [(0, [app.UnitAId]), (0, [app.UnitBId]), (0, [app.BranchAId])]);
        await app.InsertAsync(c, 0, [.. new Vote(1, 2, 9, 1, "挂号方便").Times(10)]);
        await app.InsertAsync(c, 1, [.. new Vote(2, 4, 7, 2, "防推算格乙").Times(6)]);
        await app.InsertAsync(c, 2, [.. new Vote(3, 5, 3, 3, "隐藏格甲").Times(2)]);
        return c;
    }

    [Fact]
    public async Task The_statistics_workbook_has_its_sheets_and_the_page_figures()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await SmallCellCampaignAsync(sys, "导出-统计");
        var workbook = await DownloadAsync(sys, $"/api/campaigns/{c.Id}/results.xlsx");

        Assert.Equal(ResultsExcel.SheetNames, ResultArrange.SheetNames(workbook));
        var subjects = ResultArrange.Rows(workbook, "评议对象");
        Assert.Equal(["名次", "名次范围", "评议对象", "测评票", "满意率(%)", "严格满意率(%)", "95%区间", "加权综合满意率(%)"], subjects[0].Select(v => v?.ToString()));
        var a = subjects.Single(r => Equals(r[2], "甲医院"));
        // Both grade items count: 20 of 20 answers satisfied.
        Assert.Equal(10d, Convert.ToDouble(a[3]));
        Assert.Equal(100d, Convert.ToDouble(a[4]));
        Assert.Equal("83.9%–100.0%", a[6]);
        Assert.Equal("第1名", a[1]);
        var items = ResultArrange.Rows(workbook, "分项");
        Assert.Equal(9d, Convert.ToDouble(items.Single(r => Equals(r[0], "甲医院") && Equals(r[1], "服务态度评分"))[7]));
        var summary = ResultArrange.Rows(workbook, "汇总");
        Assert.Contains(summary, r => Equals(r[0], "全部评议对象（不含低可信类别）") && Equals(r[4], "甲医院"));
        Assert.Contains(summary, r => r[0]?.ToString()?.Contains("已剔除的测评票：0份") == true);
    }

    [Fact]
    public async Task A_cell_below_k_never_appears_in_either_workbook()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await SmallCellCampaignAsync(sys, "导出-小格");
        var statistics = await DownloadAsync(sys, $"/api/campaigns/{c.Id}/results.xlsx");

        var cells = ResultArrange.Rows(statistics, "评议人类别");
        var branch = cells.Single(r => Equals(r[0], "甲医院党支部"));
        Assert.All(branch[4..8], v => Assert.Equal("—（少于5份）", v));
        var b = cells.Single(r => Equals(r[0], "乙医院"));
        Assert.All(b[4..8], v => Assert.Equal("—（防推算）", v));
        // No sheet holds a number about the hidden subjects, and their scores (7, 3) and counts (6, 2) appear nowhere.
        foreach (var sheet in new[] { "评议对象", "分项", "评议人类别", "方向" })
        {
            var rows = ResultArrange.Rows(statistics, sheet).Where(r => r.Contains("乙医院") || r.Contains("甲医院党支部")).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows.SelectMany(r => r), v => Assert.False(v is double or int or long or decimal, $"{sheet}: {v}"));
        }
        Assert.DoesNotContain(Texts(statistics), t => t.Contains("防推算格乙") || t.Contains("隐藏格甲") || t.Contains("非常不满意1") || t.Contains("不满意2"));

        var ballots = await DownloadAsync(sys, $"/api/campaigns/{c.Id}/ballots.xlsx");
        var rows2 = ResultArrange.Rows(ballots, BallotsExcel.BallotSheet);
        Assert.Equal(11, rows2.Count);
        Assert.All(rows2.Skip(1), r => Assert.Equal("甲医院", r[0]));
        Assert.DoesNotContain(Texts(ballots), t => t.Contains("隐藏格甲") || t.Contains("防推算格乙") || t is "长" or "一般" or "非常不满意");
        var header = rows2[0].Select(v => v?.ToString()).ToList();
        var grade = header.IndexOf("1. 总体评价");
        var five = header.IndexOf("2. 服务质量");
        Assert.All(rows2.Skip(1), r => Assert.Equal("满意", r[grade]));
        Assert.All(rows2.Skip(1), r => Assert.Equal("满意", r[five]));
    }

    [Fact]
    public async Task The_ballots_workbook_has_no_id_or_receipt_counts_exclusions_and_does_not_keep_the_arrival_order()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.CreateResultCampaignAsync(sys, app.BureauId, "导出-顺序", [("ServiceRecipient", null, 100)], [(0, [app.UnitAId])]);
        var ids = await app.InsertAsync(c, 0, [.. Enumerable.Range(1, 30).Select(i => new Vote(1, Score: i % 11, Text: $"第{i:00}张"))]);
        var excluded = await app.InsertAsync(c, 0, new Vote(3, Text: "已剔除意见"), new Vote(3, Text: "已剔除意见"));
        await app.WithDbAsync(async db =>
        {
            var exclusion = new Pingyi.Domain.Results.BallotExclusion
            {
                CampaignId = c.Id,
                Reason = "测试剔除",
                BallotCount = 2,
                CreatedBy = "sys",
                CreatedUtc = DateTime.UtcNow,
            };
            db.Add(exclusion);
            await db.SaveChangesAsync();
            await db.Ballots.Where(b => excluded.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.ExclusionId, exclusion.Id));
            await ResultAggregates.RecomputeAsync(db, c.Id);
        });
        var workbook = await DownloadAsync(sys, $"/api/campaigns/{c.Id}/ballots.xlsx");

        Assert.Equal([BallotsExcel.BallotSheet, BallotsExcel.NotesSheet], ResultArrange.SheetNames(workbook));
        var rows = ResultArrange.Rows(workbook, BallotsExcel.BallotSheet);
        var header = rows[0].Select(v => v?.ToString() ?? "").ToList();
        Assert.Equal(["评议对象", "评议人类别", "渠道", "日期"], header.Take(4));
        Assert.DoesNotContain(header, h => h.Contains("编号") || h.Contains("回执") || h.Contains("id", StringComparison.OrdinalIgnoreCase) || h.Contains("提交时间"));
        var receipts = await app.WithDbAsync(db => db.Ballots.Where(b => b.CampaignId == c.Id).Select(b => b.ReceiptHash).ToListAsync());
        var texts = Texts(workbook).ToList();
        Assert.DoesNotContain(texts, t => ids.Any(id => t.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase) || t.Contains(id.ToString("N"), StringComparison.OrdinalIgnoreCase))
            || receipts.Any(r => t.Contains(r, StringComparison.OrdinalIgnoreCase)));

        var text = header.IndexOf("5. 意见建议");
        var order = rows.Skip(1).Select(r => r[text]?.ToString() ?? "").ToList();
        var inserted = Enumerable.Range(1, 30).Select(i => $"第{i:00}张").ToList();
        Assert.Equal(inserted.Order(), order.Order());
        Assert.NotEqual(inserted, order);
        Assert.NotEqual(Enumerable.Reverse(inserted), order);
        Assert.All(rows.Skip(1), r => Assert.Equal("线上", r[2]));

        Assert.DoesNotContain(texts, t => t.Contains("已剔除意见"));
        Assert.Contains(ResultArrange.Rows(workbook, BallotsExcel.NotesSheet), r => r[0]?.ToString()?.Contains("已剔除的测评票2份") == true);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ResultsExport && e.ObjectId == c.Id.ToString())));
    }

    [Fact]
    public async Task Hostile_names_come_out_neutralised_in_both_workbooks()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var link = await app.AddOrganizationAsync($"H1-{Guid.NewGuid():N}"[..12], "=HYPERLINK(\"http://evil.example\",\"点我\")", app.UnitAId);
        var sum = await app.AddOrganizationAsync($"H2-{Guid.NewGuid():N}"[..12], "@SUM(1)", app.UnitAId);
        var c = await app.CreateResultCampaignAsync(sys, app.BureauId, "导出-恶意名称", [("ServiceRecipient", null, 100)], [(0, [link.Id]), (0, [sum.Id])]);
        await app.InsertAsync(c, 0, [.. new Vote(1, Text: "=1+1").Times(5)]);
        await app.InsertAsync(c, 1, [.. new Vote(2, Text: "-2+3").Times(5)]);

        var statistics = await DownloadAsync(sys, $"/api/campaigns/{c.Id}/results.xlsx");
        var ballots = await DownloadAsync(sys, $"/api/campaigns/{c.Id}/ballots.xlsx");
        foreach (var texts in new[] { Texts(statistics).ToList(), Texts(ballots).ToList() })
        {
            Assert.Contains("'=HYPERLINK(\"http://evil.example\",\"点我\")", texts);
            Assert.Contains("'@SUM(1)", texts);
            Assert.DoesNotContain(texts, t => t.Length > 0 && t[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
        }
        Assert.Contains("'=1+1", Texts(ballots));
        Assert.Contains("'-2+3", Texts(ballots));
    }

    [Fact]
    public async Task The_download_page_offers_both_workbooks_and_answers_404_beyond_the_subtree()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await SmallCellCampaignAsync(sys, "导出-页面<script>alert(1)</script>");
        var html = await sys.GetHtmlAsync($"/ResultExports/{c.Id}");
        Assert.Contains($"/ResultExports/{c.Id}?handler=Statistics", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Equal(ResultsExcel.SheetNames, ResultArrange.SheetNames(await DownloadAsync(sys, $"/ResultExports/{c.Id}?handler=Statistics")));
        Assert.Equal(11, ResultArrange.Rows(await DownloadAsync(sys, $"/ResultExports/{c.Id}?handler=Ballots"), BallotsExcel.BallotSheet).Count);

        // admina sees the bureau's campaign over unit A's subjects only.
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var mine = await DownloadAsync(admin, $"/ResultExports/{c.Id}?handler=Statistics");
        Assert.DoesNotContain(Texts(mine), t => t.Contains("乙医院"));
        Assert.Contains(Texts(mine), t => t == "甲医院党支部");

        var ofB = await app.CreateResultCampaignAsync(sys, app.UnitBId, "导出-乙院", [("ServiceRecipient", null, 100)], [(0, [app.BranchBId])]);
        foreach (var url in new[] { $"/ResultExports/{ofB.Id}", $"/ResultExports/{ofB.Id}?handler=Statistics", $"/ResultExports/{ofB.Id}?handler=Ballots", "/ResultExports/999999" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/ResultExports/abc")).StatusCode);
        using var auditor = await app.SignInAsync(AppFixture.Auditor);
        var refused = await auditor.GetAsync($"/ResultExports/{c.Id}?handler=Ballots");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);
    }
}

public sealed class SqliteResultExportTests(SqliteAppFixture app) : ResultExportTests<SqliteAppFixture>(app);

public sealed class PostgresResultExportTests(PostgresAppFixture app) : ResultExportTests<PostgresAppFixture>(app);
