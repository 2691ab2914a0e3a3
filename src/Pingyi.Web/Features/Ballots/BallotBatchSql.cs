using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Ballots;

/// <summary>
/// The writer's statements for one batch, in set form: one UPDATE … RETURNING claims every token of
/// the batch, and multi-row INSERTs store the ballots and their answers. EF Core's change tracker
/// would sort and insert thousands of rows one command at a time; this does the same work in a few
/// statements. They run through EF Core's raw SQL path (interceptors and logging included), inside
/// the caller's transaction, and every value travels as a parameter, never in the SQL text.
/// Thousands of parameters would cost more than the inserts (providers look parameters up by
/// name), so the rows of a table travel as one JSON parameter. Identifiers are the model's,
/// quoted the same way on SQLite and PostgreSQL; the JSON unpacking is the one place where the
/// two providers need their own SQL.
/// </summary>
internal static partial class BallotBatchSql
{
    /// <summary>A token the batch consumed, with its campaign and the batch it was issued in (a source for burst detection).</summary>
    public sealed record ClaimedToken(long Id, int CampaignId, int BatchId);

    /// <summary>
    /// Moves the given tokens from unused to used where their campaign accepts ballots today, and
    /// returns the ones it moved with their campaign. In one statement, so among competing
    /// transactions (or instances) exactly one moves each token.
    /// </summary>
    public static async Task<Dictionary<long, ClaimedToken>> ClaimAsync(AppDbContext db, IReadOnlyCollection<long> tokenIds, DateOnly today)
    {
        if (tokenIds.Count == 0)
        {
            return [];
        }
        using var p = new Parameters(db);
        var ids = string.Join(", ", tokenIds.Select(id => p.Add<Token>(nameof(Token.Id), id)));
        var sql = $"""
            UPDATE "Tokens" SET "State" = {p.Add<Token>(nameof(Token.State), TokenState.Used)}
            WHERE "State" = {p.Add<Token>(nameof(Token.State), TokenState.Unused)} AND "Id" IN ({ids})
              AND {AcceptsBallots(p, "Tokens", today)}
            RETURNING "Id", "CampaignId", "BatchId"
            """;
        var claimed = await db.Database.SqlQueryRaw<ClaimedToken>(sql, p.Values).ToListAsync();
        return claimed.ToDictionary(t => t.Id);
    }

    /// <summary>
    /// The condition that the campaign of a row of <paramref name="table"/> (its "CampaignId")
    /// accepts ballots today, as CampaignRules.AcceptsBallots says: open, and today within its period.
    /// </summary>
    private static string AcceptsBallots(Parameters p, string table, DateOnly today) => $"""
        EXISTS (SELECT 1 FROM "Campaigns" AS c WHERE c."Id" = "{table}"."CampaignId"
          AND c."State" = {p.Add<Campaign>(nameof(Campaign.State), CampaignState.Open)}
          AND c."StartsOn" <= {p.Add<Campaign>(nameof(Campaign.StartsOn), today)}
          AND c."EndsOn" >= {p.Add<Campaign>(nameof(Campaign.EndsOn), today)})
        """;

    private sealed record CountedChannel(int Id, int CampaignId);

    /// <summary>
    /// Adds each channel's number of ballots in this batch to its count, where the channel is
    /// active and its campaign accepts ballots today, and returns the channels it counted with
    /// their campaign. Counted here, in the ballots' transaction, because no ballot names its channel.
    /// </summary>
    public static async Task<Dictionary<int, int>> CountStandingAsync(AppDbContext db, IReadOnlyDictionary<int, int> ballotsPerChannel, DateOnly today)
    {
        var counted = new Dictionary<int, int>();
        foreach (var (channelId, count) in ballotsPerChannel)
        {
            using var p = new Parameters(db);
            var sql = $"""
                UPDATE "StandingChannels" SET "BallotCount" = "BallotCount" + {p.Add<StandingChannel>(nameof(StandingChannel.BallotCount), count)}
                WHERE "Id" = {p.Add<StandingChannel>(nameof(StandingChannel.Id), channelId)} AND "Active" = {p.Add<StandingChannel>(nameof(StandingChannel.Active), true)}
                  AND {AcceptsBallots(p, "StandingChannels", today)}
                RETURNING "Id", "CampaignId"
                """;
            foreach (var c in await db.Database.SqlQueryRaw<CountedChannel>(sql, p.Values).ToListAsync())
            {
                counted[c.Id] = c.CampaignId;
            }
        }
        return counted;
    }

    /// <summary>
    /// Inserts the ballots and their answers: each table's rows travel as one JSON array in one
    /// parameter, which the database unpacks (SQLite's json_each, PostgreSQL's jsonb_array_elements).
    /// Two statements whatever the batch size, and nothing of a ballot in the SQL text that EF Core
    /// logs (a failed command is logged with its text; parameters show as '?').
    /// </summary>
    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<Ballot> ballots)
    {
        if (ballots.Count == 0)
        {
            return;
        }
        var sqlite = db.Database.IsSqlite();
        using var p = new Parameters(db);
        var ballotRows = p.Json(ballots, (w, b) =>
        {
            WriteId(w, b.Id, sqlite);
            w.WriteNumberValue(b.CampaignId);
            w.WriteNumberValue(b.RaterGroupId);
            w.WriteNumberValue(b.AssignmentId);
            w.WriteNumberValue(b.FormVersionId);
            w.WriteNumberValue((int)b.Channel);
            w.WriteStringValue(b.SubmittedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteStringValue(b.ReceiptHash);
            w.WriteNumberValue((int)b.Flags);
        });
        var answerRows = p.Json(ballots.SelectMany(b => b.Answers.Select(a => (b.Id, Answer: a))), (w, x) =>
        {
            WriteId(w, x.Id, sqlite);
            w.WriteNumberValue(x.Answer.SubjectId);
            w.WriteNumberValue(x.Answer.ItemId);
            if (x.Answer.Value is { } value)
            {
                w.WriteNumberValue(value);
            }
            else
            {
                w.WriteNullValue();
            }
            w.WriteStringValue(x.Answer.Text);
        });
        var sql = sqlite
            ? $"""
               INSERT INTO "Ballots" ("Id", "CampaignId", "RaterGroupId", "AssignmentId", "FormVersionId", "Channel", "SubmittedOn", "ReceiptHash", "Flags")
               SELECT json_extract(r.value, '$[0]'), json_extract(r.value, '$[1]'), json_extract(r.value, '$[2]'), json_extract(r.value, '$[3]'),
                      json_extract(r.value, '$[4]'), json_extract(r.value, '$[5]'), json_extract(r.value, '$[6]'), json_extract(r.value, '$[7]'),
                      json_extract(r.value, '$[8]')
               FROM json_each({ballotRows}) AS r;
               INSERT INTO "BallotAnswers" ("BallotId", "SubjectId", "ItemId", "Value", "Text")
               SELECT json_extract(r.value, '$[0]'), json_extract(r.value, '$[1]'), json_extract(r.value, '$[2]'),
                      json_extract(r.value, '$[3]'), json_extract(r.value, '$[4]')
               FROM json_each({answerRows}) AS r;
               """
            : $"""
               INSERT INTO "Ballots" ("Id", "CampaignId", "RaterGroupId", "AssignmentId", "FormVersionId", "Channel", "SubmittedOn", "ReceiptHash", "Flags")
               SELECT (r->>0)::uuid, (r->>1)::int, (r->>2)::int, (r->>3)::int, (r->>4)::int, (r->>5)::int, (r->>6)::date, r->>7, (r->>8)::int
               FROM jsonb_array_elements({ballotRows}::jsonb) AS r;
               INSERT INTO "BallotAnswers" ("BallotId", "SubjectId", "ItemId", "Value", "Text")
               SELECT (r->>0)::uuid, (r->>1)::int, (r->>2)::int, (r->>3)::int, r->>4
               FROM jsonb_array_elements({answerRows}::jsonb) AS r;
               """;
        await db.Database.ExecuteSqlRawAsync(sql, p.Values);
        await AddToResultsAsync(db, ballots, 1);
        await InsertOpinionsAsync(db, ballots, sqlite);
    }

    // EF Core stores a Guid on SQLite as upper-case text; PostgreSQL reads any case into uuid.
    private static void WriteId(Utf8JsonWriter w, Guid id, bool sqlite) =>
        w.WriteStringValue(sqlite ? id.ToString("D").ToUpperInvariant() : id.ToString("D"));

    /// <summary>Parameters for one statement, named @p0, @p1, …, typed by the mapping of the property each value is stored in, or JSON text.</summary>
    private sealed class Parameters(AppDbContext db) : IDisposable
    {
        private readonly IRelationalTypeMappingSource _mappings = db.GetService<IRelationalTypeMappingSource>();
        private readonly DbCommand _factory = db.Database.GetDbConnection().CreateCommand();
        private readonly List<object> _values = [];
        private readonly Dictionary<(Type, string), (RelationalTypeMapping Mapping, bool Nullable)> _known = [];

        public object[] Values => _values.ToArray();

        // Only a factory for parameters: never executed, but a command all the same.
        public void Dispose() => _factory.Dispose();

        public string Add<TEntity>(string property, object? value)
        {
            var (mapping, nullable) = MappingOf<TEntity>(property);
            var name = "@p" + _values.Count.ToString(CultureInfo.InvariantCulture);
            _values.Add(mapping.CreateParameter(_factory, name, value, nullable));
            return name;
        }

        /// <summary>A text parameter holding <paramref name="rows"/> as a JSON array of arrays, each row written by <paramref name="write"/>.</summary>
        public string Json<T>(IEnumerable<T> rows, Action<Utf8JsonWriter, T> write)
        {
            var buffer = new ArrayBufferWriter<byte>(64 * 1024);
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartArray();
                foreach (var row in rows)
                {
                    w.WriteStartArray();
                    write(w, row);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
            }
            var parameter = _factory.CreateParameter();
            parameter.ParameterName = "@p" + _values.Count.ToString(CultureInfo.InvariantCulture);
            parameter.DbType = System.Data.DbType.String;
            parameter.Value = Encoding.UTF8.GetString(buffer.WrittenSpan);
            _values.Add(parameter);
            return parameter.ParameterName;
        }

        private (RelationalTypeMapping Mapping, bool Nullable) MappingOf<TEntity>(string property)
        {
            if (!_known.TryGetValue((typeof(TEntity), property), out var known))
            {
                var p = db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!;
                known = (_mappings.FindMapping(p)!, p.IsNullable);
                _known[(typeof(TEntity), property)] = known;
            }
            return known;
        }
    }
}
