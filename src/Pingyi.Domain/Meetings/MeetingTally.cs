namespace Pingyi.Domain.Meetings;

/// <summary>
/// The paper of one meeting: 发放 (issued) ≥ 回收 (returned) ≥ 有效 (valid) + 无效 (void) typed so far.
/// <list type="bullet">
/// <item><b>Valid</b>: slips whose ballot is stored (with double entry: both passes agreed, or the mismatch resolved).</item>
/// <item><b>Void</b>: slips recorded as void with a reason; they add no ballot.</item>
/// <item><b>Awaiting</b>: slips typed once under double entry, or typed twice with a mismatch, not yet counted.</item>
/// <item><b>Remaining</b> = returned − valid − void: slips still to be settled (awaiting ones included).</item>
/// <item><b>Complete</b>: every returned slip is valid or void (remaining = 0).</item>
/// </list>
/// A new slip may be started only while returned − valid − void − awaiting &gt; 0, so no more
/// ballots are typed than forms came back.
/// </summary>
public sealed record MeetingTally(int Issued, int Returned, int Valid, int Void, int Awaiting)
{
    public int Remaining => Math.Max(0, Returned - Valid - Void);

    public bool IsComplete => Remaining == 0;

    /// <summary>Whether one more slip (a serial not typed yet) may be started.</summary>
    public bool CanStartSlip => Returned - Valid - Void - Awaiting > 0;
}
