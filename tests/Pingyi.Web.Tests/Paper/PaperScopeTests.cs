using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Paper;

/// <summary>Neighbours get 404 on every page and endpoint and change nothing; typed paper leaves no trail from slip to ballot.</summary>
public abstract class PaperScopeTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static string Snapshot(List<PaperEntry> entries, List<PaperSlip> slips) =>
        string.Join("|", entries.Select(e => $"{e.Id}:{e.Serial}:{e.Pass}:{e.EnteredBy}:{e.AnswersJson}"))
        + "#" + string.Join("|", slips.Select(s => $"{s.Id}:{s.Serial}:{s.State}:{s.VoidReason}"));

    [Fact]
    public async Task An_administrator_of_unit_a_gets_404_for_unit_b_meetings_on_every_page_and_endpoint_and_nothing_changes()
    {
        var paper = await app.AddPaperMeetingAsync("邻居", issued: 5, returned: 5, doubleEntry: true, hostId: app.UnitBId);
        var digits = PaperArrange.Digits(paper);
        await app.WithDbAsync(async db =>
        {
            db.PaperEntries.AddRange(
                new PaperEntry { MeetingId = paper.MeetingId, Serial = 1, Pass = 1, EnteredBy = "b1", AnswersJson = "{}", IsVoid = true, VoidReason = "空白" },
                new PaperEntry { MeetingId = paper.MeetingId, Serial = 1, Pass = 2, EnteredBy = "b2", AnswersJson = "{}", IsVoid = true, VoidReason = "涂改" });
            db.PaperSlips.Add(new PaperSlip { MeetingId = paper.MeetingId, Serial = 2, State = PaperSlipState.Issued });
            await db.SaveChangesAsync();
        });
        Task<string> StateAsync() => app.WithDbAsync(async db => Snapshot(
            await db.PaperEntries.AsNoTracking().Where(e => e.MeetingId == paper.MeetingId).OrderBy(e => e.Id).ToListAsync(),
            await db.PaperSlips.AsNoTracking().Where(s => s.MeetingId == paper.MeetingId).OrderBy(s => s.Id).ToListAsync()));
        var before = (await app.PaperCountsAsync(), await StateAsync());
        var denialsBefore = await DenialsAsync(paper.MeetingId);

        using var admina = await app.SignInAsync(AppFixture.AdminA);
        foreach (var url in new[] { paper.EntryUrl, paper.MismatchUrl, $"{paper.MismatchUrl}?serial=1", paper.StatusUrl })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admina.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admina.PostFormAsync(paper.EntryUrl, PaperArrange.PageFields("2", digits))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admina.PostFormAsync($"{paper.MismatchUrl}?serial=1&handler=Resolve",
            PaperArrange.PageFields("", digits).Where(f => f.Key != "Serial"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admina.PostFormAsync($"{paper.MismatchUrl}?serial=1&handler=Discard", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admina.TypeViaApiAsync(paper, 2, digits)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admina.Http.PostAsJsonAsync("/api/meetings/987654/paper-ballots", new { serial = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admina.GetAsync("/Meetings/Entry/987654")).StatusCode);

        Assert.Equal(before, (await app.PaperCountsAsync(), await StateAsync()));
        Assert.True(await DenialsAsync(paper.MeetingId) >= denialsBefore + 8);

        // The system administrator reaches the same meeting: the 404s above are the scope, not a broken page.
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        Assert.Contains("无效：涂改", await sys.GetHtmlAsync($"{paper.MismatchUrl}?serial=1"));
        await sys.GetHtmlAsync(paper.EntryUrl);
    }

    [Fact]
    public async Task After_typing_no_slip_pass_audit_row_or_log_line_holds_a_ballot_id_and_agreed_passes_are_gone()
    {
        var paper = await app.AddPaperMeetingAsync("匿名", issued: 4, returned: 4, doubleEntry: true);
        var logs = new CapturedLogs();
        await using var logged = app.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        async Task<TestClient> SignInAsync(string user)
        {
            var client = new TestClient(logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
            await client.SignInAsync(user, app.Password);
            return client;
        }
        var second = "clerk" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateAccountAsync(second, Web.Identity.Roles.OrgAdmin, app.UnitAId);
        using var clerk1 = await SignInAsync(AppFixture.AdminA);
        using var clerk2 = await SignInAsync(second);
        var digits = PaperArrange.Digits(paper);
        for (var serial = 1; serial <= 3; serial++)
        {
            await clerk1.TypeOkAsync(paper, serial, digits);
            await clerk2.TypeOkAsync(paper, serial, digits);
        }
        Assert.Equal(HttpStatusCode.SeeOther, (await clerk1.TypeOnPageAsync(paper, "4", digits)).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await clerk2.TypeOnPageAsync(paper, "4", digits)).StatusCode);

        var ballots = await app.WithDbAsync(db => db.Ballots.Where(b => b.CampaignId == paper.World.CampaignId).Select(b => new { b.Id, b.ReceiptHash }).ToListAsync());
        Assert.Equal(8, ballots.Count);
        Assert.Equal(0, await app.WithDbAsync(db => db.PaperEntries.CountAsync(e => e.MeetingId == paper.MeetingId)));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.PaperEntry && a.ObjectId == paper.MeetingId.ToString())
            .Select(a => a.ObjectType + a.ObjectId + a.Detail).ToListAsync());
        Assert.Equal(8, audit.Count);
        Assert.All(audit, a => Assert.DoesNotContain("号", a));
        var slips = await app.WithDbAsync(db => db.PaperSlips.Where(s => s.MeetingId == paper.MeetingId).Select(s => $"{s.Id}:{s.TokenId}:{s.VoidReason}").ToListAsync());
        var allAudit = await app.WithDbAsync(db => db.AuditEntries.Select(a => a.ObjectId + a.Detail).ToListAsync());
        var text = string.Join("\n", logs.Lines.Concat(slips).Concat(allAudit));
        foreach (var secret in ballots.SelectMany(b => new[] { b.Id.ToString(), b.ReceiptHash }))
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.NotEmpty(logs.Lines);
    }

    private Task<int> DenialsAsync(int meetingId) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.Denied && a.ObjectType == "Meeting" && a.ObjectId == meetingId.ToString()));
}

public sealed class SqlitePaperScopeTests(SqliteAppFixture a) : PaperScopeTests<SqliteAppFixture>(a);

public sealed class PostgresPaperScopeTests(PostgresAppFixture a) : PaperScopeTests<PostgresAppFixture>(a);
