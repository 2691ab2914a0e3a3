using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Ballots;

internal static partial class BallotBatchSql
{
    /// <summary>
    /// Carries every free-text answer of the batch over as an opinion (意见建议), in the ballots'
    /// transaction, so no remark is lost or counted twice. Each keeps the ballot's anonymity: a
    /// random id, the date, the receipt hash (so the rater can read the reply), the organisation
    /// the subject is or belongs to — and nothing that names the ballot.
    /// </summary>
    private static async Task InsertOpinionsAsync(AppDbContext db, IReadOnlyList<Ballot> ballots, bool sqlite)
    {
        var remarks = ballots
            .SelectMany(b => b.Answers.Where(a => !string.IsNullOrWhiteSpace(a.Text)).Select(a => (Ballot: b, Answer: a)))
            .ToList();
        if (remarks.Count == 0)
        {
            return;
        }
        using var p = new Parameters(db);
        var rows = p.Json(remarks, (w, x) =>
        {
            WriteId(w, Guid.NewGuid(), sqlite);
            w.WriteNumberValue(x.Ballot.CampaignId);
            w.WriteNumberValue(x.Answer.SubjectId);
            w.WriteStringValue(x.Answer.Text);
            w.WriteStringValue(x.Ballot.SubmittedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteStringValue(x.Ballot.ReceiptHash);
        });
        var source = p.Add<Opinion>(nameof(Opinion.Source), OpinionSource.Ballot);
        var sql = sqlite
            ? $"""
               INSERT INTO "Opinions" ("Id", "Source", "CampaignId", "OrganizationId", "Text", "ReceivedOn", "ReceiptHash")
               SELECT json_extract(r.value, '$[0]'), {source}, json_extract(r.value, '$[1]'), COALESCE(s."OrganizationId", m."OrganizationId"),
                      json_extract(r.value, '$[3]'), json_extract(r.value, '$[4]'), json_extract(r.value, '$[5]')
               FROM json_each({rows}) AS r
               JOIN "CampaignSubjects" AS s ON s."Id" = json_extract(r.value, '$[2]')
               LEFT JOIN "Members" AS m ON m."Id" = s."MemberId"
               """
            : $"""
               INSERT INTO "Opinions" ("Id", "Source", "CampaignId", "OrganizationId", "Text", "ReceivedOn", "ReceiptHash")
               SELECT (r->>0)::uuid, {source}, (r->>1)::int, COALESCE(s."OrganizationId", m."OrganizationId"), r->>3, (r->>4)::date, r->>5
               FROM jsonb_array_elements({rows}::jsonb) AS r
               JOIN "CampaignSubjects" AS s ON s."Id" = (r->>2)::int
               LEFT JOIN "Members" AS m ON m."Id" = s."MemberId"
               """;
        await db.Database.ExecuteSqlRawAsync(sql, p.Values);
    }
}
