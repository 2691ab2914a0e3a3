using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Ballots;

/// <summary>
/// The one <see cref="IBallotWriter"/> of a process: requests queue their submissions, and a
/// single loop stores whatever is waiting (up to <see cref="MaxBatch"/>) in one transaction, so
/// many ballots share one durable commit (one fsync) instead of paying one each. Every caller
/// is answered only after that commit. Why and how: docs/decisions/0010-batched-ballot-writer.md.
/// The loop runs while the host runs; it is registered before StartupTasks, so the demo data may
/// use it, but CLI verbs, which never start the host, must not wait on it.
/// </summary>
public sealed partial class BatchingBallotWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BatchingBallotWriter> logger)
    : BackgroundService, IBallotWriter
{
    public const int MaxBatch = 256;
    private const int QueueCapacity = 4096;

    private sealed record Pending(BallotSubmission Submission, TaskCompletionSource<SubmitOutcome> Done);

    // Full queue: callers wait for room, which pushes back on the web tier instead of growing memory.
    // Held in memory only (ballot ids for ten minutes at most), never stored or logged: see BurstDetector.
    private readonly BurstDetector _bursts = new();

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public async Task<SubmitOutcome> SubmitAsync(BallotSubmission submission, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(submission, new TaskCompletionSource<SubmitOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The ballot writer is shutting down; nothing was stored.");
        }
        return await pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        // Not stoppingToken: on shutdown the queue is closed and drained, never abandoned mid-batch.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            // Whatever is waiting, never more: a lone rater is not kept waiting for a batch to fill.
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } loop)
        {
            await loop.WaitAsync(cancellationToken);
        }
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var outcomes = await StoreAsync(batch.Select(p => p.Submission).ToList());
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(outcomes[i]);
            }
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            // Nothing of the batch is stored (one transaction); retry each alone so one bad submission cannot sink the others.
            LogBatchFailed(batch.Count, e.GetType().Name);
        }
        catch (Exception e)
        {
            LogSubmissionFailed(e.GetType().Name);
            batch[0].Done.TrySetException(e);
            return;
        }
        foreach (var pending in batch)
        {
            try
            {
                pending.Done.TrySetResult((await StoreAsync([pending.Submission]))[0]);
            }
            catch (Exception e)
            {
                LogSubmissionFailed(e.GetType().Name);
                pending.Done.TrySetException(e);
            }
        }
    }

    /// <summary>
    /// Stores the submissions in one transaction and returns each one's outcome; throws (with
    /// nothing stored) if the transaction fails. The conditional update is the arbiter: only a
    /// token it moves from unused to used, while its campaign accepts ballots, adds ballots, and
    /// only for the first submission of that token in the batch; also against a second instance of
    /// the app on the same PostgreSQL database.
    /// </summary>
    private async Task<SubmitOutcome[]> StoreAsync(IReadOnlyList<BallotSubmission> submissions)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var outcomes = new SubmitOutcome[submissions.Count];
        // On SQLite this is BEGIN IMMEDIATE: the write lock is taken up front (waiting up to the busy
        // timeout), so the transaction can never fail later on a lock upgrade ("database is locked").
        await using var transaction = await db.Database.BeginTransactionAsync();
        var claimed = await BallotBatchSql.ClaimAsync(db, submissions.Where(s => s.TokenId is not null).Select(s => s.TokenId!.Value).ToHashSet(), today);
        var standing = submissions.Where(s => s.TokenId is null && s.StandingChannelId is not null)
            .GroupBy(s => s.StandingChannelId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var counted = await BallotBatchSql.CountStandingAsync(db, standing, today);
        var ballots = new List<Ballot>();
        var now = clock.GetUtcNow().UtcDateTime;
        var bursts = new BurstFlags(_bursts);
        var refusedCampaigns = new HashSet<int>();
        for (var i = 0; i < submissions.Count; i++)
        {
            var s = submissions[i];
            var campaignId = 0;
            string? source = null;
            bool admitted;
            if (s.TokenId is { } tokenId)
            {
                admitted = claimed.Remove(tokenId, out var token);
                (campaignId, source) = admitted ? (token!.CampaignId, "batch:" + token.BatchId.ToString(CultureInfo.InvariantCulture)) : (0, null);
            }
            else
            {
                admitted = s.StandingChannelId is { } channelId && counted.TryGetValue(channelId, out campaignId);
                source = "channel:" + s.StandingChannelId?.ToString(CultureInfo.InvariantCulture);
            }
            if (admitted)
            {
                if (campaignId != s.CampaignId)
                {
                    throw new InvalidOperationException("A submission names another campaign than its token's or channel's.");
                }
                ballots.AddRange(s.Ballots);
                bursts.Observe(source!, s.Ballots, now);
                outcomes[i] = SubmitOutcome.Stored;
            }
            else
            {
                refusedCampaigns.Add(s.CampaignId);
            }
        }
        if (refusedCampaigns.Count > 0)
        {
            // Not admitted: used already (or earlier in this batch), or a channel switched off, if the campaign still accepts ballots, else closed.
            var accepting = await db.Campaigns
                .Where(c => refusedCampaigns.Contains(c.Id) && c.State == CampaignState.Open && c.StartsOn <= today && c.EndsOn >= today)
                .Select(c => c.Id).ToListAsync();
            for (var i = 0; i < submissions.Count; i++)
            {
                if (outcomes[i] != SubmitOutcome.Stored)
                {
                    outcomes[i] = accepting.Contains(submissions[i].CampaignId) ? SubmitOutcome.AlreadyUsed : SubmitOutcome.Closed;
                }
            }
        }
        bursts.MarkInBatch(ballots);
        await BallotBatchSql.InsertAsync(db, ballots);
        await BallotBatchSql.FlagBurstAsync(db, bursts.Stored(ballots));
        await transaction.CommitAsync();
        return outcomes;
    }

    // Counts and exception types only: nothing that could join a log line to a token or a ballot.
    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} ballot submissions failed ({Error}); storing them one by one.")]
    private partial void LogBatchFailed(int count, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A ballot submission could not be stored ({Error}); its caller was told nothing was saved.")]
    private partial void LogSubmissionFailed(string error);
}

public static class BallotWriterSetup
{
    /// <summary>One writer per process: the same instance takes submissions and runs the loop that stores them.</summary>
    public static IServiceCollection AddBallotWriter(this IServiceCollection services) => services
        .AddSingleton<BatchingBallotWriter>()
        .AddSingleton<IBallotWriter>(sp => sp.GetRequiredService<BatchingBallotWriter>())
        .AddHostedService(sp => sp.GetRequiredService<BatchingBallotWriter>());
}
