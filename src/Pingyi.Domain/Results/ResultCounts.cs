namespace Pingyi.Domain.Results;

/// <summary>
/// A running aggregate: how many counted answers of one assignment carry one value for one
/// (subject, item). Kept current in the transaction that stores (or excludes) ballots, so a
/// dashboard reads these few rows instead of every ballot (docs/decisions/0014-result-aggregates.md).
/// Value as on BallotAnswer; 0 with the number of non-empty texts for text items.
/// </summary>
public class ResultAnswerCount
{
    public int CampaignId { get; set; }

    public int AssignmentId { get; set; }

    public int SubjectId { get; set; }

    public int ItemId { get; set; }

    public int Value { get; set; }

    public long Count { get; set; }
}

/// <summary>
/// A running aggregate per assignment: its counted ballots, and of all its ballots how many are
/// flagged as suspicious and how many were excluded (excluded ones are not in <see cref="Ballots"/>).
/// </summary>
public class ResultBallotCount
{
    public int CampaignId { get; set; }

    public int AssignmentId { get; set; }

    public long Ballots { get; set; }

    public long Flagged { get; set; }

    public long Excluded { get; set; }
}
