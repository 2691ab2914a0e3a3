namespace Pingyi.Domain.Results;

/// <summary>
/// 民主评议党员: the branch's final grade for a member appraised in a campaign, with its reason.
/// The vote only proposes (MemberGrades); this records what the branch decided.
/// </summary>
public class MemberGradeDecision
{
    public const int ReasonMaxLength = 500;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>The campaign subject (a member).</summary>
    public int SubjectId { get; set; }

    /// <summary>What the vote proposed when the decision was taken; null when ballots were too few.</summary>
    public MemberGrade? ProposedGrade { get; set; }

    public MemberGrade FinalGrade { get; set; }

    public string? Reason { get; set; }

    public string DecidedBy { get; set; } = "";

    public DateTime DecidedUtc { get; set; }
}
