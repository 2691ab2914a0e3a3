using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Paper;

/// <summary>What the paper of a meeting looks like now: its tally, the serial to type next, the mismatched serials.</summary>
public static class PaperQueries
{
    /// <summary>
    /// The lowest serial this clerk can type now: one waiting for a second pass by someone else
    /// (double entry), or an untouched one while returned forms remain; null when there is none.
    /// </summary>
    public static async Task<int?> NextSerialAsync(AppDbContext db, Meeting meeting, MeetingTally tally, string clerk)
    {
        var settled = (await db.PaperSlips.Where(s => s.MeetingId == meeting.Id && s.State != PaperSlipState.Issued)
            .Select(s => s.Serial).ToListAsync()).ToHashSet();
        var passes = (await db.PaperEntries.Where(e => e.MeetingId == meeting.Id).Select(e => new { e.Serial, e.EnteredBy }).ToListAsync())
            .ToLookup(e => e.Serial, e => e.EnteredBy);
        for (var serial = 1; serial <= meeting.FormsIssued; serial++)
        {
            if (settled.Contains(serial))
            {
                continue;
            }
            var typed = passes[serial].ToList();
            if (typed.Count == 0 ? tally.CanStartSlip : meeting.DoubleEntry && PaperRules.CheckNextPass(typed, clerk) is null)
            {
                return serial;
            }
        }
        return null;
    }

    /// <summary>The serials whose two passes differ, lowest first.</summary>
    public static Task<List<int>> MismatchesAsync(AppDbContext db, int meetingId) =>
        db.PaperEntries.Where(e => e.MeetingId == meetingId && e.Pass == 2).Select(e => e.Serial).OrderBy(s => s).ToListAsync();

    /// <summary>Both passes of one serial, when it is a mismatch.</summary>
    public static async Task<(PaperEntry First, PaperEntry Second)?> PassesAsync(AppDbContext db, int meetingId, int serial)
    {
        var passes = await db.PaperEntries.AsNoTracking().Where(e => e.MeetingId == meetingId && e.Serial == serial).OrderBy(e => e.Pass).ToListAsync();
        return passes.Count == 2 ? (passes[0], passes[1]) : null;
    }
}
