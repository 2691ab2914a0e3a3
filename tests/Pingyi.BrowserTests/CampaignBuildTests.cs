using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pingyi.BrowserTests;

/// <summary>The administrator's path of Step 2: a form from a built-in template, a campaign plan around it, and opening it.</summary>
public sealed partial class CampaignBuildTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Template = "医院群众（患者）满意度测评表";

    [GeneratedRegex(@"/Campaigns/Details/(\d+)$")]
    private static partial Regex CampaignUrl();

    [Fact]
    public async Task A_campaign_is_built_from_a_built_in_template_through_the_ui_and_opened()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsAdminAsync(app);
        var bureau = await page.CreateOrganizationAsync("CB-BUR", "活动测试卫生局");
        await page.CreateOrganizationAsync("CB-H1", "活动测试第一医院", bureau);
        await page.CreateOrganizationAsync("CB-H2", "活动测试第二医院", bureau);

        await page.GotoAsync("/Forms");
        var card = page.Locator(".templates .card").Filter(new() { HasText = Template });
        await card.GetByLabel("所属组织").SelectOptionAsync(new SelectOptionValue { Label = "活动测试卫生局" });
        await card.GetByRole(AriaRole.Button, new() { Name = "使用此模板" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Forms/Details/\d+$"));

        await page.GotoAsync("/Campaigns/Create");
        await page.GetByLabel("发起组织").SelectOptionAsync(new SelectOptionValue { Label = "活动测试卫生局" });
        await page.GetByLabel("活动名称").FillAsync("浏览器测试群众满意度评议");
        var today = DateTime.Today;
        await page.GetByLabel("年度").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("开始日期").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("结束日期").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "建立草稿" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CampaignUrl());
        var id = CampaignUrl().Match(page.Url).Groups[1].Value;
        await Expect(page.Locator("h1 .badge")).ToHaveTextAsync("草稿");

        await page.GotoAsync($"/Campaigns/Subjects/{id}");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "活动测试第一医院" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "活动测试第二医院" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "添加所选对象" }).ClickAsync();

        await page.GotoAsync($"/Campaigns/Groups/{id}");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "类别" }).SelectOptionAsync(new SelectOptionValue { Label = "服务对象/患者" });
        await page.GetByLabel("名额").FillAsync("200");
        await page.GetByLabel("权重").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await page.GotoAsync($"/Campaigns/Assignments/{id}");
        await page.GetByLabel("评议方向").SelectOptionAsync(new SelectOptionValue { Label = "服务对象评议" });
        var form = page.GetByLabel("测评表（");
        var option = await form.Locator("option").Filter(new() { HasText = Template }).GetAttributeAsync("value");
        await form.SelectOptionAsync(option!);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "活动测试第一医院" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "活动测试第二医院" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await page.GotoAsync($"/Campaigns/Details/{id}");
        await Expect(page.Locator(".plan-ok")).ToBeVisibleAsync();
        await Expect(page.Locator("table").Filter(new() { HasText = "服务对象/患者" })).ToContainTextAsync("服务对象评议");
        await page.Locator("summary", new() { HasText = "开始评议" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认开始评议" }).ClickAsync();
        await Expect(page.Locator("h1 .badge")).ToHaveTextAsync("进行中");
        await Expect(page.Locator("summary", new() { HasText = "结束评议" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("campaign-open.png"), FullPage = true });

        // Once open, the plan pages offer no way to change the structure.
        await page.GotoAsync($"/Campaigns/Groups/{id}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "保存" })).ToHaveCountAsync(0);
    }
}
