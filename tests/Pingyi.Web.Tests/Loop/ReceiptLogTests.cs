using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Loop;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>Looking up, reading and re-rating leave no code, hash, opinion or ballot id in the logs or the audit trail.</summary>
public abstract class ReceiptLogTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_receipt_flow_leaves_nothing_linkable_in_logs_or_audit()
    {
        var world = await app.AddBallotWorldAsync("回执日志");
        var slip = await app.AddSlipAsync(world);
        var logs = new CapturedLogs();
        await using var logged = app.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = new TestClient(logged.CreateDefaultClient(new CookieContainerHandler(new CookieContainer())));
        await client.OpenAsync(slip);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.SubmitAsync(PhoneBallotArrange.FullAnswers(world, "回执日志意见"))).StatusCode);
        var printed = System.Text.RegularExpressions.Regex.Match(await client.GetHtmlAsync("/V/Done"), "receipt-code[^>]*>([^<]+)<").Groups[1].Value;
        var receipt = printed.Replace("-", "");
        var problem = await app.AddProblemAsync(app.UnitAId, "回执日志问题", "回执日志答复");
        await app.WithDbAsync(async db =>
        {
            await db.Opinions.Where(o => o.CampaignId == world.CampaignId).ExecuteUpdateAsync(s => s.SetProperty(o => o.ProblemId, problem.Id));
        });
        var opinions = await app.WithDbAsync(db => db.Opinions.Where(o => o.CampaignId == world.CampaignId).Select(o => o.Id).ToListAsync());
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;
        logs.Lines.Clear();

        Assert.Contains("回执日志答复", await client.ViewAsync(printed.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.SeeOther, (await client.RateAsync(opinions[0], "2")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.RateAsync(opinions[0], "9")).StatusCode);
        var miss = TokenCodes.NewReceipt();
        Assert.Equal(HttpStatusCode.NotFound, (await client.LookUpAsync(miss)).StatusCode);

        var ballots = await app.WithDbAsync(db => db.Ballots.Where(b => b.CampaignId == world.CampaignId).Select(b => new { b.Id, b.ReceiptHash }).ToListAsync());
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Id > auditBefore)
            .Select(e => e.Action + " " + e.ObjectType + " " + e.ObjectId + " " + e.Detail + " " + e.Ip).ToListAsync());
        var text = string.Join("\n", logs.Lines.Concat(audit));
        string[] secrets =
        [
            receipt, printed, miss, ReceiptCodes.Format(miss), ballots[0].ReceiptHash,
            .. ballots.Select(b => b.Id.ToString()), .. opinions.Select(o => o.ToString()), .. opinions.Select(o => o.ToString("N")),
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Empty(audit);
    }
}

public sealed class SqliteReceiptLogTests(SqliteAppFixture app) : ReceiptLogTests<SqliteAppFixture>(app);

public sealed class PostgresReceiptLogTests(PostgresAppFixture app) : ReceiptLogTests<PostgresAppFixture>(app);
