using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pingyi.Domain.Accounts;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Meetings;
using Pingyi.Domain.Organizations;
using Pingyi.Web.Data;
using Pingyi.Web.Identity;
using static Microsoft.Playwright.Assertions;

namespace Pingyi.BrowserTests;

/// <summary>Two clerks type the paper of a double-entry meeting with the keyboard only, and an administrator resolves the one mismatch.</summary>
public sealed class PaperEntryTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string SecondClerk = "clerk2";

    [Fact]
    public async Task Two_clerks_type_three_slips_with_the_keyboard_and_a_mismatch_is_resolved_with_the_keyboard()
    {
        var (meetingId, secondPassword) = await ArrangeAsync();
        var entry = $"/Meetings/Entry/{meetingId}";

        await using var first = await app.NewContextAsync();
        var page1 = await first.NewPageAsync();
        await page1.SignInAsAdminAsync(app);
        var counts = $"/Meetings/Counts/{await CampaignOfAsync(meetingId)}";
        await page1.GotoAsync(counts);
        await Expect(page1.Locator(".to-type")).ToContainTextAsync("党员评议会");
        await Expect(page1.Locator(".to-type")).ToContainTextAsync("尚未录入 3 份");
        await page1.GotoAsync(entry);
        foreach (var (serial, digits) in new[] { (1, "12"), (2, "21"), (3, "33") })
        {
            await TypeSlipAsync(page1, serial, digits, $"第 {serial} 号已保存（第一遍）。");
        }
        await Expect(page1.Locator(".paper-status")).ToContainTextAsync("待核对 3");
        await page1.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("paper-entry-first-pass.png"), FullPage = true });

        await using var second = await app.NewContextAsync();
        var page2 = await second.NewPageAsync();
        await page2.GotoAsync("/Account/Login");
        await page2.SubmitLoginAsync(SecondClerk, secondPassword);
        await Expect(page2.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        await page2.GotoAsync(entry);
        await TypeSlipAsync(page2, 1, "12", "第 1 号第二遍与第一遍一致。");
        // One digit read differently on slip 2.
        await TypeSlipAsync(page2, 2, "23", "第 2 号第二遍与第一遍有 1 处不一致");
        await TypeSlipAsync(page2, 3, "33", "第 3 号第二遍与第一遍一致。");
        await Expect(page2.Locator(".paper-status")).ToContainTextAsync("有效 2 / 无效 0 / 待核对 1");

        await page1.GotoAsync($"/Meetings/Mismatch/{meetingId}?serial=2");
        var diff = page1.Locator("tr.paper-diff");
        await Expect(diff).ToHaveCountAsync(1);
        await Expect(diff).ToContainTextAsync("不一致");
        await page1.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("paper-mismatch.png"), FullPage = true });
        // The cursor waits in the empty box of the differing field; the agreed one is filled in.
        await Expect(page1.Locator("input[name^='d_']").Nth(1)).ToBeFocusedAsync();
        await Expect(page1.Locator("input[name^='d_']").Nth(0)).ToHaveValueAsync("2");
        await page1.Keyboard.TypeAsync("1");
        await page1.Keyboard.PressAsync("Enter");
        await Expect(page1.Locator(".paper-status")).ToContainTextAsync("第 2 号已核对。");

        await page1.GotoAsync(entry);
        await Expect(page1.Locator(".paper-status")).ToContainTextAsync("已完成：有效 3 / 无效 0");
        await page1.ScreenshotAsync(new() { Path = PageActions.ArtifactPath("paper-entry-complete.png"), FullPage = true });

        // The counts page then has no meeting left to type.
        await page1.GotoAsync(counts);
        await Expect(page1.Locator(".meeting-counts")).ToContainTextAsync("所有评议会的纸质测评票都已录入完毕。");
        await Expect(page1.Locator(".to-type")).ToHaveCountAsync(0);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(3, await db.Ballots.CountAsync());
        Assert.Equal(0, await db.PaperEntries.CountAsync());
        // Slips 1, 2 (resolved) and 3 read 12, 21 and 33: each item got the levels 1, 2 and 3 once.
        var answers = await db.BallotAnswers.Select(a => new { a.ItemId, a.Value }).ToListAsync();
        Assert.All(answers.GroupBy(a => a.ItemId), g => Assert.Equal([1, 2, 3], g.Select(a => a.Value!.Value).Order()));
    }

    private async Task<int> CampaignOfAsync(int meetingId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.CampaignId).SingleAsync();
    }

    /// <summary>
    /// Types one slip as a clerk does: the serial is filled in and the cursor is in the first box;
    /// a digit per item, Tab between them, Enter to save. Checks the serial offered and the message.
    /// </summary>
    private static async Task TypeSlipAsync(IPage page, int serial, string digits, string saved)
    {
        await Expect(page.Locator("#Serial")).ToHaveValueAsync(serial.ToString());
        await Expect(page.Locator("input[name^='d_']").First).ToBeFocusedAsync();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0)
            {
                await page.Keyboard.PressAsync("Tab");
            }
            await page.Keyboard.TypeAsync(digits[i].ToString());
        }
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".paper-status")).ToContainTextAsync(saved);
    }

    /// <summary>An open campaign on one hospital with a two-item form, a double-entry meeting of 3 returned forms, and a second clerk.</summary>
    private async Task<(int MeetingId, string Password)> ArrangeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bureau = new Organization { Code = "PE-BUR", Name = "录入测试卫生局", Kind = OrganizationKind.Bureau, UnitType = UnitType.Bureau, CreatedUtc = DateTime.UtcNow };
        db.Organizations.Add(bureau);
        await db.SaveChangesAsync();
        bureau.Path = OrganizationTree.PathOf(null, bureau.Id);
        var unit = new Organization { Code = "PE-U1", Name = "人民医院", Kind = OrganizationKind.Unit, UnitType = UnitType.Hospital, ParentId = bureau.Id, CreatedUtc = DateTime.UtcNow };
        db.Organizations.Add(unit);
        await db.SaveChangesAsync();
        unit.Path = OrganizationTree.PathOf(bureau.Path, unit.Id);

        var version = new FormVersion
        {
            Number = 1,
            Title = "群众满意度测评表",
            CreatedUtc = DateTime.UtcNow,
            FrozenUtc = DateTime.UtcNow,
            Sections =
            [
                new FormSection
                {
                    Position = 1,
                    Items =
                    [
                        new FormItem { Position = 1, Key = FormRules.NewKey(), Kind = ItemKind.Grade, Text = "服务态度", Scale = GradeScale.Satisfaction3 },
                        new FormItem { Position = 2, Key = FormRules.NewKey(), Kind = ItemKind.Grade, Text = "就医环境", Scale = GradeScale.Satisfaction3 },
                    ],
                },
            ],
        };
        db.Forms.Add(new Form { OrganizationId = bureau.Id, CreatedUtc = DateTime.UtcNow, Versions = [version] });
        var subject = new CampaignSubject { OrganizationId = unit.Id };
        var group = new RaterGroup { Kind = RaterGroupKind.PartyMember, PlannedCount = 50, Weight = 100, Position = 1 };
        var today = DateOnly.FromDateTime(DateTime.Now);
        var campaign = new Campaign
        {
            OrganizationId = bureau.Id,
            Name = "2026年民主评议",
            Year = today.Year,
            State = CampaignState.Open,
            StartsOn = today.AddDays(-5),
            EndsOn = today.AddDays(30),
            CreatedUtc = DateTime.UtcNow,
            OpenedUtc = DateTime.UtcNow,
            Subjects = [subject],
            RaterGroups = [group],
            Assignments = [new Assignment { RaterGroup = group, Direction = Direction.MembersRateOrganization, FormVersion = version, Subjects = [subject] }],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var meeting = new Meeting
        {
            CampaignId = campaign.Id,
            HostOrganizationId = unit.Id,
            Kind = MeetingKind.AppraisalMeeting,
            Title = "党员评议会",
            HeldOn = today.AddDays(-1),
            Place = "三楼会议室",
            RaterGroupId = group.Id,
            Attendance = 3,
            FormsIssued = 3,
            FormsReturned = 3,
            DoubleEntry = true,
            CreatedBy = BrowserAppFixture.AdminUserName,
            CreatedUtc = DateTime.UtcNow,
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();

        var password = PasswordGenerator.New([SecondClerk]);
        var error = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(SecondClerk, "第二录入员", Roles.OrgAdmin, unit.Id, password);
        Assert.Null(error);
        return (meeting.Id, password);
    }
}
