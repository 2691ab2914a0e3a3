namespace Pingyi.Domain.Ballots;

/// <summary>
/// 测评票: one rater's answers to one assignment (one form version, the subjects it covers). A
/// rater whose group has several assignments leaves one ballot per assignment, stored together.
/// Anonymous by construction: a random id, the date only, and no token, account, address or
/// user agent — a test asserts these columns.
/// </summary>
public class Ballot
{
    public const int ReceiptHashLength = 64;

    public Guid Id { get; set; }

    public int CampaignId { get; set; }

    public int RaterGroupId { get; set; }

    public int AssignmentId { get; set; }

    /// <summary>The version the rater answered.</summary>
    public int FormVersionId { get; set; }

    public BallotChannel Channel { get; set; }

    /// <summary>The day only: an exact time could be matched against a token's use or a server log.</summary>
    public DateOnly SubmittedOn { get; set; }

    /// <summary>Hash of the 回执码 shown to the rater; only the rater can present the code.</summary>
    public string ReceiptHash { get; set; } = "";

    /// <summary>Set as the ballot arrives (or when a burst it began is seen); a flag alone changes no figure.</summary>
    public Results.BallotFlags Flags { get; set; }

    /// <summary>The administrator's exclusion that leaves this ballot out of the results, if any.</summary>
    public int? ExclusionId { get; set; }

    public List<BallotAnswer> Answers { get; set; } = [];
}

public enum BallotChannel
{
    Online = 1,
    Paper = 2,
    Standing = 3,
}

/// <summary>One answer: a subject and an item, a small integer and, for text items, the text.</summary>
public class BallotAnswer
{
    public Guid BallotId { get; set; }

    public int SubjectId { get; set; }

    public int ItemId { get; set; }

    /// <summary>
    /// Grade: the level's value (1 best); score: the score; single choice: the option number
    /// (1-based); multiple choice: a bit mask, bit n-1 for option n. Null for text items.
    /// </summary>
    public int? Value { get; set; }

    public string? Text { get; set; }
}
