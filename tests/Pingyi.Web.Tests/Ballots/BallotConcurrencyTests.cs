using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>
/// The acceptance test of exactly once: 1,000 codes, each submitted 20 times at the same moment
/// through the API, store exactly 1,000 raters' ballots; every other request hears "已使用"; no 5xx.
/// </summary>
public abstract class BallotConcurrencyTests<TFixture>(TFixture app, ITestOutputHelper output) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private const int Codes = 1_000;
    private const int Copies = 20;

    [Fact]
    public async Task A_thousand_codes_submitted_twenty_times_at_once_store_exactly_a_thousand_raters()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, "并发测试活动");
        var codes = await app.IssueAsync(campaign, Codes);
        var answers = BallotArrange.Answers(campaign);
        // Half long codes (links, QR), half short codes as printed with hyphens.
        var bodies = codes.Select((c, i) => JsonSerializer.Serialize(new { code = i % 2 == 0 ? c.Long : Pingyi.Domain.Ballots.TokenCodes.FormatShort(c.Short), answers })).ToArray();
        var requests = Enumerable.Range(0, Codes * Copies).Select(n => n / Copies).ToArray();
        var statuses = new ConcurrentBag<(int Code, HttpStatusCode Status, string Title)>();

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (code, ct) =>
        {
            using var content = new StringContent(bodies[code], Encoding.UTF8, "application/json");
            using var response = await sys.Http.PostAsync("/api/ballots", content, ct);
            var title = response.StatusCode == HttpStatusCode.Created ? "" : await BallotArrange.TitleAsync(response);
            statuses.Add((code, response.StatusCode, title));
        });
        output.WriteLine($"{app.Provider}: {Codes * Copies} requests in {watch.Elapsed.TotalSeconds:0.0} s");

        Assert.DoesNotContain(statuses, s => (int)s.Status >= 500);
        Assert.Equal(Codes * Copies, statuses.Count);
        var created = statuses.Where(s => s.Status == HttpStatusCode.Created).ToList();
        Assert.Equal(Codes, created.Count);
        Assert.Equal(Codes, created.Select(s => s.Code).Distinct().Count());
        var others = statuses.Where(s => s.Status != HttpStatusCode.Created).ToList();
        Assert.All(others, s => Assert.Equal(HttpStatusCode.Conflict, s.Status));
        Assert.All(others, s => Assert.Contains("已使用", s.Title));

        var (ballots, stored, used) = await app.CountsAsync(campaign.Id);
        Assert.Equal(Codes, used);
        Assert.Equal(Codes * campaign.SubjectIds.Length, ballots);
        Assert.Equal(Codes * campaign.SubjectIds.Length * 5, stored);
        var receipts = await app.WithDbAsync(db => db.Ballots.Where(b => b.CampaignId == campaign.Id).Select(b => b.ReceiptHash).Distinct().CountAsync());
        Assert.Equal(Codes, receipts);
    }
}

public sealed class SqliteBallotConcurrencyTests(SqliteAppFixture a, ITestOutputHelper o) : BallotConcurrencyTests<SqliteAppFixture>(a, o);

public sealed class PostgresBallotConcurrencyTests(PostgresAppFixture a, ITestOutputHelper o) : BallotConcurrencyTests<PostgresAppFixture>(a, o);
