using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pingyi.BrowserTests;

public sealed class OrganizationTreeTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Root_child_and_member_created_through_the_pages_show_in_the_tree()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsAdminAsync(app);

        var rootId = await page.CreateOrganizationAsync("SWJ", "市卫生局");
        await Expect(page.Locator("h1")).ToHaveTextAsync("市卫生局");

        await page.GetByRole(AriaRole.Link, new() { Name = "新增下级组织" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/Organizations/Create\?parentId={rootId}$"));
        await Expect(page.GetByText("上级组织：")).ToContainTextAsync("市卫生局");
        var childId = await page.SubmitOrganizationAsync("SWJ-YZK", "医政医管科");
        await Expect(page.Locator("h1")).ToHaveTextAsync("医政医管科");

        await page.GetByRole(AriaRole.Link, new() { Name = "新增人员" }).ClickAsync();
        await Expect(page.GetByText("所属组织：")).ToContainTextAsync("医政医管科");
        await page.GetByLabel("姓名").FillAsync("张晓梅");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/Members\?orgId={childId}$"));

        await page.GotoAsync("/Organizations");
        var tree = page.Locator("#org-tree");
        await Expect(tree).ToContainTextAsync("市卫生局");
        await Expect(tree).ToContainTextAsync("医政医管科");
        await Expect(page.Locator("#org-tree > li > .node a")).ToHaveTextAsync("市卫生局");
        var childNode = page.Locator("#org-tree > li > ul > li > .node");
        await Expect(childNode.GetByRole(AriaRole.Link)).ToHaveTextAsync("医政医管科");
        await Expect(childNode).ToContainTextAsync(new Regex(@"\b1 人"));

        await page.GotoAsync($"/Members?orgId={childId}");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table tbody tr td").First).ToHaveTextAsync("张晓梅");
    }
}
