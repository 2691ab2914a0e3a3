using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Results;

/// <summary>
/// The same generated ballots give the same statistics on SQLite and PostgreSQL: both databases
/// are arranged by the same steps (so their ids match), filled with a few hundred seeded ballots
/// (directly, then recounted; and through the ballot API, counted incrementally by the writer),
/// and the two <see cref="CampaignResult"/>s must serialise to the same JSON.
/// </summary>
public sealed class StatisticsParityTests : IAsyncLifetime
{
    private readonly SqliteAppFixture _sqlite = new();
    private readonly PostgresAppFixture _postgres = new();

    public async Task InitializeAsync()
    {
        await _sqlite.InitializeAsync();
        await _postgres.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Sqlite_and_postgres_compute_identical_statistics_for_the_same_ballots()
    {
        var sqlite = await ArrangeAsync(_sqlite);
        var postgres = await ArrangeAsync(_postgres);

        Assert.Equal(sqlite.Ids, postgres.Ids);
        Assert.True(sqlite.Ballots > 250, $"{sqlite.Ballots} ballots");
        Assert.Equal(sqlite.Ballots, postgres.Ballots);
        Assert.Equal(sqlite.Whole, postgres.Whole);
        Assert.Equal(sqlite.Subtree, postgres.Subtree);
        // The arrangement exercises what it claims to: small cells hidden, figures shown, two scales and a score.
        Assert.Contains("\"Reason\":1", sqlite.Whole);
        Assert.Contains("\"Scale\":5", sqlite.Whole);
        Assert.Contains("\"Score\":{\"N\"", sqlite.Whole);
        // The writer's incremental counts agree with a full recount on each database.
        Assert.Equal(sqlite.Whole, sqlite.Recounted);
        Assert.Equal(postgres.Whole, postgres.Recounted);
    }

    private sealed record Outcome(string Ids, long Ballots, string Whole, string Subtree, string Recounted);

    private static async Task<Outcome> ArrangeAsync(AppFixture app)
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.CreateResultCampaignAsync(sys, app.BureauId, "两库一致",
            [("ServiceRecipient", null, 50), ("StaffRepresentative", null, 30), ("PartyMember", null, 20)],
            [(0, [app.UnitAId]), (0, [app.UnitBId]), (1, [app.UnitAId, app.UnitBId]), (1, [app.BranchAId]), (2, [app.BranchAId, app.BranchBId])],
            open: true);
        var random = new Random(20261124);
        Vote NextVote(double lean) => new(
            G3: random.NextDouble() < lean ? 1 : random.Next(2, 4),
            G5: random.NextDouble() < 0.1 ? null : random.NextDouble() < lean ? random.Next(1, 3) : random.Next(3, 6),
            Score: random.NextDouble() < 0.2 ? null : random.Next(0, 11),
            Single: random.Next(1, 4),
            Text: random.NextDouble() < 0.3 ? "意见" : null,
            Channel: random.NextDouble() < 0.25 ? Pingyi.Domain.Ballots.BallotChannel.Paper : Pingyi.Domain.Ballots.BallotChannel.Online);
        foreach (var (assignment, count, lean) in new[] { (0, 120, 0.8), (1, 90, 0.6), (2, 60, 0.7), (3, 3, 0.5), (4, 4, 0.9) })
        {
            await app.InsertAsync(c, assignment, [.. Enumerable.Range(0, count).Select(_ => NextVote(lean))]);
        }

        // Through the ballot API: the writer adds these to the running aggregates as it stores them.
        int[] itemIds = [c.Form.Grade3, c.Form.Grade5, c.Form.Score, c.Form.Single, c.Form.Text];
        var keys = await app.WithDbAsync(db => db.FormItems.Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Key));
        var codes = await app.IssueAsync(new BallotCampaign(c.Id, c.GroupIds[0], [], [], c.Form.VersionId), 20);
        foreach (var code in codes)
        {
            var answers = new[] { app.UnitAId, app.UnitBId }.SelectMany(org => new (int Item, string Value)[]
            {
                (c.Form.Grade3, random.Next(1, 4).ToString()),
                (c.Form.Grade5, random.Next(1, 6).ToString()),
                (c.Form.Score, random.Next(0, 11).ToString()),
                (c.Form.Single, random.Next(1, 4).ToString()),
            }.Select(a => (object)new { subjectId = c.SubjectOf[org], itemKey = keys[a.Item], values = new[] { a.Value } })).ToList();
            var response = await sys.Http.SubmitAsync(code.Long, answers);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        return await app.WithDbAsync(async db =>
        {
            var subtree = new[] { c.SubjectOf[app.UnitAId], c.SubjectOf[app.BranchAId] };
            var input = await ResultInputs.LoadAsync(db, c.Id);
            // Item keys are random per form; everything else is arranged to match.
            string Json(CampaignResult result) => keys.Aggregate(JsonSerializer.Serialize(result), (json, k) => json.Replace(k.Value, $"item{k.Key}"));
            var whole = Json(CampaignResults.Compute(input));
            var part = Json(CampaignResults.Compute(input, subtree));
            await ResultAggregates.RecomputeAsync(db, c.Id);
            var recounted = Json(CampaignResults.Compute(await ResultInputs.LoadAsync(db, c.Id)));
            var ballots = await db.Ballots.CountAsync(b => b.CampaignId == c.Id);
            var ids = $"{c.Id}|{string.Join(",", c.GroupIds)}|{string.Join(",", c.SubjectOf.OrderBy(s => s.Key))}|{string.Join(",", keys.Keys.Order())}";
            return new Outcome(ids, ballots, whole, part, recounted);
        });
    }
}
