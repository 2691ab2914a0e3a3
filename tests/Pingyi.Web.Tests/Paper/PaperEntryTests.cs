using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Paper;

/// <summary>The acceptance: 50 forms issued, 48 returned, 46 valid and 2 void typed; no 49th, no serial twice, nothing partial.</summary>
public abstract class PaperEntryTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Forty_six_valid_and_two_void_complete_a_meeting_of_48_returned_and_a_49th_slip_is_refused()
    {
        var paper = await app.AddPaperMeetingAsync("四十八份");
        using var clerk = await app.SignInAsync(AppFixture.AdminA);
        var digits = PaperArrange.Digits(paper);
        var before = await app.PaperCountsAsync();

        for (var serial = 1; serial <= 44; serial++)
        {
            await clerk.TypeOkAsync(paper, serial, digits);
        }
        // Two through the page, as a clerk types them, and the two void slips.
        Assert.Equal(HttpStatusCode.SeeOther, (await clerk.TypeOnPageAsync(paper, "45", digits)).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await clerk.TypeOnPageAsync(paper, "46", digits)).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await clerk.TypeOnPageAsync(paper, "49", PaperArrange.None, isVoid: true, reason: "空白未填")).StatusCode);
        await clerk.TypeOkAsync(paper, 50, PaperArrange.None, isVoid: true, reason: "<b>涂改</b>无法辨认");

        var tally = await app.TallyAsync(paper);
        Assert.Equal((46, 2, 0), (tally.Valid, tally.Void, tally.Awaiting));
        Assert.True(tally.IsComplete);
        var after = await app.PaperCountsAsync();
        // Two assignments: one ballot each per slip; 3 × 7 + 1 answers.
        Assert.Equal(before.Ballots + 46 * 2, after.Ballots);
        Assert.Equal(before.Answers + 46 * 22, after.Answers);
        Assert.Equal(before.Slips + 48, after.Slips);
        var ballots = await app.WithDbAsync(db => db.Ballots.Where(b => b.CampaignId == paper.World.CampaignId).ToListAsync());
        Assert.All(ballots, b => Assert.Equal((BallotChannel.Paper, paper.HeldOn), (b.Channel, b.SubmittedOn)));
        Assert.All(ballots, b => Assert.Equal(64, b.ReceiptHash.Length));
        var voids = await app.WithDbAsync(db => db.PaperSlips.Where(s => s.MeetingId == paper.MeetingId && s.State == PaperSlipState.Void)
            .OrderBy(s => s.Serial).Select(s => s.VoidReason).ToListAsync());
        Assert.Equal(["空白未填", "<b>涂改</b>无法辨认"], voids);

        var page = await clerk.GetHtmlAsync(paper.EntryUrl);
        Assert.Contains("已完成：有效 46 / 无效 2", System.Net.WebUtility.HtmlDecode(page));

        var full = await clerk.TypeViaApiAsync(paper, 47, digits);
        Assert.Equal("已录入的份数已达回收份数 48 份，不能再录入。", await PaperArrange.TitleAsync(full, HttpStatusCode.Conflict));
        var fullPage = await (await clerk.TypeOnPageAsync(paper, "48", digits)).BodyAsync(HttpStatusCode.OK);
        Assert.Contains("已录入的份数已达回收份数 48 份，不能再录入。", fullPage);
        var duplicate = await clerk.TypeViaApiAsync(paper, 5, digits);
        Assert.Equal("第 5 号测评表已录入。", await PaperArrange.TitleAsync(duplicate, HttpStatusCode.Conflict));
        var duplicateVoid = await clerk.TypeOnPageAsync(paper, "49", PaperArrange.None, isVoid: true, reason: "重复");
        Assert.Contains("第 49 号测评表已录入。", await duplicateVoid.BodyAsync(HttpStatusCode.OK));
        Assert.Equal(after, await app.PaperCountsAsync());

        var status = await clerk.Http.GetStringAsync(paper.StatusUrl);
        Assert.Contains("\"valid\":46", status);
        Assert.Contains("\"complete\":true", status);
    }

    [Fact]
    public async Task A_save_answers_303_to_an_empty_form_with_the_next_serial_the_focus_on_the_first_field_and_the_status()
    {
        var paper = await app.AddPaperMeetingAsync("下一份", issued: 10, returned: 8);
        using var clerk = await app.SignInAsync(AppFixture.AdminA);
        var first = await clerk.GetHtmlAsync(paper.EntryUrl);
        Assert.Contains("id=\"Serial\" name=\"Serial\" value=\"1\"", first);
        Assert.Contains("1 满意 2 基本满意 3 不满意", first);
        Assert.Contains("inputmode=\"numeric\"", first);

        var saved = await clerk.TypeOnPageAsync(paper, "1", PaperArrange.Digits(paper));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal(paper.EntryUrl, saved.Headers.Location!.OriginalString);
        var next = await clerk.GetHtmlAsync(paper.EntryUrl);
        Assert.Contains("第 1 号已保存，计入有效票。已录入 有效 1 / 无效 0 / 待核对 0，回收 8 份，还差 7 份。", next);
        Assert.Contains("id=\"Serial\" name=\"Serial\" value=\"2\"", next);
        var firstField = $"d_{paper.Field(paper.World.MatrixSubjectIds[0], Domain.Forms.ItemKind.Grade)}";
        Assert.Matches($"id=\"{firstField}\"[^>]*autofocus", next);
        Assert.DoesNotContain("value=\"88\"", next);
    }

    [Fact]
    public async Task A_slip_printed_with_a_code_consumes_it_and_one_already_used_online_is_recorded_void()
    {
        var paper = await app.AddPaperMeetingAsync("印码", issued: 5, returned: 5);
        var unused = await app.AddSlipAsync(paper.World);
        var used = await app.AddSlipAsync(paper.World, TokenState.Used);
        await app.WithDbAsync(async db =>
        {
            db.PaperSlips.AddRange(
                new PaperSlip { MeetingId = paper.MeetingId, Serial = 1, TokenId = unused.TokenId },
                new PaperSlip { MeetingId = paper.MeetingId, Serial = 2, TokenId = used.TokenId });
            await db.SaveChangesAsync();
        });
        using var clerk = await app.SignInAsync(AppFixture.AdminA);
        var digits = PaperArrange.Digits(paper);

        await clerk.TypeOkAsync(paper, 1, digits);
        Assert.Equal(TokenState.Used, await app.TokenStateAsync(unused.TokenId));
        var before = await app.PaperCountsAsync();
        var response = await clerk.TypeViaApiAsync(paper, 2, digits);
        Assert.Contains("该测评表的评议码已在线使用，已记为无效票", await response.BodyAsync(HttpStatusCode.OK));

        var slip = await app.WithDbAsync(db => db.PaperSlips.SingleAsync(s => s.MeetingId == paper.MeetingId && s.Serial == 2));
        Assert.Equal((PaperSlipState.Void, "该测评表的评议码已在线使用"), (slip.State, slip.VoidReason));
        Assert.Equal(before.Ballots, (await app.PaperCountsAsync()).Ballots);
        // A serial never printed gets its slip row when typed.
        await clerk.TypeOkAsync(paper, 4, digits);
        Assert.Equal(1, await app.WithDbAsync(db => db.PaperSlips.CountAsync(s => s.MeetingId == paper.MeetingId && s.Serial == 4 && s.TokenId == null)));
        Assert.Equal(2 * 2, await app.BallotCountAsync(paper.World.CampaignId));
    }

    [Fact]
    public async Task A_closed_campaign_takes_no_paper_and_says_why()
    {
        var paper = await app.AddPaperMeetingAsync("已结束", state: Domain.Campaigns.CampaignState.Closed);
        using var clerk = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.PaperCountsAsync();

        var page = await clerk.GetHtmlAsync(paper.EntryUrl);
        Assert.Contains("当前不接收评议", page);
        Assert.DoesNotContain("name=\"Serial\"", page);
        var response = await clerk.TypeViaApiAsync(paper, 1, PaperArrange.Digits(paper));
        Assert.Contains("当前不接收评议", await PaperArrange.TitleAsync(response, HttpStatusCode.Conflict));
        var posted = await clerk.PostFormAsync(paper.EntryUrl, PaperArrange.PageFields("1", PaperArrange.Digits(paper)));
        Assert.Contains("当前不接收评议", await posted.BodyAsync(HttpStatusCode.OK));
        Assert.Equal(before, await app.PaperCountsAsync());
    }
}

public sealed class SqlitePaperEntryTests(SqliteAppFixture a) : PaperEntryTests<SqliteAppFixture>(a);

public sealed class PostgresPaperEntryTests(PostgresAppFixture a) : PaperEntryTests<PostgresAppFixture>(a);
