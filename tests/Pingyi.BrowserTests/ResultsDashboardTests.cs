using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Results;
using static Microsoft.Playwright.Assertions;

namespace Pingyi.BrowserTests;

/// <summary>An administrator opens a campaign's dashboard, drills into a subject and checks the downloaded workbook against the page.</summary>
public sealed class ResultsDashboardTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task The_dashboard_drill_down_and_the_statistics_workbook_show_the_same_figures()
    {
        var campaignId = await ArrangeAsync();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsAdminAsync(app);

        await page.GotoAsync($"/Results/{campaignId}");
        // 36 of 40 satisfied at the hospital, 24 of 30 at the health centre: highest 90.0%, lowest 80.0%, average 85.0%.
        await Expect(page.Locator(".results-summary")).ToContainTextAsync("最高满意率90.0%");
        await Expect(page.Locator(".results-summary")).ToContainTextAsync("最低满意率80.0%");
        await Expect(page.Locator(".results-summary")).ToContainTextAsync("平均满意率85.0%");
        var row = page.Locator(".subject-table tbody tr", new() { HasText = "结果医院" });
        var pageRate = (await row.Locator("td.num").Nth(1).InnerTextAsync()).Trim();
        Assert.Equal("90.0%", pageRate);
        await page.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("results-overview.png"), FullPage = true });

        await row.GetByRole(AriaRole.Link, new() { Name = "结果医院" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Results/Subject/{campaignId}/\\d+$"));
        await Expect(page.Locator("main")).ToContainTextAsync("服务态度");
        await Expect(page.Locator("main")).ToContainTextAsync("90.0%");
        await page.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("results-subject.png"), FullPage = true });

        await page.GotoAsync($"/Results/{campaignId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "导出Excel" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "下载统计结果（Excel）" }).ClickAsync());
        var file = PageActions.ArtifactPath("results.xlsx");
        await download.SaveAsAsync(file);

        var subjects = MiniExcel.Query(file, useHeaderRow: true, sheetName: "评议对象").Cast<IDictionary<string, object?>>().ToList();
        var hospital = subjects.Single(r => Equals(r["评议对象"], "结果医院"));
        var workbookRate = Convert.ToDecimal(hospital["满意率(%)"], CultureInfo.InvariantCulture);
        Assert.Equal(pageRate, workbookRate.ToString("0.0", CultureInfo.InvariantCulture) + "%");
        Assert.Equal(40m, Convert.ToDecimal(hospital["测评票"], CultureInfo.InvariantCulture));
        var centre = subjects.Single(r => Equals(r["评议对象"], "结果卫生院"));
        Assert.Equal(80.0m, Convert.ToDecimal(centre["满意率(%)"], CultureInfo.InvariantCulture));
    }

    /// <summary>A closed campaign with one grade item: 40 ballots at a hospital (36 satisfied), 30 at a health centre (24).</summary>
    private async Task<int> ArrangeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bureau = new Organization { Code = "RS-BUR", Name = "结果测试卫生局", Kind = OrganizationKind.Bureau, UnitType = UnitType.Bureau, CreatedUtc = DateTime.UtcNow };
        db.Organizations.Add(bureau);
        await db.SaveChangesAsync();
        bureau.Path = OrganizationTree.PathOf(null, bureau.Id);
        var units = new[] { ("RS-H", "结果医院", UnitType.Hospital), ("RS-C", "结果卫生院", UnitType.TownshipHospital) }
            .Select(u => new Organization { Code = u.Item1, Name = u.Item2, Kind = OrganizationKind.Unit, UnitType = u.Item3, ParentId = bureau.Id, CreatedUtc = DateTime.UtcNow })
            .ToList();
        db.Organizations.AddRange(units);
        await db.SaveChangesAsync();
        units.ForEach(u => u.Path = OrganizationTree.PathOf(bureau.Path, u.Id));

        var item = new FormItem { Position = 1, Key = FormRules.NewKey(), Kind = ItemKind.Grade, Text = "服务态度", Scale = GradeScale.Satisfaction3 };
        var version = new FormVersion
        {
            Number = 1,
            Title = "群众满意度测评表",
            CreatedUtc = DateTime.UtcNow,
            FrozenUtc = DateTime.UtcNow,
            Sections = [new FormSection { Position = 1, Items = [item] }],
        };
        db.Forms.Add(new Form { OrganizationId = bureau.Id, CreatedUtc = DateTime.UtcNow, Versions = [version] });
        var subjects = units.Select(u => new CampaignSubject { OrganizationId = u.Id }).ToList();
        var group = new RaterGroup { Kind = RaterGroupKind.ServiceRecipient, Name = "服务对象", PlannedCount = 100, Weight = 100, Position = 1 };
        var assignments = subjects.Select(s => new Assignment { RaterGroup = group, Direction = Direction.ServiceRecipients, FormVersion = version, Subjects = [s] }).ToList();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var campaign = new Campaign
        {
            OrganizationId = bureau.Id,
            Name = "结果测试评议活动",
            Year = today.Year,
            State = CampaignState.Closed,
            StartsOn = today.AddDays(-30),
            EndsOn = today.AddDays(-1),
            CreatedUtc = DateTime.UtcNow,
            OpenedUtc = DateTime.UtcNow.AddDays(-30),
            ClosedUtc = DateTime.UtcNow.AddDays(-1),
            Subjects = subjects,
            RaterGroups = [group],
            Assignments = assignments,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();

        foreach (var (assignment, satisfied, unsatisfied) in new[] { (assignments[0], 36, 4), (assignments[1], 24, 6) })
        {
            for (var i = 0; i < satisfied + unsatisfied; i++)
            {
                var id = Guid.NewGuid();
                db.Ballots.Add(new Ballot
                {
                    Id = id,
                    CampaignId = campaign.Id,
                    RaterGroupId = group.Id,
                    AssignmentId = assignment.Id,
                    FormVersionId = version.Id,
                    Channel = BallotChannel.Online,
                    SubmittedOn = today.AddDays(-2),
                    ReceiptHash = new string('a', 64),
                    Answers = [new BallotAnswer { BallotId = id, SubjectId = assignment.Subjects[0].Id, ItemId = item.Id, Value = i < satisfied ? 1 : 3 }],
                });
            }
        }
        await db.SaveChangesAsync();
        await ResultAggregates.RecomputeAsync(db, campaign.Id);
        return campaign.Id;
    }
}
