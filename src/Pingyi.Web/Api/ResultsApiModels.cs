using System.Text.Json.Serialization;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;

namespace Pingyi.Web.Api;

// The results API's own shapes: stable field names, percents with one decimal, and every figure
// that is suppressed null with the reason beside it. Built only from ResultBlock, which holds no
// figures when hidden, so a hidden number has nothing to be serialised from.

/// <summary>
/// A rate: <c>percent</c> (one decimal, half away from zero, exact on the integers), the counts
/// it rests on, and the 95% Wilson interval as percents.
/// </summary>
public sealed record RateDto(decimal Percent, string Text, long Numerator, long N, decimal Low, decimal High, string Interval);

/// <summary>A mean of several rates (an average over subjects, a weighted composite), in percent with one decimal.</summary>
public sealed record PercentDto(decimal Percent, string Text);

public sealed record SubjectRateDto(int SubjectId, string Name, RateDto Rate);

/// <summary>
/// "最高…最低…平均…": over the <c>subjectsShown</c> subjects whose rate is shown; <c>pooled</c> is the
/// rate over all their answers together (null with <c>pooledSuppressed</c> when it could reveal a hidden cell).
/// </summary>
public sealed record SummaryDto(int Subjects, int SubjectsShown, SubjectRateDto? Highest, SubjectRateDto? Lowest,
    PercentDto? Average, RateDto? Pooled, long? PooledBallots, string? PooledSuppressed);

public sealed record GroupDto(int Id, string Name, int Weight, int PlannedCount, bool LowerTrust, string? Label);

public sealed record GroupColumnDto(GroupDto Group, SummaryDto Summary);

public sealed record DirectionColumnDto(
    [property: JsonConverter(typeof(JsonStringEnumConverter<Direction>))] Direction Direction, string DirectionName, SummaryDto Summary);

/// <summary>A subject's place: "第1–3名" when its interval overlaps others'.</summary>
public sealed record RankDto(int Position, int Best, int Worst, string Label);

/// <summary>One (subject, rater group) cell; <c>ballots</c>, <c>rate</c> and <c>strictRate</c> are null when <c>suppressed</c>.</summary>
public sealed record CellDto(int GroupId, string GroupName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Direction>))] Direction Direction,
    bool LowerTrust, long? Ballots, RateDto? Rate, RateDto? StrictRate, string? Suppressed);

public sealed record SubjectRowDto(int Id, string Name, int? OrganizationId, int? MemberId,
    long? Ballots, RateDto? Rate, RateDto? StrictRate, string? Suppressed, PercentDto? Composite, RankDto? Rank,
    IReadOnlyList<CellDto> Groups);

/// <summary>GET /api/campaigns/{id}/results.</summary>
public sealed record CampaignResultsDto(int CampaignId, string CampaignName, int K, long ExcludedBallots, string RateUsed,
    int? GroupFilter, SummaryDto Summary, IReadOnlyList<GroupColumnDto> Groups, IReadOnlyList<GroupColumnDto> LowerTrustGroups,
    IReadOnlyList<DirectionColumnDto> Directions, IReadOnlyList<SubjectRowDto> Subjects);

public sealed record LevelDto(int Value, string Label, long Count);

public sealed record OptionDto(int Option, string Label, long Count);

public sealed record ScoreDto(long N, double? Mean, int MaxScore);

public sealed record ItemDto(int ItemId, string Key, string Text,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ItemKind>))] ItemKind Kind,
    RateDto? Rate, RateDto? StrictRate, IReadOnlyList<LevelDto> Levels, ScoreDto? Score, IReadOnlyList<OptionDto> Options, long Opinions);

/// <summary>A set of cells' figures; everything but <c>suppressed</c> is null or empty when it is hidden.</summary>
public sealed record BlockDto(long? Ballots, RateDto? Rate, RateDto? StrictRate, double? WeightedScore, long? Opinions,
    IReadOnlyList<ItemDto> Items, string? Suppressed);

public sealed record GroupBlockDto(int GroupId, string GroupName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Direction>))] Direction Direction,
    bool LowerTrust, BlockDto Figures);

public sealed record DirectionBlockDto(
    [property: JsonConverter(typeof(JsonStringEnumConverter<Direction>))] Direction Direction, string DirectionName, BlockDto Figures);

public sealed record CompositePartDto(int GroupId, int Weight, double NormalisedWeight, RateDto Rate);

public sealed record CompositeDto(PercentDto? Value, IReadOnlyList<CompositePartDto> Parts);

/// <summary>GET /api/campaigns/{id}/results/subjects/{subjectId}.</summary>
public sealed record SubjectResultsDto(int CampaignId, int K, int SubjectId, string Name, int? GroupFilter,
    BlockDto Overall, CompositeDto Composite, RankDto? Rank, IReadOnlyList<GroupBlockDto> Groups, IReadOnlyList<DirectionBlockDto> Directions);
