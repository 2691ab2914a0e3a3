using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;

namespace Pingyi.Domain.Results;

/// <summary>
/// Everything the statistics of one campaign are computed from: the plan (groups, subjects,
/// items) and the counted answers, never the ballots themselves. The web tier loads it from the
/// running aggregates (docs/decisions/0014-result-aggregates.md), so both providers hand Domain
/// the same integers and get the same figures.
/// </summary>
public sealed record ResultInput(
    int CampaignId,
    int MinGroupSize,
    ResultSettings Settings,
    IReadOnlyList<GroupInfo> Groups,
    IReadOnlyList<SubjectInfo> Subjects,
    IReadOnlyList<ItemInfo> Items,
    IReadOnlyList<CellCount> Cells,
    IReadOnlyList<AnswerCount> Answers,
    long ExcludedBallots);

/// <summary>A rater group: its weight in percent (the campaign's add up to 100) and its 名额.</summary>
public sealed record GroupInfo(int Id, string Name, int Weight, int PlannedCount, bool IsLowerTrust, int Position);

/// <summary>An appraised organisation or member; <see cref="ParentOrganizationId"/> places a member or unit in the tree.</summary>
public sealed record SubjectInfo(int Id, string Name, int? OrganizationId, int? MemberId, int? ParentOrganizationId);

/// <summary>A form item as statistics need it; items of different versions share a <see cref="Key"/>.</summary>
public sealed record ItemInfo(int Id, string Key, string Text, ItemKind Kind, GradeScale Scale, int MaxScore, int Weight, int Position)
{
    /// <summary>Choice items: the options in order (option n is Options[n-1]); labels the distribution.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
}

/// <summary>
/// A (subject, rater group) cell: the ballots of the group's assignment that covers the subject
/// (the plan lets a group rate a subject in one assignment only, hence one direction per cell).
/// Excluded ballots are not in it.
/// </summary>
public sealed record CellCount(int SubjectId, int RaterGroupId, Direction Direction, long Ballots);

/// <summary>
/// How many valid answers in a cell carry one value for one item. Value as stored on BallotAnswer
/// (grade level 1 = best, score, option number, multiple-choice bit mask); for text items
/// Value is 0 and Count is the number of non-empty texts (opinions).
/// </summary>
public sealed record AnswerCount(int SubjectId, int RaterGroupId, int ItemId, int Value, long Count);
