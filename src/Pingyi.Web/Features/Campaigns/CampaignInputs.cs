using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Organizations;

namespace Pingyi.Web.Features.Campaigns;

public sealed record CampaignInput(int OrganizationId, string? Name, int Year, string? Theme, DateOnly StartsOn, DateOnly EndsOn, int MinGroupSize);

public sealed record RaterGroupInput(RaterGroupKind Kind, string? Name, int PlannedCount, int Weight);

/// <summary>
/// The subjects an assignment covers: those picked one by one, plus every organisation subject
/// of a unit type and every member subject when asked, resolved on the server so a long list
/// need not be ticked by hand.
/// </summary>
public sealed record SubjectSelection(IReadOnlyCollection<int> SubjectIds, UnitType? UnitType = null, bool AllMembers = false);

public sealed record AssignmentInput(int RaterGroupId, Direction Direction, int? FormId, SubjectSelection Subjects);

/// <summary>A campaign with its whole plan, as one request of the API creates it.</summary>
public sealed record CampaignPlanInput(
    CampaignInput Details,
    IReadOnlyList<int> OrganizationIds,
    IReadOnlyList<int> MemberIds,
    IReadOnlyList<RaterGroupInput> Groups,
    IReadOnlyList<PlannedAssignment> Assignments);

/// <summary>An assignment of a new plan: its group by index in the request, its subjects by organisation or member id.</summary>
public sealed record PlannedAssignment(int GroupIndex, Direction Direction, int? FormId, IReadOnlyList<int> OrganizationIds, IReadOnlyList<int> MemberIds);

/// <summary>The outcome of creating a whole plan: refusals keyed by the request field they concern.</summary>
public sealed record PlanResult(IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false, int? Id = null)
{
    public bool Succeeded => Errors.Count == 0 && !NotFound;
}
