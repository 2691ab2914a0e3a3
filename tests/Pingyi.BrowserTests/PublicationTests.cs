using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace Pingyi.BrowserTests;

/// <summary>
/// 公示 in a browser: an administrator publishes a closed campaign, an anonymous visitor on a phone
/// lodges an objection on the public page, the administrator answers it and finalises the notice
/// once its period is over, and the visitor reads the answer through the receipt code.
/// </summary>
public sealed partial class PublicationTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Campaign = "公示测试评议活动";
    private const string ObjectionText = "对本院满意率有异议：我科室参评人数似乎统计少了。";
    private const string AnswerText = "经复核，参评人数统计无误，异议不成立。";

    [GeneratedRegex(@"/Publications/Detail/(\d+)$")]
    private static partial Regex DetailUrl();

    [Fact]
    public async Task A_notice_is_published_objected_to_on_a_phone_answered_finalised_the_report_downloaded_and_the_answer_read_by_receipt()
    {
        var campaignId = await ArrangeAsync();

        await using var officeContext = await app.NewContextAsync();
        var office = await officeContext.NewPageAsync();
        await office.SignInAsAdminAsync(app);
        await office.GotoAsync($"/Campaigns/Details/{campaignId}");
        await office.Locator("main").GetByRole(AriaRole.Link, new() { Name = "公示", Exact = true }).ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex("/Publications/New"));
        await office.GetByLabel("公示期（工作日）").FillAsync("3");
        await office.GetByRole(AriaRole.Button, new() { Name = "发布公示" }).ClickAsync();
        await Expect(office).ToHaveURLAsync(DetailUrl());
        var id = int.Parse(DetailUrl().Match(office.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(office.Locator("#publication-state")).ToHaveTextAsync("公示中");
        await Expect(office.Locator(".publication-qr svg")).ToHaveCountAsync(1);

        // An anonymous visitor on a phone, from the home page.
        await using var phoneContext = await app.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync("/");
        await phone.GetByRole(AriaRole.Link, new() { Name = "评议结果公示" }).ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = Campaign }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex($"/Gongshi/{id}$"));
        await Expect(phone.Locator("h1")).ToHaveTextAsync($"关于{Campaign}评议结果的公示");
        await Expect(phone.Locator("table.notice-subjects")).ToContainTextAsync("公示测试医院");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the public page scrolls sideways at 390 px");
        await phone.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("gongshi-notice-390.png"), FullPage = true });
        await phone.GetByLabel("异议内容").FillAsync(ObjectionText);
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/Gongshi/Done$"));
        var receipt = (await phone.Locator("#receipt-code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", receipt);
        await phone.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("gongshi-receipt-390.png"), FullPage = true });

        // The administrator answers it; finalising waits for the period's end.
        await office.ReloadAsync();
        await Expect(office.Locator(".objection")).ToContainTextAsync(ObjectionText);
        await office.GetByLabel("异议不成立").CheckAsync();
        await office.GetByLabel(new Regex("^答复")).FillAsync(AnswerText);
        await office.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync();
        await Expect(office.Locator("main")).ToContainTextAsync("异议已答复");
        await office.GetByRole(AriaRole.Button, new() { Name = "确认生效" }).ClickAsync();
        await Expect(office.Locator(".errors")).ToContainTextAsync("期满后才能确认生效");
        await EndPeriodAsync(id);
        await office.GotoAsync($"/Publications/Detail/{id}");
        await office.GetByRole(AriaRole.Button, new() { Name = "确认生效" }).ClickAsync();
        await Expect(office.Locator("#publication-state")).ToHaveTextAsync("已生效");
        await office.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("publication-final.png"), FullPage = true });

        // The campaign's summary report and workbook, downloaded as the administrator would.
        await office.GotoAsync($"/Reports?campaignId={campaignId}");
        await Expect(office.Locator("main")).ToContainTextAsync("一、基本情况");
        var word = await office.RunAndWaitForDownloadAsync(() => office.GetByRole(AriaRole.Link, new() { Name = "下载 DOCX" }).ClickAsync());
        var wordPath = PageActions.ArtifactPath("report-" + word.SuggestedFilename);
        await word.SaveAsAsync(wordPath);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(wordPath, isEditable: false))
        {
            var paragraphs = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains(paragraphs, p => p.Contains(Campaign, StringComparison.Ordinal));
            Assert.Contains("一、基本情况", paragraphs);
        }
        var excel = await office.RunAndWaitForDownloadAsync(() => office.GetByRole(AriaRole.Link, new() { Name = "下载 XLSX" }).ClickAsync());
        var excelPath = PageActions.ArtifactPath("report-" + excel.SuggestedFilename);
        await excel.SaveAsAsync(excelPath);
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(excelPath, isEditable: false))
        {
            Assert.True(book.WorkbookPart!.Workbook.Sheets!.ChildElements.Count > 1);
        }

        // The visitor reads the answer with the receipt code, which never appears in a URL.
        await phone.GotoAsync("/Receipt");
        await phone.GetByLabel("回执码").FillAsync(receipt);
        await phone.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/Receipt/View$"));
        await Expect(phone.Locator("main")).ToContainTextAsync(ObjectionText);
        await Expect(phone.Locator("main")).ToContainTextAsync("异议不成立");
        await Expect(phone.Locator("main")).ToContainTextAsync(AnswerText);
        await phone.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("gongshi-answer-390.png"), FullPage = true });

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(PublicationState.Final, await db.Publications.Where(p => p.Id == id).Select(p => p.State).SingleAsync());
        Assert.Equal(CampaignState.Published, await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.State).SingleAsync());
    }

    /// <summary>A campaign of one hospital, opened with a code and then closed (no ballots: its rate stays hidden).</summary>
    private async Task<int> ArrangeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (bureau, unit) = await BrowserArrange.BureauWithHospitalAsync(db, "GS", "公示测试卫生局", "公示测试医院");
        var version = BrowserArrange.SatisfactionForm(withRemark: false);
        await BrowserArrange.OpenCampaignWithCodeAsync(app.Services, db, bureau.Id, Campaign, version, [new() { OrganizationId = unit.Id }]);
        var campaign = await db.Campaigns.SingleAsync(c => c.Name == Campaign);
        campaign.State = CampaignState.Closed;
        campaign.ClosedUtc = DateTime.UtcNow;
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    /// <summary>As if the notice had been published two weeks ago: the fixture runs on the real clock.</summary>
    private async Task EndPeriodAsync(int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(DateTime.Now);
        await db.Publications.Where(p => p.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.StartsOn, today.AddDays(-14))
            .SetProperty(p => p.EndsOn, today.AddDays(-1)));
    }
}
