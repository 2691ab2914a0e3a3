using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pingyi.BrowserTests;

public sealed class SignInTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Wrong_password_shows_a_Chinese_message_and_no_internals()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.SubmitLoginAsync(BrowserAppFixture.AdminUserName, app.AdminPassword + "x");

        await Expect(page.Locator(".validation-summary-errors")).ToContainTextAsync("用户名或密码错误");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToHaveCountAsync(0);
        var html = await page.ContentAsync();
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("StackTrace", html);
        Assert.DoesNotMatch(new Regex(@"\bat [\w.]+\("), html);
    }

    [Fact]
    public async Task Protected_page_sends_a_signed_out_visitor_to_login_and_back()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Organizations");

        await Expect(page).ToHaveURLAsync(new Regex(@"/Account/Login\?ReturnUrl=%2FOrganizations$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("管理员登录");

        await page.SubmitLoginAsync(BrowserAppFixture.AdminUserName, app.AdminPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/Organizations$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("组织架构");
    }
}
