using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pingyi.BrowserTests;

/// <summary>What a person does in the app, written once for all the tests.</summary>
internal static partial class PageActions
{
    [GeneratedRegex(@"/Organizations/Details/(\d+)$")]
    private static partial Regex DetailsUrl();

    /// <summary>Fills and submits the login form already on screen.</summary>
    public static async Task SubmitLoginAsync(this IPage page, string userName, string password)
    {
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    /// <summary>Signs in as the fixture's system administrator and waits until the sign-out button shows.</summary>
    public static async Task SignInAsAdminAsync(this IPage page, BrowserAppFixture app)
    {
        await page.GotoAsync("/Account/Login");
        await page.SubmitLoginAsync(BrowserAppFixture.AdminUserName, app.AdminPassword);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
    }

    /// <summary>Fills and submits the organisation form on screen; returns the new organisation's id.</summary>
    public static async Task<int> SubmitOrganizationAsync(this IPage page, string code, string name)
    {
        await page.GetByLabel("组织编码").FillAsync(code);
        await page.GetByLabel("组织名称").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(DetailsUrl());
        return int.Parse(DetailsUrl().Match(page.Url).Groups[1].Value);
    }

    /// <summary>Creates a root organisation, or a child when a parent is given; returns its id.</summary>
    public static async Task<int> CreateOrganizationAsync(this IPage page, string code, string name, int? parentId = null)
    {
        await page.GotoAsync(parentId is { } p ? $"/Organizations/Create?parentId={p}" : "/Organizations/Create");
        return await page.SubmitOrganizationAsync(code, name);
    }

    /// <summary>Where screenshots go: the repository's git-ignored .test-artifacts/browser folder.</summary>
    public static string ArtifactPath(string fileName)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pingyi.slnx")))
        {
            dir = dir.Parent;
        }
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, ".test-artifacts", "browser");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}
