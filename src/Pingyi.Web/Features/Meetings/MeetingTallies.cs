using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Meetings;

/// <summary>
/// The <see cref="MeetingTally"/> of meetings, from their slips and entries: valid = slips Counted,
/// void = slips Void, awaiting = distinct serials with an entry but no Counted or Void slip. Three
/// grouped queries for any number of meetings, so a list page does not ask once per row.
/// </summary>
public static class MeetingTallies
{
    public static async Task<Dictionary<int, MeetingTally>> OfAsync(AppDbContext db, IEnumerable<int> meetingIds, CancellationToken ct)
    {
        var ids = meetingIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var forms = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.FormsIssued, m.FormsReturned }).ToListAsync(ct);
        var slips = await db.PaperSlips.AsNoTracking()
            .Where(s => ids.Contains(s.MeetingId) && s.State != PaperSlipState.Issued)
            .GroupBy(s => new { s.MeetingId, s.State })
            .Select(g => new { g.Key.MeetingId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var awaiting = await db.PaperEntries.AsNoTracking()
            .Where(e => ids.Contains(e.MeetingId) && !db.PaperSlips.Any(s =>
                s.MeetingId == e.MeetingId && s.Serial == e.Serial && s.State != PaperSlipState.Issued))
            .Select(e => new { e.MeetingId, e.Serial }).Distinct()
            .GroupBy(e => e.MeetingId)
            .Select(g => new { MeetingId = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Slips(int id, PaperSlipState state) => slips.Where(s => s.MeetingId == id && s.State == state).Sum(s => s.Count);
        return forms.ToDictionary(m => m.Id, m => new MeetingTally(m.FormsIssued, m.FormsReturned,
            Slips(m.Id, PaperSlipState.Counted), Slips(m.Id, PaperSlipState.Void),
            awaiting.FirstOrDefault(a => a.MeetingId == m.Id)?.Count ?? 0));
    }

    public static async Task<MeetingTally> OfAsync(AppDbContext db, Meeting m, CancellationToken ct) =>
        (await OfAsync(db, [m.Id], ct)).GetValueOrDefault(m.Id) ?? new MeetingTally(m.FormsIssued, m.FormsReturned, 0, 0, 0);

    /// <summary>What a change to the meeting may not fall below; see <see cref="MeetingPaper"/>.</summary>
    public static async Task<MeetingPaper> PaperAsync(AppDbContext db, int meetingId, CancellationToken ct)
    {
        var tally = (await OfAsync(db, [meetingId], ct)).GetValueOrDefault(meetingId);
        var highestSlip = await db.PaperSlips.Where(s => s.MeetingId == meetingId).MaxAsync(s => (int?)s.Serial, ct) ?? 0;
        var highestEntry = await db.PaperEntries.Where(e => e.MeetingId == meetingId).MaxAsync(e => (int?)e.Serial, ct) ?? 0;
        var hasEntries = highestEntry > 0;
        var settled = tally is null ? 0 : tally.Valid + tally.Void + tally.Awaiting;
        return new MeetingPaper(Math.Max(highestSlip, highestEntry), settled,
            hasEntries || (tally is { } t && t.Valid + t.Void > 0), highestSlip > 0 || hasEntries);
    }
}
