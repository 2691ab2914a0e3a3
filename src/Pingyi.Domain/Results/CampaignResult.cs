using Pingyi.Domain.Campaigns;

namespace Pingyi.Domain.Results;

/// <summary>
/// The statistics of one campaign, or of the subjects of one subtree, already suppressed: every
/// figure a page, the API or an export may print is reached through a <see cref="ResultBlock"/>.
/// </summary>
/// <param name="K">The k in force (the campaign's, never below 3).</param>
/// <param name="Summary">Highest / lowest / average over the subjects, pooled beside (lower-trust groups excluded).</param>
/// <param name="GroupColumns">The same summary per rater group, lower-trust groups included and marked.</param>
/// <param name="Directions">The same summary per direction (lower-trust groups excluded).</param>
/// <param name="Ranking">Subjects with a shown rate, best first, each with the ranks it could hold.</param>
public sealed record CampaignResult(
    int CampaignId,
    int K,
    long ExcludedBallots,
    IReadOnlyList<GroupInfo> Groups,
    IReadOnlyList<ItemInfo> Items,
    IReadOnlyList<SubjectResult> Subjects,
    Summary Summary,
    IReadOnlyList<GroupSummary> GroupColumns,
    IReadOnlyList<DirectionSummary> Directions,
    IReadOnlyList<RankedSubject> Ranking)
{
    public SubjectResult? Subject(int subjectId) => Subjects.FirstOrDefault(s => s.Subject.Id == subjectId);

    /// <summary>The label of lower-trust columns (the standing QR channel: anyone passing may scan it).</summary>
    public const string LowerTrustLabel = "低可信";
}

/// <summary>
/// One subject's figures. <see cref="Overall"/> pools the grade answers of all its cells in groups
/// that are not lower-trust; <see cref="Cells"/> holds one entry per rater group that rates it (a
/// lower-trust group's cell is reported here, apart, and never enters Overall, Directions or the
/// composite).
/// </summary>
public sealed record SubjectResult(
    SubjectInfo Subject,
    ResultBlock Overall,
    IReadOnlyList<CellResult> Cells,
    IReadOnlyList<DirectionResult> Directions,
    Composite Composite)
{
    public CellResult? Cell(int raterGroupId) => Cells.FirstOrDefault(c => c.RaterGroupId == raterGroupId);
}

/// <summary>A (subject, rater group) cell.</summary>
public sealed record CellResult(int RaterGroupId, Direction Direction, bool IsLowerTrust, ResultBlock Block);

/// <summary>A subject's figures in one direction, pooled over its non-lower-trust cells of that direction.</summary>
public sealed record DirectionResult(Direction Direction, ResultBlock Block);

/// <summary>
/// The weighted composite (加权综合满意率) = Σ weight(g) × 满意率(g) ÷ Σ weight(g), over the rater
/// groups g whose cell is shown and has grade answers (weights re-normalised over those groups;
/// lower-trust groups and groups of weight 0 add nothing). Only shown cells: were a hidden cell
/// included, the composite together with the shown cells and weights would let a reader solve
/// for the hidden cell's rate. Null when no weighted cell is shown.
/// </summary>
public sealed record Composite(double? Value, IReadOnlyList<CompositePart> Parts);

/// <summary>One group's share of a composite: its weight, the re-normalised weight, its 满意率.</summary>
public sealed record CompositePart(int RaterGroupId, int Weight, double NormalisedWeight, Rate Rate);

/// <summary>A subject's rate as the summary cites it.</summary>
public sealed record SubjectRate(int SubjectId, string Name, Rate Rate);

/// <summary>
/// "最高满意率98%，最低满意率93%，平均满意率95.5%": over the subjects whose rate is shown (the
/// average is the unweighted mean of their rates), and <see cref="Pooled"/>, the rate over all
/// the ballots, beside it. <see cref="Subjects"/> counts the subjects in view,
/// <see cref="SubjectsShown"/> those the highest / lowest / average are taken over.
/// </summary>
public sealed record Summary(
    int Subjects,
    int SubjectsShown,
    SubjectRate? Highest,
    SubjectRate? Lowest,
    double? Average,
    ResultBlock Pooled);

/// <summary>A rater group's column: its cells summarised across subjects, its total as Pooled.</summary>
public sealed record GroupSummary(GroupInfo Group, Summary Summary);

/// <summary>A direction's figures across subjects.</summary>
public sealed record DirectionSummary(Direction Direction, Summary Summary);

/// <summary>
/// A subject's place in the ranking: <see cref="Position"/> in the order by rate, and the range of
/// ranks it could hold given the uncertainty: <see cref="BestRank"/> = 1 + the subjects whose interval
/// lies wholly above its interval; <see cref="WorstRank"/> = the ranked count − the subjects whose
/// interval lies wholly below. Two subjects are different only when their intervals do not overlap,
/// so a page prints "第1–3名" rather than a false exact order.
/// </summary>
public sealed record RankedSubject(int SubjectId, string Name, Rate Rate, int Position, int BestRank, int WorstRank)
{
    public bool IsExact => BestRank == WorstRank;

    public string Label => IsExact ? $"第{BestRank}名" : $"第{BestRank}–{WorstRank}名";
}
