using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Results;

/// <summary>A workbook to download.</summary>
public sealed record ExportFile(byte[] Bytes, string FileName)
{
    public const string ContentType = ResultsExcel.ContentType;
}

/// <summary>
/// The two result workbooks, shared by the download page and the API: scope-checked through
/// <see cref="ResultsQuery"/> (a campaign not reaching the caller answers null, refusal audited),
/// computed over the caller's subjects only, and audited as an export (campaign and workbook only).
/// </summary>
public sealed class ResultExports(AppDbContext db, ResultsQuery query, AuditLog audit)
{
    /// <summary>The statistics workbook, from the same (cached) input the dashboards show.</summary>
    public async Task<ExportFile?> StatisticsAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        if (await query.FindAsync(campaignId, cancellationToken) is not { } found)
        {
            return null;
        }
        var result = CampaignResults.Compute(found.Input, found.VisibleSubjectIds);
        await AuditAsync(campaignId, "统计结果");
        return new ExportFile(ResultsExcel.Bytes(result, found.Campaign.Name), ResultsExcel.FileName(campaignId));
    }

    /// <summary>
    /// The anonymised ballots workbook. Unlike the statistics it reads the aggregates afresh, in one
    /// snapshot with the ballots, so the cells it withholds are exactly those hidden for these ballots.
    /// </summary>
    public async Task<ExportFile?> BallotsAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        if (await query.FindAsync(campaignId, cancellationToken) is not { } found)
        {
            return null;
        }
        var (snapshot, sqlite) = await SnapshotAsync(cancellationToken);
        byte[] bytes;
        try
        {
            var input = await ResultInputs.LoadAsync(db, campaignId, cancellationToken);
            var result = CampaignResults.Compute(input, found.VisibleSubjectIds);
            bytes = await BallotsExcel.BytesAsync(db, result, found.Campaign.Name, cancellationToken);
            await snapshot.CommitAsync(cancellationToken);
        }
        finally
        {
            await snapshot.DisposeAsync();
            if (sqlite is not null)
            {
                // EF does not own a transaction handed to it, so it would not end it.
                await sqlite.DisposeAsync();
            }
        }
        await AuditAsync(campaignId, "匿名测评票");
        return new ExportFile(bytes, BallotsExcel.FileName(campaignId));
    }

    /// <summary>
    /// A read snapshot that does not block ballot writers: on SQLite a deferred transaction (WAL
    /// readers see the database as of their first read), on PostgreSQL repeatable read.
    /// </summary>
    private async Task<(IDbContextTransaction Snapshot, SqliteTransaction? Sqlite)> SnapshotAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return (await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken), null);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        return ((await db.Database.UseTransactionAsync(transaction, cancellationToken))!, transaction);
    }

    private Task AuditAsync(int campaignId, string workbook) =>
        audit.WriteAsync(AuditActions.ResultsExport, AuditOutcome.Success, "Campaign",
            campaignId.ToString(CultureInfo.InvariantCulture), $"导出{workbook}");
}
