using Microsoft.EntityFrameworkCore;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Results;

/// <summary>
/// Full recomputation of a campaign's running aggregates from its ballots, in one transaction:
/// the repair and the proof of the incremental path (a test compares the two). Portable SQL, so
/// both providers count the same. On SQLite the transaction holds the write lock from its start;
/// on PostgreSQL a batch writing meanwhile either committed before the recount (and is in it) or
/// waits on the rows the recount rewrites and then adds its own ballots on top (ADR 0014).
/// </summary>
public static class ResultAggregates
{
    public static async Task RecomputeAsync(AppDbContext db, int campaignId, CancellationToken cancellationToken = default)
    {
        var owned = db.Database.CurrentTransaction is null;
        var transaction = owned ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (db.Database.IsNpgsql())
            {
                // The grouping over every answer row spills to disk with the default 4 MB; for this transaction only.
                await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '256MB'", cancellationToken);
            }
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM "ResultAnswerCounts" WHERE "CampaignId" = {campaignId};
                """, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM "ResultBallotCounts" WHERE "CampaignId" = {campaignId};
                """, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ResultBallotCounts" ("CampaignId", "AssignmentId", "Ballots", "Flagged", "Excluded")
                SELECT "CampaignId", "AssignmentId",
                       SUM(CASE WHEN "ExclusionId" IS NULL THEN 1 ELSE 0 END),
                       SUM(CASE WHEN "Flags" <> 0 THEN 1 ELSE 0 END),
                       SUM(CASE WHEN "ExclusionId" IS NULL THEN 0 ELSE 1 END)
                FROM "Ballots" WHERE "CampaignId" = {campaignId}
                GROUP BY "CampaignId", "AssignmentId"
                """, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ResultAnswerCounts" ("CampaignId", "AssignmentId", "SubjectId", "ItemId", "Value", "Count")
                SELECT b."CampaignId", b."AssignmentId", a."SubjectId", a."ItemId", COALESCE(a."Value", 0), COUNT(*)
                FROM "BallotAnswers" AS a JOIN "Ballots" AS b ON b."Id" = a."BallotId"
                WHERE b."CampaignId" = {campaignId} AND b."ExclusionId" IS NULL AND (a."Value" IS NOT NULL OR a."Text" <> '')
                GROUP BY b."CampaignId", b."AssignmentId", a."SubjectId", a."ItemId", COALESCE(a."Value", 0)
                """, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }
}
