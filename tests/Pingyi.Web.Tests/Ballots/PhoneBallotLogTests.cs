using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>Every log line the app writes, whatever its level filter lets through.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception} {state}");
    }
}

/// <summary>With the app's own log levels, nothing a rater brings or gets (code, token, ballot, receipt) reaches a log.</summary>
public abstract class PhoneBallotLogTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Opening_a_code_and_submitting_leave_no_code_token_or_ballot_in_the_logs()
    {
        var world = await app.AddBallotWorldAsync("日志");
        var slip = await app.AddSlipAsync(world);
        var typed = await app.AddSlipAsync(world);
        var logs = new CapturedLogs();
        await using var logged = app.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = new TestClient(logged.CreateDefaultClient(new CookieContainerHandler(new CookieContainer())));
        logs.Lines.Clear();

        await client.OpenAsync(slip);
        var done = await client.SubmitAsync(PhoneBallotArrange.FullAnswers(world));
        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
        var receipt = Regex.Match(await client.GetHtmlAsync("/V/Done"), "receipt-code[^>]*>([^<]+)<").Groups[1].Value;
        var response = await client.PostFormAsync("/V", [new("code", typed.ShortCode)], tokenPage: "/V");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await client.GetAsync($"/V/{slip.LongCode}");

        var ballots = await app.WithDbAsync(db => db.Ballots.Where(b => b.CampaignId == world.CampaignId).Select(b => new { b.Id, b.ReceiptHash }).ToListAsync());
        var hashes = await app.WithDbAsync(db => db.Tokens.Where(t => t.Id == slip.TokenId).Select(t => new[] { t.LongHash, t.ShortHash }).SingleAsync());
        Assert.Equal(2, ballots.Count);
        Assert.NotEmpty(receipt);
        var text = string.Join("\n", logs.Lines);
        string[] secrets =
        [
            slip.LongCode, slip.ShortCode, typed.ShortCode, receipt, receipt.Replace("-", ""), .. hashes,
            .. ballots.Select(b => b.Id.ToString()), .. ballots.Select(b => b.ReceiptHash),
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotMatch($@"(?i)token\D{{0,12}}\b({slip.TokenId}|{typed.TokenId})\b", text);
        Assert.DoesNotContain("/V/" + slip.LongCode[..8], text, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class SqlitePhoneBallotLogTests(SqliteAppFixture app) : PhoneBallotLogTests<SqliteAppFixture>(app);

public sealed class PostgresPhoneBallotLogTests(PostgresAppFixture app) : PhoneBallotLogTests<PostgresAppFixture>(app);
