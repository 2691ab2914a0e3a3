using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Paper;

/// <summary>Double entry: two clerks, only agreed ballots count, a mismatch waits for an administrator.</summary>
public abstract class DoubleEntryTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task A_mismatch_blocks_its_ballot_until_resolved_and_then_it_counts_once()
    {
        var paper = await app.AddPaperMeetingAsync("双人录入", issued: 5, returned: 3, doubleEntry: true);
        using var clerk1 = await app.SignInAsync(AppFixture.AdminA);
        using var clerk2 = await app.SecondClerkAsync();
        var digits = PaperArrange.Digits(paper);
        var grade = paper.Field(paper.World.MatrixSubjectIds[1], ItemKind.Grade);
        var campaign = paper.World.CampaignId;

        for (var serial = 1; serial <= 3; serial++)
        {
            await clerk1.TypeOkAsync(paper, serial, digits);
        }
        Assert.Equal(0, await app.BallotCountAsync(campaign));
        Assert.Equal(3, (await app.TallyAsync(paper)).Awaiting);
        var page = await clerk2.GetHtmlAsync(paper.EntryUrl);
        Assert.Contains("name=\"Serial\" value=\"1\"", page);
        // The first clerk has nothing left: every slip waits for someone else's pass and no new one may start.
        var nothing = await clerk1.GetHtmlAsync(paper.EntryUrl);
        Assert.DoesNotContain("name=\"Serial\" value=", nothing);
        Assert.Contains("其余的须由另一名录入员录入第二遍", nothing);

        var same = await clerk1.TypeViaApiAsync(paper, 1, digits);
        Assert.Equal("第二遍须由另一名录入员录入。", await PaperArrange.TitleAsync(same, HttpStatusCode.Conflict));

        Assert.Equal(HttpStatusCode.SeeOther, (await clerk2.TypeOnPageAsync(paper, "1", digits)).StatusCode);
        Assert.Contains("第 1 号第二遍与第一遍一致。第 1 号已保存，计入有效票。", await clerk2.GetHtmlAsync(paper.EntryUrl));
        Assert.Equal(2, await app.BallotCountAsync(campaign));
        await clerk2.TypeOkAsync(paper, 2, digits.With(grade, "3"));
        await clerk2.TypeOkAsync(paper, 3, digits);

        var tally = await app.TallyAsync(paper);
        Assert.Equal((2, 0, 1), (tally.Valid, tally.Void, tally.Awaiting));
        Assert.Equal(4, await app.BallotCountAsync(campaign));
        var third = await clerk1.TypeViaApiAsync(paper, 2, digits);
        Assert.Contains("不一致", await PaperArrange.TitleAsync(third, HttpStatusCode.Conflict));
        var status = await clerk1.Http.GetStringAsync(paper.StatusUrl);
        Assert.Contains("\"mismatchedSerials\":[2]", status);

        var list = await clerk1.GetHtmlAsync(paper.MismatchUrl);
        Assert.Contains($"href=\"{paper.MismatchUrl}?serial=2\"", list);
        var side = await clerk1.GetHtmlAsync($"{paper.MismatchUrl}?serial=2");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(side, "<tr class=\"paper-diff\">"));
        Assert.Contains("<td>不一致</td>", side);
        Assert.Matches($"id=\"d_{grade}\" name=\"d_{grade}\" value=\"\"[^>]*autofocus", side);
        var other = paper.Field(paper.World.MatrixSubjectIds[0], ItemKind.Grade);
        Assert.Contains($"id=\"d_{other}\" name=\"d_{other}\" value=\"1\"", side);

        // Still missing the differing value: refused, nothing stored, the passes kept.
        var before = await app.PaperCountsAsync();
        var incomplete = await clerk1.PostFormAsync($"{paper.MismatchUrl}?serial=2&handler=Resolve",
            PaperArrange.PageFields("", digits.With(grade, "")).Where(f => f.Key != "Serial"), tokenPage: paper.MismatchUrl);
        Assert.Contains("此项为必答题", await incomplete.BodyAsync(HttpStatusCode.OK));
        Assert.Equal(before, await app.PaperCountsAsync());

        var resolved = await clerk1.PostFormAsync($"{paper.MismatchUrl}?serial=2&handler=Resolve",
            PaperArrange.PageFields("", digits.With(grade, "2")).Where(f => f.Key != "Serial"), tokenPage: paper.MismatchUrl);
        Assert.Equal(HttpStatusCode.SeeOther, resolved.StatusCode);
        Assert.Contains("第 2 号已核对。", await clerk1.GetHtmlAsync(paper.MismatchUrl));
        Assert.Equal(6, await app.BallotCountAsync(campaign));
        Assert.Equal(0, await app.WithDbAsync(db => db.PaperEntries.CountAsync(e => e.MeetingId == paper.MeetingId)));
        var gradeItem = paper.World.MatrixForm.Items.First(i => i.Kind == ItemKind.Grade).Id;
        var value = await app.WithDbAsync(db => db.BallotAnswers.Where(a => a.SubjectId == paper.World.MatrixSubjectIds[1] && a.ItemId == gradeItem && a.Value == 2
            && db.Ballots.Any(b => b.Id == a.BallotId && b.CampaignId == campaign)).CountAsync());
        Assert.Equal(1, value);
        Assert.True((await app.TallyAsync(paper)).IsComplete);
        Assert.Contains("已完成：有效 3 / 无效 0", await clerk2.GetHtmlAsync(paper.EntryUrl));

        var again = await clerk1.PostFormAsync($"{paper.MismatchUrl}?serial=2&handler=Resolve",
            PaperArrange.PageFields("", digits).Where(f => f.Key != "Serial"), tokenPage: paper.MismatchUrl);
        Assert.Contains("没有待核对的两遍录入", await again.BodyAsync(HttpStatusCode.OK));
        Assert.Equal(6, await app.BallotCountAsync(campaign));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.PaperResolve && a.ObjectId == paper.MeetingId.ToString())));
    }

    [Fact]
    public async Task Discarding_both_passes_lets_the_slip_be_typed_again_and_void_reasons_are_compared()
    {
        var paper = await app.AddPaperMeetingAsync("重新录入", issued: 3, returned: 2, doubleEntry: true);
        using var clerk1 = await app.SignInAsync(AppFixture.AdminA);
        using var clerk2 = await app.SecondClerkAsync();
        await clerk1.TypeOkAsync(paper, 1, PaperArrange.None, isVoid: true, reason: "空白");
        await clerk2.TypeOkAsync(paper, 1, PaperArrange.None, isVoid: true, reason: "涂改");
        var side = await clerk1.GetHtmlAsync($"{paper.MismatchUrl}?serial=1");
        Assert.Contains("无效：空白", side);
        Assert.Contains("无效：涂改", side);
        Assert.Contains("<tr class=\"paper-diff\">", side);

        var discarded = await clerk1.PostFormAsync($"{paper.MismatchUrl}?serial=1&handler=Discard", [], tokenPage: paper.MismatchUrl);
        Assert.Equal(HttpStatusCode.SeeOther, discarded.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.PaperEntries.CountAsync(e => e.MeetingId == paper.MeetingId)));

        await clerk2.TypeOkAsync(paper, 1, PaperArrange.None, isVoid: true, reason: "空白");
        await clerk1.TypeOkAsync(paper, 1, PaperArrange.None, isVoid: true, reason: "空白");
        var slip = await app.WithDbAsync(db => db.PaperSlips.SingleAsync(s => s.MeetingId == paper.MeetingId));
        Assert.Equal((1, PaperSlipState.Void, "空白"), (slip.Serial, slip.State, slip.VoidReason));
        Assert.Equal(0, await app.BallotCountAsync(paper.World.CampaignId));
    }

    [Fact]
    public async Task Script_in_free_text_is_stored_as_typed_and_shown_encoded_on_the_mismatch_page()
    {
        var paper = await app.AddPaperMeetingAsync("脚本", issued: 2, returned: 2, doubleEntry: true);
        using var clerk1 = await app.SignInAsync(AppFixture.AdminA);
        using var clerk2 = await app.SecondClerkAsync();
        var text = paper.Field(paper.World.MatrixSubjectIds[0], ItemKind.Text);
        const string script = "<script>alert(1)</script>";
        await clerk1.TypeOkAsync(paper, 1, PaperArrange.Digits(paper).With(text, script));
        await clerk2.TypeOkAsync(paper, 1, PaperArrange.Digits(paper).With(text, script + "x"));

        var side = await clerk1.GetHtmlAsync($"{paper.MismatchUrl}?serial=1");
        Assert.DoesNotContain(script, side);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", side);
        var resolved = await clerk1.PostFormAsync($"{paper.MismatchUrl}?serial=1&handler=Resolve",
            PaperArrange.PageFields("", PaperArrange.Digits(paper).With(text, script)).Where(f => f.Key != "Serial"), tokenPage: paper.MismatchUrl);
        Assert.Equal(HttpStatusCode.SeeOther, resolved.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.BallotAnswers.CountAsync(a => a.Text == script)));
    }
}

public sealed class SqliteDoubleEntryTests(SqliteAppFixture a) : DoubleEntryTests<SqliteAppFixture>(a);

public sealed class PostgresDoubleEntryTests(PostgresAppFixture a) : DoubleEntryTests<PostgresAppFixture>(a);
