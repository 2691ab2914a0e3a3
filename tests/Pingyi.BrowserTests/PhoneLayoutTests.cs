using static Microsoft.Playwright.Assertions;

namespace Pingyi.BrowserTests;

public sealed class PhoneLayoutTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    // 100 characters, the longest name the form accepts.
    private static readonly string LongName = string.Concat(Enumerable.Repeat("市第一人民医院心内科", 10));

    [Fact]
    public async Task Organization_tree_fits_a_360_pixel_phone()
    {
        await using var context = await app.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 360, Height = 740 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.SignInAsAdminAsync(app);

        var bureau = await page.CreateOrganizationAsync("SWJ", "市卫生健康委员会");
        await page.CreateOrganizationAsync("SWJ-BGS", "办公室", bureau);
        var parent = bureau;
        string[] chain = ["市第一人民医院", "内科党总支", "心血管内科党支部", "第一党小组", "住院部护理组", "夜班护理小组"];
        for (var i = 0; i < chain.Length; i++)
        {
            parent = await page.CreateOrganizationAsync($"SWJ-L{i + 1}", chain[i], parent);
        }
        // A 32-character code without any break opportunity, under the deepest level.
        await page.CreateOrganizationAsync("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", LongName, parent);
        await page.CreateOrganizationAsync("JKJ", "市疾病预防控制中心");

        await page.GotoAsync("/Organizations");
        await Expect(page.Locator("#org-tree")).ToContainTextAsync(LongName);
        await page.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("organizations-360.png"), FullPage = true });

        var width = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.Equal(360, width);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page scrolls sideways: scrollWidth {scrollWidth} > clientWidth {width}.");

        var overflowing = await page.EvaluateAsync<string[]>("""
            () => {
              const limit = document.documentElement.clientWidth;
              return [...document.querySelectorAll('#org-tree, #org-tree *, header, header *')]
                .map(e => ({ e, r: e.getBoundingClientRect() }))
                .filter(({ r }) => r.width > 0 && r.right > limit)
                .map(({ e, r }) => `${e.tagName.toLowerCase()}.${e.className} right=${r.right} "${e.textContent.trim().slice(0, 30)}"`);
            }
            """);
        Assert.True(overflowing.Length == 0, "Elements past the right edge:\n" + string.Join("\n", overflowing));

        var fontSize = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
        Assert.True(fontSize >= 16, $"Body text is {fontSize}px; at least 16px is needed on a phone.");
    }
}
