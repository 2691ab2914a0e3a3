using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Features.Meetings;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Meetings.MeetingArrange;

namespace Pingyi.Web.Tests.Meetings;

public abstract partial class MeetingPrintTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [GeneratedRegex(@"<strong>([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{3})</strong>")]
    private static partial Regex ShortCode();

    private static List<string> Codes(string html) => ShortCode().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task Printing_makes_one_slip_and_token_per_serial_and_reprints_the_same_codes()
    {
        var w = await app.WorldAsync();
        var id = await app.MeetingAsync(w, app.UnitAId, issued: 5, returned: 0, title: $"印制会{w.Tag}");
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var offer = await client.GetHtmlAsync($"/Meetings/Print/{id}");
        Assert.Contains("生成评议码并打印", offer);
        Assert.Empty(Codes(offer));
        Assert.Equal(0, await app.WithDbAsync(db => db.PaperSlips.CountAsync(s => s.MeetingId == id)));

        var post = await client.PostFormAsync($"/Meetings/Print/{id}", [new("from", "1"), new("to", "5")]);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var slips = await app.WithDbAsync(db => db.PaperSlips.Where(s => s.MeetingId == id).OrderBy(s => s.Serial).ToListAsync());
        Assert.Equal([1, 2, 3, 4, 5], slips.Select(s => s.Serial));
        Assert.All(slips, s => Assert.Equal(PaperSlipState.Issued, s.State));
        var tokenIds = slips.Select(s => s.TokenId!.Value).ToList();
        Assert.Equal(5, tokenIds.Distinct().Count());
        var tokens = await app.WithDbAsync(db => db.Tokens.Where(t => tokenIds.Contains(t.Id)).ToListAsync());
        Assert.All(tokens, t => Assert.Equal((w.CampaignId, w.GroupId, TokenState.Unused), (t.CampaignId, t.RaterGroupId, t.State)));

        var html = await client.GetHtmlAsync(post.Headers.Location!.OriginalString);
        foreach (var n in new[] { "0001", "0002", "0003", "0004", "0005" })
        {
            Assert.Contains($"No. {n}", html);
        }
        Assert.Contains("1 满意", html);
        Assert.Contains("3 不满意", html);
        Assert.Contains("甲医院", html);
        Assert.Contains("也可扫码或在", html);
        var codes = Codes(html);
        Assert.Equal(5, codes.Distinct().Count());
        Assert.Equal(codes, Codes(await client.GetHtmlAsync($"/Meetings/Print/{id}?from=1&to=5")));
        Assert.Equal(5, await app.WithDbAsync(db => db.Tokens.CountAsync(t => t.CampaignId == w.CampaignId)));

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.MeetingPrint && a.ObjectId == I(id)).Select(a => a.Detail).ToListAsync());
        Assert.Contains(audit, d => d!.Contains("第1–5号"));
        Assert.DoesNotContain(audit, d => codes.Any(c => d!.Contains(c) || d.Contains(c.Replace("-", "", StringComparison.Ordinal))));

        // A printed code works once on the phone ballot.
        using var phone = app.CreateClient();
        var open = await phone.PostFormAsync("/V", [new("code", codes[2])], tokenPage: "/V");
        Assert.Equal(HttpStatusCode.SeeOther, open.StatusCode);
        var ballot = await phone.PostFormAsync("/V/Ballot", [new($"q_{w.SubjectA}_{w.ItemKey}", "1"), new($"q_{w.SubjectB}_{w.ItemKey}", "2")], tokenPage: "/V");
        Assert.True(ballot.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.OK, await ballot.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Ballots.CountAsync(b => b.CampaignId == w.CampaignId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tokens.CountAsync(t => tokenIds.Contains(t.Id) && t.State == TokenState.Used)));
        using var again = app.CreateClient();
        var second = await again.PostFormAsync("/V", [new("code", codes[2])], tokenPage: "/V");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(AccessMessages.Used, await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task After_a_purge_the_codes_are_no_longer_shown()
    {
        var w = await app.WorldAsync();
        var id = await app.MeetingAsync(w, app.UnitAId, issued: 2);
        using var client = await app.SignInAsync(AppFixture.AdminA);
        await client.PostFormAsync($"/Meetings/Print/{id}", [new("from", "1"), new("to", "2")]);
        await app.WithDbAsync(db => db.TokenBatches.Where(b => b.CampaignId == w.CampaignId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ProtectedCodes, (byte[]?)null).SetProperty(b => b.State, TokenBatchState.Purged)));
        var html = await client.GetHtmlAsync($"/Meetings/Print/{id}");
        Assert.Contains(MeetingPrinting.PurgedMessage, html);
        Assert.Contains("No. 0002", html);
        Assert.Empty(Codes(html));
    }

    [Fact]
    public async Task Printing_is_refused_for_a_draft_campaign_and_a_bad_range_without_storing_anything()
    {
        var draft = await app.WorldAsync(state: CampaignState.Draft);
        var open = await app.WorldAsync();
        var inDraft = await app.MeetingAsync(draft, app.UnitAId, issued: 3);
        var inOpen = await app.MeetingAsync(open, app.UnitAId, issued: 3);
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.SnapshotAsync();
        var refused = await client.PostFormAsync($"/Meetings/Print/{inDraft}", [new("from", "1"), new("to", "3")]);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("不能打印纸质测评表", await refused.Content.ReadAsStringAsync());
        foreach (var (from, to) in new[] { ("0", "3"), ("1", "4"), ("3", "2"), ("一", "3") })
        {
            var bad = await client.PostFormAsync($"/Meetings/Print/{inOpen}", [new("from", from), new("to", to)]);
            Assert.Equal(HttpStatusCode.Conflict, bad.StatusCode);
            Assert.Contains("编号范围", await bad.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await app.SnapshotAsync());
    }
}

public sealed class SqliteMeetingPrintTests(SqliteAppFixture a) : MeetingPrintTests<SqliteAppFixture>(a);

public sealed class PostgresMeetingPrintTests(PostgresAppFixture a) : MeetingPrintTests<PostgresAppFixture>(a);
