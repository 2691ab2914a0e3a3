using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pingyi.Domain.Ballots;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>
/// A second instance of the app on the fixture's database, with its own ballot writer, whose
/// database commands can be held back or made to fail, and whose every log line is kept.
/// </summary>
internal sealed class SecondInstance : IAsyncDisposable
{
    public Faults Faults { get; } = new();

    public LogCapture Logs { get; } = new();

    public WebApplicationFactory<Program> Factory { get; }

    public SecondInstance(AppFixture app) =>
        Factory = app.Factory.WithWebHostBuilder(b =>
        {
            b.ConfigureLogging(l => l.AddProvider(Logs).AddFilter<LogCapture>(null, LogLevel.Trace));
            b.ConfigureTestServices(s =>
            {
                s.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Faults));
                s.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(Faults));
            });
        });

    public IBallotWriter Writer => Factory.Services.GetRequiredService<IBallotWriter>();

    /// <summary>Builds a valid submission for <paramref name="code"/> as the API would, or with <paramref name="spoil"/> applied.</summary>
    public async Task<(BallotSubmission Submission, string Receipt)> BuildAsync(AppFixture app, BallotCampaign campaign, string code, Action<Ballot>? spoil = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<BallotBuilder>();
        var admission = await builder.AdmitAsync((await builder.CodeHashAsync(code))!, Campaigns.CampaignTestData.Today(app));
        Assert.Equal(AdmissionState.Admitted, admission!.State);
        var raw = new RawAnswers();
        foreach (var subject in campaign.SubjectIds)
        {
            raw[(subject, campaign.Key("grade"))] = ["2"];
            raw[(subject, campaign.Key("score"))] = ["7"];
            raw[(subject, campaign.Key("single"))] = ["1"];
        }
        var build = await builder.BuildAsync(admission, raw, Campaigns.CampaignTestData.Today(app));
        Assert.True(build.IsValid);
        if (spoil is not null)
        {
            spoil(build.Submission!.Ballots[0]);
        }
        return (build.Submission!, build.Receipt!);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

/// <summary>Holds back the writer's token updates until released, and fails inserts of answers while armed.</summary>
internal sealed class Faults : DbCommandInterceptor
{
    private volatile TaskCompletionSource _gate = Open();
    private int _failures;

    private static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    /// <summary>The next <paramref name="times"/> inserts into BallotAnswers throw, as a crash in the middle of a transaction would.</summary>
    public void FailAnswerInserts(int times) => Interlocked.Exchange(ref _failures, times);

    private async Task CheckAsync(DbCommand command)
    {
        if (command.CommandText.Contains("UPDATE \"Tokens\"", StringComparison.Ordinal))
        {
            await _gate.Task;
        }
        if (command.CommandText.Contains("INSERT INTO \"BallotAnswers\"", StringComparison.Ordinal) && Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new InvalidOperationException("Injected failure in the middle of a batch.");
        }
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await CheckAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await CheckAsync(command);
        return result;
    }
}

/// <summary>Keeps every formatted log line, with its exception, of every category and level.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
