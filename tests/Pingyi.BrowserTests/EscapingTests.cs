using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pingyi.BrowserTests;

public sealed class EscapingTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Payload = """<script>window.__xss=1</script><img src=x onerror="window.__xss=2">""";

    [Fact]
    public async Task Markup_in_an_organization_name_is_shown_as_text()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsAdminAsync(app);

        await page.CreateOrganizationAsync("XSS", Payload);
        // The content security policy would block the script anyway, so look for injected elements too.
        await Expect(page.Locator("h1")).ToHaveTextAsync(Payload);
        await ExpectNotInjectedAsync(page, "main");

        await page.GotoAsync("/Organizations");
        await Expect(page.Locator("#org-tree .node a")).ToHaveTextAsync(Payload);
        await ExpectNotInjectedAsync(page, "#org-tree");
    }

    private static async Task ExpectNotInjectedAsync(IPage page, string container)
    {
        await Expect(page.Locator($"{container} script, {container} img")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), "window.__xss was set.");
    }
}
