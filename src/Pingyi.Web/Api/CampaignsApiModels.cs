using System.Text.Json.Serialization;
using Pingyi.Domain.Campaigns;

namespace Pingyi.Web.Api;

public sealed record CampaignSummaryDto(int Id, string Name, int Year, int OrganizationId, string OrganizationName,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CampaignState>))] CampaignState State, string StateName,
    DateOnly StartsOn, DateOnly EndsOn, int SubjectCount, int GroupCount);

public sealed record CampaignDto(int Id, string Name, int Year, string? Theme, int OrganizationId, string OrganizationName,
    DateOnly StartsOn, DateOnly EndsOn, int MinGroupSize,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CampaignState>))] CampaignState State, string StateName,
    bool AcceptsBallots, List<string> NextStates,
    DateTime CreatedUtc, DateTime? OpenedUtc, DateTime? ClosedUtc, DateTime? PublishedUtc, DateTime? ArchivedUtc,
    List<CampaignSubjectDto> Subjects, List<RaterGroupDto> Groups, List<AssignmentDto> Assignments, List<PlanIssueDto> Issues);

public sealed record CampaignSubjectDto(int Id, int? OrganizationId, int? MemberId, string Name, bool IsMember);

public sealed record RaterGroupDto(int Id,
    [property: JsonConverter(typeof(JsonStringEnumConverter<RaterGroupKind>))] RaterGroupKind Kind, string KindName,
    string Name, int PlannedCount, int Weight);

public sealed record AssignmentDto(int Id, int RaterGroupId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Direction>))] Direction Direction, string DirectionName,
    int? FormId, int? FormVersionId, int? FormVersionNumber, string? FormTitle, List<int> SubjectIds);

public sealed record PlanIssueDto(string Message, bool Blocking);

/// <summary>
/// A new campaign with its whole plan. Dates are "yyyy-MM-dd"; kinds, directions and states are
/// the English names listed in the endpoint's description.
/// </summary>
public sealed record CreateCampaignRequest(int OrganizationId, string? Name, int Year, string? Theme, string? StartsOn, string? EndsOn,
    int? MinGroupSize, CampaignSubjectsRequest? Subjects, List<RaterGroupRequest>? Groups, List<AssignmentRequest>? Assignments);

public sealed record CampaignSubjectsRequest(List<int>? OrganizationIds, List<int>? MemberIds);

public sealed record RaterGroupRequest(string? Kind, string? Name, int PlannedCount, int Weight);

/// <summary>One assignment: <c>GroupIndex</c> is the 0-based position of its rater group in the request's <c>Groups</c>.</summary>
public sealed record AssignmentRequest(int GroupIndex, string? Direction, int? FormId, List<int>? OrganizationIds, List<int>? MemberIds);

public sealed record CampaignStateRequest(string? State);

public sealed record ExtendCampaignRequest(string? EndsOn);
