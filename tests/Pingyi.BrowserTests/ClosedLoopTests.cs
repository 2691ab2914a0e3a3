using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace Pingyi.BrowserTests;

/// <summary>
/// The whole loop in a browser: a rater's remark on the phone ballot becomes an opinion, the office
/// turns it into a problem with a measure, the measure is completed and verified, the problem is
/// answered, and the rater reads the answer through the receipt code and rates the handling.
/// </summary>
public sealed partial class ClosedLoopTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Remark = "门诊收费窗口排队时间太长，希望增加窗口";
    private const string ReplyText = "已增设收费窗口2个并开通手机缴费，高峰排队时间缩短到10分钟以内。";

    [GeneratedRegex(@"/Problems/Detail/(\d+)$")]
    private static partial Regex ProblemUrl();

    [Fact]
    public async Task A_ballot_remark_is_rectified_verified_answered_and_re_rated_through_the_receipt()
    {
        var longCode = await ArrangeAsync();

        // The rater, on a phone.
        await using var phoneContext = await app.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 667 }, IsMobile = true, HasTouch = true });
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync($"/V/{longCode}");
        await phone.Locator("fieldset.q").Filter(new() { HasText = "总体评价" }).GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await phone.Locator(".ballot textarea").FillAsync(Remark);
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交评议" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/V/Done$"));
        var receipt = (await phone.Locator(".receipt-code").InnerTextAsync()).Trim();

        // The office: the remark is an opinion; it becomes a problem with a measure.
        await using var officeContext = await app.NewContextAsync();
        var office = await officeContext.NewPageAsync();
        await office.SignInAsAdminAsync(app);
        await office.GotoAsync("/Opinions?q=" + Uri.EscapeDataString("收费窗口"));
        var row = office.Locator("tr", new() { HasText = Remark });
        await Expect(row).ToHaveCountAsync(1);
        await row.GetByLabel("选择此意见").CheckAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "转为问题" }).ClickAsync();
        await Expect(office).ToHaveURLAsync(new Regex("/Problems/New"));
        await office.GetByLabel(new Regex("^问题名称")).FillAsync("门诊收费排队时间长");
        await office.GetByRole(AriaRole.Button, new() { Name = "建立问题" }).ClickAsync();
        await Expect(office).ToHaveURLAsync(ProblemUrl());
        var problemId = int.Parse(ProblemUrl().Match(office.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(office.Locator("main")).ToContainTextAsync(Remark);

        await office.GetByLabel(new Regex("^整改措施")).FillAsync("增设收费窗口2个，开通手机缴费。");
        await office.GetByLabel(new Regex("^责任人")).FillAsync("财务科 王科长");
        await office.GetByRole(AriaRole.Button, new() { Name = "添加整改措施" }).ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "增设收费窗口2个，开通手机缴费。" }).ClickAsync();
        await Expect(office.Locator("h1")).ToContainTextAsync("待整改");

        // The unit works and reports; the superior verifies on the three criteria.
        await office.GetByRole(AriaRole.Button, new() { Name = "开始整改" }).ClickAsync();
        await Expect(office.Locator("h1")).ToContainTextAsync("整改中");
        await office.GetByLabel(new Regex("^完成情况")).FillAsync("两个新窗口已启用，手机缴费已上线。");
        await office.GetByRole(AriaRole.Button, new() { Name = "提交验收" }).ClickAsync();
        await Expect(office.Locator("h1")).ToContainTextAsync("待验收");
        foreach (var criterion in new[] { "到位", "合理", "有效" })
        {
            await office.GetByLabel(criterion, new() { Exact = true }).CheckAsync();
        }
        await office.GetByRole(AriaRole.Button, new() { Name = "提交验收意见" }).ClickAsync();
        await Expect(office.Locator("h1")).ToContainTextAsync("已验收");
        await office.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("loop-measure-verified.png"), FullPage = true });

        // The answer to the people who raised it.
        await office.GotoAsync($"/Problems/Reply/{problemId}");
        await office.GetByLabel(new Regex("^反馈内容")).FillAsync(ReplyText);
        await office.GetByRole(AriaRole.Button, new() { Name = "保存反馈" }).ClickAsync();
        await Expect(office.Locator("main")).ToContainTextAsync(ReplyText);

        // The rater reads it with the receipt code — which never appears in a URL — and rates the handling.
        await phone.GotoAsync("/Receipt");
        await phone.GetByLabel("回执码").FillAsync(receipt);
        await phone.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/Receipt/View$"));
        Assert.DoesNotContain(receipt.Replace("-", "", StringComparison.Ordinal), phone.Url.Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        await Expect(phone.Locator("main")).ToContainTextAsync(Remark);
        await Expect(phone.Locator("main")).ToContainTextAsync(ReplyText);
        await phone.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(phone.Locator("main")).ToContainTextAsync("感谢您的评价");
        await phone.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("loop-receipt-rated-375.png"), FullPage = true });

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var opinion = await db.Opinions.AsNoTracking().SingleAsync(o => o.Text == Remark);
        Assert.Equal(problemId, opinion.ProblemId);
        Assert.Equal(ReRating.Satisfied, opinion.ReRating);
        var measure = await db.Measures.Include(m => m.Verifications).AsNoTracking().SingleAsync(m => m.ProblemId == problemId);
        Assert.Equal(MeasureState.Verified, measure.State);
        Assert.True(Assert.Single(measure.Verifications).Passed);
    }

    /// <summary>An open campaign in which patients appraise one hospital on one grade item and may leave a remark; returns a long code.</summary>
    private async Task<string> ArrangeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (bureau, unit) = await BrowserArrange.BureauWithHospitalAsync(db, "CL", "闭环测试卫生局", "闭环医院");
        var version = BrowserArrange.SatisfactionForm(withRemark: true);
        var subjects = new List<CampaignSubject> { new() { OrganizationId = unit.Id } };
        return await BrowserArrange.OpenCampaignWithCodeAsync(app.Services, db, bureau.Id, "闭环测试评议活动", version, subjects);
    }
}
