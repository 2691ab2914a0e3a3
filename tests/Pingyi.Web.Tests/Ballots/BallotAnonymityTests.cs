using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Ballots.BallotArrange;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>
/// Anonymity: the ballot tables hold nothing that points back to a code or a person, ids are
/// random, and neither the logs nor the audit trail written while submitting name the code, the
/// token, the ballot or the receipt.
/// </summary>
public abstract class BallotAnonymityTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private Task<List<string>> ColumnsAsync(string table) =>
        app.WithDbAsync(db => (app.Provider == "Sqlite"
                ? db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM pragma_table_info({0})", table)
                : db.Database.SqlQueryRaw<string>("SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = {0}", table))
            .ToListAsync());

    [Fact]
    public async Task Ballot_tables_have_exactly_the_anonymous_columns()
    {
        Assert.Equal(["AssignmentId", "CampaignId", "Channel", "ExclusionId", "Flags", "FormVersionId", "Id", "RaterGroupId", "ReceiptHash", "SubmittedOn"],
            (await ColumnsAsync("Ballots")).Order(StringComparer.Ordinal));
        Assert.Equal(["BallotId", "ItemId", "SubjectId", "Text", "Value"], (await ColumnsAsync("BallotAnswers")).Order(StringComparer.Ordinal));
        // A ballot's remark carried over as an opinion: the date only, the receipt's hash, no ballot id.
        Assert.Equal(["CampaignId", "CategoryId", "Id", "MeetingId", "MergedIntoId", "OrganizationId", "ProblemId", "ReRatedOn", "ReRating",
                "ReceiptHash", "ReceivedOn", "RecordedBy", "RepliedBy", "RepliedOn", "Reply", "Source", "SourceNote", "Text"],
            (await ColumnsAsync("Opinions")).Order(StringComparer.Ordinal));
        // An objection to a notice: the day only, the receipt's hash, no address, device or moment.
        Assert.Equal(["Answer", "AnsweredBy", "AnsweredOn", "Id", "PublicationId", "ReceiptHash", "ReceivedOn", "State", "SubjectId", "Text"],
            (await ColumnsAsync("Objections")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Submitting_leaves_no_trace_in_logs_or_audit_and_ballot_ids_are_random()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await app.OpenCampaignAsync(sys, app.BureauId, app.UnitAId, app.UnitBId, "匿名性");
        var codes = await app.IssueAsync(campaign, 12);
        await using var instance = new SecondInstance(app);
        using var client = new TestClient(instance.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await client.SignInAsync(AppFixture.SystemAdmin, app.Password);
        var http = client.Http;
        var lastAudit = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;
        var receipts = new List<string>();
        foreach (var (code, i) in codes.Select((c, i) => (c, i)))
        {
            var response = await http.SubmitAsync(i % 2 == 0 ? code.Long : code.Short, Answers(campaign));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            receipts.Add((await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["receipt"]);
        }
        // A second try of each code, refused, must leave no trace either.
        Assert.Equal(HttpStatusCode.Conflict, (await http.SubmitAsync(codes[0].Long, Answers(campaign))).StatusCode);

        var key = app.Factory.Services.GetRequiredService<TokenKey>();
        var receiptHashes = new List<string>();
        foreach (var r in receipts)
        {
            receiptHashes.Add(await key.HashAsync(r));
        }
        var ballots = await app.WithDbAsync(db => db.Ballots.AsNoTracking().Where(b => b.CampaignId == campaign.Id).ToListAsync());
        Assert.Equal(24, ballots.Count);
        // In submission order, the ids are version-4 random GUIDs that do not ascend.
        var inOrder = receiptHashes.SelectMany(h => ballots.Where(b => b.ReceiptHash == h).Select(b => b.Id)).ToList();
        Assert.All(inOrder, id => Assert.Equal(4, id.Version));
        Assert.NotEqual(inOrder.Select(g => g.ToString()).Order(StringComparer.Ordinal), inOrder.Select(g => g.ToString()));
        Assert.NotEqual(inOrder.OrderBy(g => g), inOrder);

        var secrets = new List<string>();
        foreach (var code in codes)
        {
            secrets.AddRange([code.Long, code.Short, code.Short.ToLowerInvariant(), code.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                await key.HashAsync(code.Long), await key.HashAsync(code.Short)]);
        }
        secrets.AddRange(receipts);
        secrets.AddRange(receiptHashes);
        secrets.AddRange(ballots.SelectMany(b => new[] { b.Id.ToString(), b.Id.ToString("N"), b.Id.ToString().ToUpperInvariant() }));

        var lines = instance.Logs.Lines.ToList();
        Assert.NotEmpty(lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Id > lastAudit).ToListAsync());
        Assert.Empty(audit);
    }
}

public sealed class SqliteBallotAnonymityTests(SqliteAppFixture a) : BallotAnonymityTests<SqliteAppFixture>(a);

public sealed class PostgresBallotAnonymityTests(PostgresAppFixture a) : BallotAnonymityTests<PostgresAppFixture>(a);
