using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pingyi.BrowserTests;

public sealed class FormPreviewTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    // An answer option a rater could not wrap if the page let it overflow.
    private static readonly string Unbroken = new('W', 100);

    [Fact]
    public async Task A_template_form_previews_on_a_375_pixel_phone_without_sideways_scrolling()
    {
        await using var admin = await app.NewContextAsync();
        var editor = await admin.NewPageAsync();
        await editor.SignInAsAdminAsync(app);
        await editor.CreateOrganizationAsync("FORM-BUR", "预览测试卫生局");

        await editor.GotoAsync("/Forms");
        var card = editor.Locator(".templates .card").Filter(new() { HasText = "医院群众（患者）满意度测评表" });
        await card.GetByRole(AriaRole.Button, new() { Name = "使用此模板" }).ClickAsync();
        await Expect(editor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Forms/Details/\d+$"));

        var add = editor.Locator("details.add-item").First;
        await add.Locator("summary").ClickAsync();
        await add.GetByLabel("题型").SelectOptionAsync(new SelectOptionValue { Label = "单选" });
        await add.GetByLabel("项目内容").FillAsync("您是通过什么方式预约的？" + Unbroken);
        await add.GetByLabel("选项（每行一个").FillAsync($"电话\n网上\n{Unbroken}");
        await add.GetByRole(AriaRole.Button, new() { Name = "添加" }).ClickAsync();
        await Expect(editor.Locator("table.items").First).ToContainTextAsync("您是通过什么方式预约的？");
        await editor.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("form-editor.png") });
        var previewUrl = await editor.GetByRole(AriaRole.Link, new() { Name = "手机预览" }).GetAttributeAsync("href");

        await using var phone = await app.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 375, Height = 812 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            StorageState = await admin.StorageStateAsync(),
        });
        var page = await phone.NewPageAsync();
        await page.GotoAsync(previewUrl!);
        await Expect(page.Locator("h1")).ToContainTextAsync("满意度");
        await page.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("form-preview-375.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("form-preview-375-first-screen.png") });

        var width = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.Equal(375, width);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The preview scrolls sideways: scrollWidth {scrollWidth} > clientWidth {width}.");

        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
              .map(e => ({ e, r: e.getBoundingClientRect() }))
              .filter(({ r }) => r.width > 0 && r.right > document.documentElement.clientWidth + 0.5)
              .map(({ e, r }) => `${e.tagName.toLowerCase()}.${e.className} right=${r.right}`)
            """);
        Assert.True(overflowing.Length == 0, "Elements past the right edge:\n" + string.Join("\n", overflowing));

        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.ballot label.choice, .ballot textarea, .ballot input[type=number], .ballot button')]
              .map(e => ({ e, r: e.getBoundingClientRect() }))
              .filter(({ r }) => r.height < 44 || r.width < 44)
              .map(({ e, r }) => `${e.tagName.toLowerCase()} ${Math.round(r.width)}x${Math.round(r.height)} "${e.textContent.trim().slice(0, 20)}"`)
            """);
        Assert.True(small.Length == 0, "Tap targets smaller than 44 px:\n" + string.Join("\n", small));

        var fontSize = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.ballot .choice span')).fontSize)");
        Assert.True(fontSize >= 16, $"Answer text is {fontSize}px; at least 16px is needed on a phone.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "预览中，不能提交" })).ToBeDisabledAsync();

        // Every control is reachable by its label, as a screen reader would announce it.
        await page.GetByLabel(Unbroken, new() { Exact = true }).CheckAsync();
        await Expect(page.GetByLabel(Unbroken, new() { Exact = true })).ToBeCheckedAsync();
    }
}
