using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Pingyi.Domain.Ballots;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Ballots;

/// <summary>Batches waiting for their codes, in the order they were issued. Lives only as long as the process.</summary>
public sealed class TokenQueue
{
    private readonly Channel<int> _channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(int batchId) => _channel.Writer.TryWrite(batchId);

    public ChannelReader<int> Reader => _channel.Reader;
}

/// <summary>
/// Makes the codes of issued batches in the background, in chunks of <see cref="ChunkSize"/>
/// per transaction so the progress bar moves and a large batch never holds the database for
/// long. The plain codes are encrypted into the batch with the last chunk, when it becomes Ready.
/// A batch cut short by a restart or an error is marked Failed and its partial codes removed (before the
/// server takes requests, after a restart); plain codes are purged automatically once they are old enough.
/// </summary>
public sealed class TokenGenerator(IServiceScopeFactory scopes, TokenQueue queue, TokenKey key, BatchCodes codes,
    TimeProvider clock, ILogger<TokenGenerator> log) : BackgroundService
{
    public const int ChunkSize = 2_000;
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private const int MaxCollisionRounds = 10;
    private const int RowsPerInsert = 500;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RecoverAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            log.LogError(e, "Could not recover interrupted token batches at start-up.");
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var purging = PurgeLoopAsync(stoppingToken);
        await foreach (var batchId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await GenerateAsync(batchId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Generating token batch {BatchId} failed.", batchId);
                await FailAsync(batchId, "error while generating");
            }
        }
        await purging;
    }

    /// <summary>Batches left Generating by an earlier process: their partial codes go, the batch says why.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stuck = await db.TokenBatches.Where(b => b.State == TokenBatchState.Generating).Select(b => b.Id).ToListAsync(cancellationToken);
        foreach (var id in stuck)
        {
            await FailAsync(id, "interrupted by a restart");
        }
    }

    public async Task GenerateAsync(int batchId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await db.TokenBatches.FirstOrDefaultAsync(b => b.Id == batchId && b.State == TokenBatchState.Generating, cancellationToken);
        if (batch is null)
        {
            return;
        }
        var hashKey = await key.GetAsync(cancellationToken);
        var plain = new List<PlainCode>(batch.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (plain.Count < batch.Count)
        {
            var chunk = await NewChunkAsync(db, hashKey, Math.Min(ChunkSize, batch.Count - plain.Count), seen, cancellationToken);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await InsertAsync(db, batch, chunk, cancellationToken);
            plain.AddRange(chunk.Select(c => c.Code));
            batch.Generated = plain.Count;
            if (plain.Count == batch.Count)
            {
                batch.ProtectedCodes = codes.Protect(plain);
                batch.State = TokenBatchState.Ready;
            }
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Multi-row INSERTs with parameters: through the change tracker a chunk took seconds, one
    /// statement per row; this keeps a 100,000-code batch within a minute on both databases.
    /// </summary>
    private static async Task InsertAsync(AppDbContext db, TokenBatch batch, List<NewCode> chunk, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(Token))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => "\"" + entity.FindProperty(property)!.GetColumnName(table) + "\"";
        var head = $"INSERT INTO \"{table.Name}\" ({Column(nameof(Token.CampaignId))}, {Column(nameof(Token.RaterGroupId))}, " +
            $"{Column(nameof(Token.BatchId))}, {Column(nameof(Token.State))}, {Column(nameof(Token.LongHash))}, {Column(nameof(Token.ShortHash))}) VALUES ";
        foreach (var rows in chunk.Chunk(RowsPerInsert))
        {
            var sql = new StringBuilder(head);
            var parameters = new object[rows.Length * 2];
            for (var i = 0; i < rows.Length; i++)
            {
                // The ids and the state are integers from our own rows; only the hashes travel as parameters.
                sql.Append(CultureInfo.InvariantCulture,
                    $"{(i == 0 ? "" : ", ")}({batch.CampaignId}, {batch.RaterGroupId}, {batch.Id}, {(int)TokenState.Unused}, {{{2 * i}}}, {{{2 * i + 1}}})");
                parameters[2 * i] = rows[i].LongHash;
                parameters[2 * i + 1] = rows[i].ShortHash;
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }
    }

    private sealed record NewCode(PlainCode Code, string LongHash, string ShortHash);

    /// <summary>
    /// Fresh codes whose hashes are unique within the batch and the database. A short code has
    /// 50 random bits, so among millions of codes a repeat is rare but possible: it is drawn again.
    /// </summary>
    private static async Task<List<NewCode>> NewChunkAsync(AppDbContext db, byte[] hashKey, int count, HashSet<string> seen,
        CancellationToken cancellationToken)
    {
        var result = new List<NewCode>(count);
        for (var round = 0; result.Count < count; round++)
        {
            if (round == MaxCollisionRounds)
            {
                throw new InvalidOperationException("Could not draw unique token codes.");
            }
            var drawn = new List<NewCode>();
            while (result.Count + drawn.Count < count)
            {
                var code = new PlainCode(TokenCodes.NewLongCode(), TokenCodes.NewShortCode());
                var next = new NewCode(code, TokenCodes.Hash(hashKey, code.Long), TokenCodes.Hash(hashKey, code.Short));
                if (seen.Add(next.LongHash) && seen.Add(next.ShortHash))
                {
                    drawn.Add(next);
                }
            }
            // Only the short hash is checked: a repeat among 130-bit long codes is beyond practical
            // reach, and the unique index still guards both. One IN list keeps the lookup on one index.
            var shorts = drawn.Select(d => d.ShortHash).ToList();
            var taken = (await db.Tokens.Where(t => shorts.Contains(t.ShortHash)).Select(t => t.ShortHash).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            result.AddRange(drawn.Where(d => !taken.Contains(d.ShortHash)));
        }
        return result;
    }

    private async Task FailAsync(int batchId, string reason)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Tokens.Where(t => t.BatchId == batchId).ExecuteDeleteAsync();
        var failed = await db.TokenBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.State, TokenBatchState.Failed)
            .SetProperty(b => b.Generated, 0)
            .SetProperty(b => b.ProtectedCodes, (byte[]?)null));
        await tx.CommitAsync();
        if (failed > 0)
        {
            log.LogWarning("Token batch {BatchId} failed: {Reason}", batchId, reason);
        }
    }

    private async Task PurgeLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                await TokenIssuer.PurgeExpiredAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<AuditLog>(),
                    clock.GetUtcNow().UtcDateTime);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                log.LogError(e, "Purging expired token codes failed.");
            }
            try
            {
                await Task.Delay(PurgeInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
