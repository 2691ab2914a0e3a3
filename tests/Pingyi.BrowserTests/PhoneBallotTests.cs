using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;
using static Microsoft.Playwright.Assertions;

namespace Pingyi.BrowserTests;

public sealed class PhoneBallotTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private static readonly string[] Units = ["第一人民医院", "中医院", "妇幼保健院"];
    private static readonly string[] Grades = ["服务态度", "医疗质量", "就医环境"];

    [Fact]
    public async Task A_qr_link_opens_a_matrix_ballot_on_a_375_pixel_phone_and_ends_with_a_receipt()
    {
        var longCode = await ArrangeAsync();
        await using var phone = await app.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 375, Height = 667 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        var page = await phone.NewPageAsync();
        var bodies = new List<(string Type, string Url, IResponse Response)>();
        page.Response += (_, r) => bodies.Add((r.Request.ResourceType, r.Url, r));

        await page.GotoAsync($"/V/{longCode}");

        await Expect(page).ToHaveURLAsync(new Regex("/V/Ballot$"));
        Assert.DoesNotContain(longCode, page.Url, StringComparison.OrdinalIgnoreCase);
        await Expect(page.Locator(".ballot-progress").First).ToContainTextAsync("共 12 项评价");
        await page.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("phone-ballot-375.png"), FullPage = true });

        var weight = 0;
        foreach (var (type, url, response) in bodies.Where(b => b.Type is "document" or "stylesheet" && !b.Url.Contains(longCode)))
        {
            weight += (await response.BodyAsync()).Length;
        }
        Assert.True(weight is > 0 and < 50 * 1024, $"The ballot page weighs {weight} bytes with its stylesheet; it must stay under 50 KB.");

        var width = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.Equal(375, width);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The ballot scrolls sideways: scrollWidth {scrollWidth} > clientWidth {width}.");
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.ballot label.choice, .ballot textarea, .ballot button')]
              .map(e => ({ e, r: e.getBoundingClientRect() }))
              .filter(({ r }) => r.height < 44 || r.width < 44)
              .map(({ e, r }) => `${e.tagName.toLowerCase()} ${Math.round(r.width)}x${Math.round(r.height)} "${e.textContent.trim().slice(0, 20)}"`)
            """);
        Assert.True(small.Length == 0, "Tap targets smaller than 44 px:\n" + string.Join("\n", small));
        var fontSize = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.ballot .choice span:not(.sr-only)')).fontSize)");
        Assert.True(fontSize >= 16, $"Answer text is {fontSize}px; at least 16px is needed on a phone.");

        // Each radio is found by its subject and level together, as a screen reader announces it.
        foreach (var grade in Grades)
        {
            var item = page.Locator("fieldset.q-matrix").Filter(new() { HasText = grade });
            foreach (var unit in Units)
            {
                await item.GetByLabel(new Regex($"{unit}：\\s*满意\\s*$")).CheckAsync();
            }
        }
        await page.Locator("fieldset.q-matrix").Filter(new() { HasText = "意见建议" }).GetByLabel(new Regex($"^{Units[1]}")).FillAsync("希望增加夜间门诊");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评议" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/V/Done$"));
        await Expect(page.Locator(".receipt-code")).ToHaveTextAsync(new Regex("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$"));
        await Expect(page.Locator(".receipt")).ToContainTextAsync("回执码不能反查您的身份");
        await page.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("phone-receipt-375.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ballot = db.Ballots.Single();
        Assert.Equal(Units.Length * Grades.Length + 1, db.BallotAnswers.Count(a => a.BallotId == ballot.Id));
    }

    /// <summary>An open campaign in which one rater group appraises three hospitals with one form; returns a fresh long code.</summary>
    private async Task<string> ArrangeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bureau = new Organization { Code = "PB-BUR", Name = "评议测试卫生局", Kind = OrganizationKind.Bureau, UnitType = UnitType.Bureau, CreatedUtc = DateTime.UtcNow };
        db.Organizations.Add(bureau);
        await db.SaveChangesAsync();
        bureau.Path = OrganizationTree.PathOf(null, bureau.Id);
        var units = Units.Select((n, i) => new Organization { Code = $"PB-U{i}", Name = n, Kind = OrganizationKind.Unit, UnitType = UnitType.Hospital, ParentId = bureau.Id, CreatedUtc = DateTime.UtcNow }).ToList();
        db.Organizations.AddRange(units);
        await db.SaveChangesAsync();
        units.ForEach(u => u.Path = OrganizationTree.PathOf(bureau.Path, u.Id));

        var items = Grades.Select((g, i) => new FormItem { Position = i + 1, Key = FormRules.NewKey(), Kind = ItemKind.Grade, Text = g, Scale = GradeScale.Satisfaction5 })
            .Append(new FormItem { Position = 4, Key = FormRules.NewKey(), Kind = ItemKind.Text, Text = "意见建议", Required = false, MaxLength = 300 })
            .ToList();
        var version = new FormVersion
        {
            Number = 1,
            Title = "医疗机构群众满意度测评表",
            Description = "请根据您最近一次就医的亲身感受，对以下单位逐项评价。",
            CreatedUtc = DateTime.UtcNow,
            FrozenUtc = DateTime.UtcNow,
            Sections = [new FormSection { Position = 1, Items = items }],
        };
        var subjects = units.Select(u => new CampaignSubject { OrganizationId = u.Id }).ToList();
        return await BrowserArrange.OpenCampaignWithCodeAsync(app.Services, db, bureau.Id, "2026年医疗机构群众满意度评议", version, subjects);
    }
}
