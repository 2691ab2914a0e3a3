using System.Buffers;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pingyi.Bench;

/// <summary>One subject's rater group cell to fill: the assignment (one subject each) and the subject.</summary>
public sealed record GeneratedCell(int AssignmentId, int SubjectId);

/// <summary>What was generated, and how long it took (reported, not a target).</summary>
public sealed record Generation(int Ballots, long Answers, int StraightLined, double Seconds);

/// <summary>
/// Writes generated online ballots straight into the app's database, row for row as the writer
/// (BallotBatchSql.InsertAsync) stores them: random version-4 ids (upper-case text on SQLite, uuid
/// on PostgreSQL), the date only (yyyy-MM-dd), a 64-hex receipt hash, the straight-lining flag
/// where every grade is the same, and an answer row per answered item (none for a blank text).
/// Both statements are the writer's own: each table's rows travel as one JSON parameter and are
/// unpacked by the database. The running aggregates are left alone: the benchmark's full
/// recomputation (the app's <c>recount</c> verb) builds them afterwards.
/// A fixed seed makes SQLite and PostgreSQL receive identical ballots. Ballots are inserted in id
/// order, in chunks of their own transaction, so the primary-key B-trees grow at their right edge
/// (random-order inserts of twenty million answer rows are slow) and the running app stays usable.
/// </summary>
public static class BallotGenerator
{
    private const int Chunk = 10_000;
    private const int Online = 1;
    private const int StraightLine = 1;

    private static readonly string[] Remarks =
    [
        "希望增加停车位。", "护士很耐心，谢谢！", "夜间病房有点吵。", "出院结算排队时间长，建议增加窗口。",
        "饭菜可以再清淡一些。", "医生讲解很清楚。", "卫生间希望多打扫几次。",
    ];

    /// <summary>The bench form's items (BenchSetup.PatientForm) by key, as stored for the campaign's form version.</summary>
    private sealed record Items(int Department, int[] Grades, int Remark);

    /// <summary>A subject's answer spread over the five satisfaction levels (cumulative, per mille) and its share of raters who tick 非常满意 throughout.</summary>
    private sealed record Profile(int[] Cumulative, double StraightLine);

    public static async Task<Generation> RunAsync(AppServer server, BenchOptions options, int campaignId, int raterGroupId, int formVersionId,
        IReadOnlyList<GeneratedCell> cells, DateOnly from, DateOnly to)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await BenchDatabase.OpenAsync(server, options);
        if (options.IsPostgres)
        {
            // This session only, and only with the right to (the bench's own server makes its user a superuser): the
            // foreign-key triggers are skipped, which more than halves the time of the inserts. Every reference is
            // valid by construction (the ids come from the campaign the API made), so the stored rows are the same.
            await BenchDatabase.ExecuteAsync(connection, null, """
                DO $$ BEGIN
                  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN SET session_replication_role = replica; END IF;
                END $$
                """);
        }
        var items = await ItemsAsync(connection, formVersionId);
        var random = new Random(20261124);
        var profiles = cells.Select((_, i) => ProfileOf(i, random)).ToArray();

        // Ids first, sorted the way both databases order them (upper-case text on SQLite; uuid byte order on PostgreSQL is the same).
        var ids = new string[options.Ballots];
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < ids.Length; i++)
        {
            random.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (Guid's little-endian third group)
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
            ids[i] = new Guid(bytes).ToString("D").ToUpperInvariant();
        }
        Array.Sort(ids, StringComparer.Ordinal);

        long answers = 0;
        var straight = 0;
        var days = to.DayNumber - from.DayNumber + 1;
        var grades = new int[items.Grades.Length];
        var sqlite = !options.IsPostgres;
        for (var start = 0; start < ids.Length; start += Chunk)
        {
            var end = Math.Min(ids.Length, start + Chunk);
            var ballotRows = new ArrayBufferWriter<byte>(2 * 1024 * 1024);
            var answerRows = new ArrayBufferWriter<byte>(16 * 1024 * 1024);
            using (var b = new Utf8JsonWriter(ballotRows))
            using (var a = new Utf8JsonWriter(answerRows))
            {
                b.WriteStartArray();
                a.WriteStartArray();
                for (var i = start; i < end; i++)
                {
                    // Subjects in turn: ids are random, so each subject's ballots lie all over the id order, as stored ballots do.
                    var cell = cells[i % cells.Count];
                    var profile = profiles[i % cells.Count];
                    var id = sqlite ? ids[i] : ids[i].ToLowerInvariant();
                    var allFirst = random.NextDouble() < profile.StraightLine;
                    for (var g = 0; g < grades.Length; g++)
                    {
                        grades[g] = allFirst ? 1 : Level(profile, g, random.Next(1000));
                    }
                    var flags = grades.All(v => v == grades[0]) ? StraightLine : 0;
                    straight += flags;

                    b.WriteStartArray();
                    b.WriteStringValue(id);
                    b.WriteNumberValue(campaignId);
                    b.WriteNumberValue(raterGroupId);
                    b.WriteNumberValue(cell.AssignmentId);
                    b.WriteNumberValue(formVersionId);
                    b.WriteNumberValue(Online);
                    b.WriteStringValue(from.AddDays(random.Next(days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    b.WriteStringValue(ReceiptHash(random));
                    b.WriteNumberValue(flags);
                    b.WriteEndArray();

                    // The answers in the order of the key (ballot, subject, item), as a B-tree likes them.
                    var row = new List<(int Item, int? Value, string? Text)>(items.Grades.Length + 2)
                    {
                        (items.Department, Department(random.Next(100)), null),
                    };
                    row.AddRange(items.Grades.Select((item, g) => (item, (int?)grades[g], (string?)null)));
                    if (random.Next(10) == 0)
                    {
                        row.Add((items.Remark, null, Remarks[random.Next(Remarks.Length)]));
                    }
                    foreach (var (item, value, text) in row.OrderBy(r => r.Item))
                    {
                        a.WriteStartArray();
                        a.WriteStringValue(id);
                        a.WriteNumberValue(cell.SubjectId);
                        a.WriteNumberValue(item);
                        if (value is { } v)
                        {
                            a.WriteNumberValue(v);
                        }
                        else
                        {
                            a.WriteNullValue();
                        }
                        a.WriteStringValue(text);
                        a.WriteEndArray();
                        answers++;
                    }
                }
                b.WriteEndArray();
                a.WriteEndArray();
            }
            await InsertAsync(connection, sqlite, Encoding.UTF8.GetString(ballotRows.WrittenSpan), Encoding.UTF8.GetString(answerRows.WrittenSpan));
            if (end % 100_000 == 0 || end == ids.Length)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {end:N0} ballots generated ({clock.Elapsed.TotalSeconds:F0} s)"));
            }
        }
        if (!sqlite)
        {
            // What autovacuum does on its own a little later: statistics for the planner and the visibility map.
            await BenchDatabase.ExecuteAsync(connection, null, "VACUUM (ANALYZE) \"Ballots\", \"BallotAnswers\"");
        }
        return new Generation(ids.Length, answers, straight, clock.Elapsed.TotalSeconds);
    }

    private static async Task<Items> ItemsAsync(DbConnection connection, int formVersionId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i."Key", i."Id" FROM "FormItems" AS i JOIN "FormSections" AS s ON s."Id" = i."SectionId"
            WHERE s."FormVersionId" = @v
            """;
        var v = command.CreateParameter();
        v.ParameterName = "@v";
        v.Value = formVersionId;
        command.Parameters.Add(v);
        var byKey = new Dictionary<string, int>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                byKey[reader.GetString(0)] = reader.GetInt32(1);
            }
        }
        return new Items(byKey["kslb"], Enumerable.Range(1, 18).Select(g => byKey[$"g{g:D2}"]).ToArray(), byKey["yjjy"]);
    }

    /// <summary>
    /// Most units well liked (about 85 % 非常满意 or 满意), one in 25 clearly worse, each with a
    /// little spread of its own; a share of raters tick 非常满意 on every grade (straight-lining).
    /// </summary>
    private static Profile ProfileOf(int index, Random random)
    {
        var worse = index % 25 == 7;
        double[] p = worse ? [0.25, 0.30, 0.25, 0.13, 0.07] : [0.55, 0.30, 0.10, 0.04, 0.01];
        var shift = (random.NextDouble() - 0.5) * 0.16;
        p[0] += shift;
        p[1] -= shift / 2;
        p[2] -= shift / 2;
        var cumulative = new int[4];
        var sum = 0.0;
        for (var i = 0; i < 4; i++)
        {
            sum += p[i];
            cumulative[i] = (int)Math.Round(sum * 1000);
        }
        return new Profile(cumulative, worse ? 0.05 : 0.15);
    }

    // Waiting time (g03) and food (g07) are the usual complaints: a level lower for a fifth of their answers.
    private static int Level(Profile profile, int grade, int roll)
    {
        var level = 5;
        for (var i = 0; i < 4; i++)
        {
            if (roll < profile.Cumulative[i])
            {
                level = i + 1;
                break;
            }
        }
        return grade is 2 or 6 && level < 5 && roll % 5 == 0 ? level + 1 : level;
    }

    private static int Department(int roll) => roll < 35 ? 1 : roll < 65 ? 2 : roll < 80 ? 3 : roll < 90 ? 4 : 5;

    private static string ReceiptHash(Random random)
    {
        Span<byte> hash = stackalloc byte[32];
        random.NextBytes(hash);
        return Convert.ToHexStringLower(hash);
    }

    private static async Task InsertAsync(DbConnection connection, bool sqlite, string ballots, string answers)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        // The writer's statements (BallotBatchSql.InsertAsync), without the aggregates.
        var sql = sqlite
            ? """
              INSERT INTO "Ballots" ("Id", "CampaignId", "RaterGroupId", "AssignmentId", "FormVersionId", "Channel", "SubmittedOn", "ReceiptHash", "Flags")
              SELECT json_extract(r.value, '$[0]'), json_extract(r.value, '$[1]'), json_extract(r.value, '$[2]'), json_extract(r.value, '$[3]'),
                     json_extract(r.value, '$[4]'), json_extract(r.value, '$[5]'), json_extract(r.value, '$[6]'), json_extract(r.value, '$[7]'),
                     json_extract(r.value, '$[8]')
              FROM json_each(@ballots) AS r;
              INSERT INTO "BallotAnswers" ("BallotId", "SubjectId", "ItemId", "Value", "Text")
              SELECT json_extract(r.value, '$[0]'), json_extract(r.value, '$[1]'), json_extract(r.value, '$[2]'),
                     json_extract(r.value, '$[3]'), json_extract(r.value, '$[4]')
              FROM json_each(@answers) AS r;
              """
            : """
              INSERT INTO "Ballots" ("Id", "CampaignId", "RaterGroupId", "AssignmentId", "FormVersionId", "Channel", "SubmittedOn", "ReceiptHash", "Flags")
              SELECT (r->>0)::uuid, (r->>1)::int, (r->>2)::int, (r->>3)::int, (r->>4)::int, (r->>5)::int, (r->>6)::date, r->>7, (r->>8)::int
              FROM jsonb_array_elements(@ballots::jsonb) AS r;
              INSERT INTO "BallotAnswers" ("BallotId", "SubjectId", "ItemId", "Value", "Text")
              SELECT (r->>0)::uuid, (r->>1)::int, (r->>2)::int, (r->>3)::int, r->>4
              FROM jsonb_array_elements(@answers::jsonb) AS r;
              """;
        await BenchDatabase.ExecuteAsync(connection, transaction, sql, ("@ballots", ballots), ("@answers", answers));
        await transaction.CommitAsync();
    }
}
