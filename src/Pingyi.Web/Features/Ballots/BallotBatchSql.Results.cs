using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Ballots;

internal static partial class BallotBatchSql
{
    /// <summary>
    /// Adds (<paramref name="sign"/> = 1, as they are stored) or takes away (-1, as they are
    /// excluded) the ballots' answers in the running aggregates, inside the caller's transaction,
    /// so the figures move exactly when the ballots do (ADR 0014). One upsert per table: rows are
    /// sorted by key so two instances touching the same rows take their locks in the same order.
    /// </summary>
    public static async Task AddToResultsAsync(AppDbContext db, IReadOnlyList<Ballot> ballots, int sign)
    {
        if (ballots.Count == 0)
        {
            return;
        }
        var answers = ballots
            .SelectMany(b => b.Answers.Where(Counts).Select(a => (b.CampaignId, b.AssignmentId, a.SubjectId, a.ItemId, Value: a.Value ?? 0)))
            .GroupBy(x => x)
            .Select(g => (Key: g.Key, Count: sign * (long)g.Count()))
            .OrderBy(x => x.Key)
            .ToList();
        var perAssignment = ballots
            .GroupBy(b => (b.CampaignId, b.AssignmentId))
            .Select(g => (Key: g.Key, Ballots: sign * (long)g.Count(), Flagged: sign > 0 ? g.LongCount(b => b.Flags != BallotFlags.None) : 0L, Excluded: sign > 0 ? 0L : g.LongCount()))
            .OrderBy(x => x.Key)
            .ToList();
        await UpsertBallotCountsAsync(db, perAssignment.Select(x => (x.Key.CampaignId, x.Key.AssignmentId, x.Ballots, x.Flagged, x.Excluded)).ToList());
        if (answers.Count == 0)
        {
            return;
        }
        var sqlite = db.Database.IsSqlite();
        using var p = new Parameters(db);
        var rows = p.Json(answers, (w, x) =>
        {
            w.WriteNumberValue(x.Key.CampaignId);
            w.WriteNumberValue(x.Key.AssignmentId);
            w.WriteNumberValue(x.Key.SubjectId);
            w.WriteNumberValue(x.Key.ItemId);
            w.WriteNumberValue(x.Key.Value);
            w.WriteNumberValue(x.Count);
        });
        var sql = sqlite
            ? $"""
               INSERT INTO "ResultAnswerCounts" ("CampaignId", "AssignmentId", "SubjectId", "ItemId", "Value", "Count")
               SELECT json_extract(r.value, '$[0]'), json_extract(r.value, '$[1]'), json_extract(r.value, '$[2]'),
                      json_extract(r.value, '$[3]'), json_extract(r.value, '$[4]'), json_extract(r.value, '$[5]')
               FROM json_each({rows}) AS r WHERE true
               ON CONFLICT ("CampaignId", "AssignmentId", "SubjectId", "ItemId", "Value") DO UPDATE SET "Count" = "Count" + excluded."Count"
               """
            : $"""
               INSERT INTO "ResultAnswerCounts" ("CampaignId", "AssignmentId", "SubjectId", "ItemId", "Value", "Count")
               SELECT (r->>0)::int, (r->>1)::int, (r->>2)::int, (r->>3)::int, (r->>4)::int, (r->>5)::bigint
               FROM jsonb_array_elements({rows}::jsonb) WITH ORDINALITY AS t(r, n) ORDER BY n
               ON CONFLICT ("CampaignId", "AssignmentId", "SubjectId", "ItemId", "Value")
               DO UPDATE SET "Count" = "ResultAnswerCounts"."Count" + EXCLUDED."Count"
               """;
        await db.Database.ExecuteSqlRawAsync(sql, p.Values);
    }

    /// <summary>Adds to the per-assignment counts of ballots, flagged ballots and excluded ballots (each may be negative).</summary>
    public static async Task UpsertBallotCountsAsync(AppDbContext db, IReadOnlyList<(int CampaignId, int AssignmentId, long Ballots, long Flagged, long Excluded)> deltas)
    {
        if (deltas.Count == 0)
        {
            return;
        }
        using var p = new Parameters(db);
        var rows = p.Json(deltas, (w, x) =>
        {
            w.WriteNumberValue(x.CampaignId);
            w.WriteNumberValue(x.AssignmentId);
            w.WriteNumberValue(x.Ballots);
            w.WriteNumberValue(x.Flagged);
            w.WriteNumberValue(x.Excluded);
        });
        var sql = db.Database.IsSqlite()
            ? $"""
               INSERT INTO "ResultBallotCounts" ("CampaignId", "AssignmentId", "Ballots", "Flagged", "Excluded")
               SELECT json_extract(r.value, '$[0]'), json_extract(r.value, '$[1]'), json_extract(r.value, '$[2]'),
                      json_extract(r.value, '$[3]'), json_extract(r.value, '$[4]')
               FROM json_each({rows}) AS r WHERE true
               ON CONFLICT ("CampaignId", "AssignmentId") DO UPDATE SET "Ballots" = "Ballots" + excluded."Ballots",
                 "Flagged" = "Flagged" + excluded."Flagged", "Excluded" = "Excluded" + excluded."Excluded"
               """
            : $"""
               INSERT INTO "ResultBallotCounts" ("CampaignId", "AssignmentId", "Ballots", "Flagged", "Excluded")
               SELECT (r->>0)::int, (r->>1)::int, (r->>2)::bigint, (r->>3)::bigint, (r->>4)::bigint
               FROM jsonb_array_elements({rows}::jsonb) WITH ORDINALITY AS t(r, n) ORDER BY n
               ON CONFLICT ("CampaignId", "AssignmentId") DO UPDATE SET "Ballots" = "ResultBallotCounts"."Ballots" + EXCLUDED."Ballots",
                 "Flagged" = "ResultBallotCounts"."Flagged" + EXCLUDED."Flagged", "Excluded" = "ResultBallotCounts"."Excluded" + EXCLUDED."Excluded"
               """;
        await db.Database.ExecuteSqlRawAsync(sql, p.Values);
    }

    private sealed record FlaggedBallot(int CampaignId, int AssignmentId);

    /// <summary>
    /// Marks ballots stored by earlier batches as part of a burst, and counts the ones that were not
    /// flagged before in their assignment's flagged count. Inside the caller's transaction.
    /// </summary>
    public static async Task FlagBurstAsync(AppDbContext db, IReadOnlyCollection<Guid> ballotIds)
    {
        if (ballotIds.Count == 0)
        {
            return;
        }
        using (var p = new Parameters(db))
        {
            var ids = string.Join(", ", ballotIds.Select(id => p.Add<Ballot>(nameof(Ballot.Id), id)));
            var sql = $"""
                UPDATE "Ballots" SET "Flags" = {p.Add<Ballot>(nameof(Ballot.Flags), BallotFlags.Burst)}
                WHERE "Id" IN ({ids}) AND "Flags" = {p.Add<Ballot>(nameof(Ballot.Flags), BallotFlags.None)}
                RETURNING "CampaignId", "AssignmentId"
                """;
            var newly = await db.Database.SqlQueryRaw<FlaggedBallot>(sql, p.Values).ToListAsync();
            await UpsertBallotCountsAsync(db, newly.GroupBy(f => f)
                .Select(g => (g.Key.CampaignId, g.Key.AssignmentId, 0L, (long)g.Count(), 0L)).OrderBy(x => x).ToList());
        }
        using (var p = new Parameters(db))
        {
            var ids = string.Join(", ", ballotIds.Select(id => p.Add<Ballot>(nameof(Ballot.Id), id)));
            var sql = $"""
                UPDATE "Ballots" SET "Flags" = "Flags" | {p.Add<Ballot>(nameof(Ballot.Flags), BallotFlags.Burst)}
                WHERE "Id" IN ({ids})
                """;
            await db.Database.ExecuteSqlRawAsync(sql, p.Values);
        }
    }

    // An empty text is no opinion (the recomputation says the same in SQL: Text <> ''); every other stored answer is valid.
    private static bool Counts(BallotAnswer a) => a.Value is not null || !string.IsNullOrEmpty(a.Text);
}
