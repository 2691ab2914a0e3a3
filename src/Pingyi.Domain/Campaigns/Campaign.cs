using Pingyi.Domain.Forms;
using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Campaigns;

/// <summary>
/// 评议活动: one appraisal round. Its plan says who is appraised (subjects), by whom (rater
/// groups, each with a quota and a weight) and how (assignments: a group rates some subjects in
/// a direction with a form version).
/// </summary>
public class Campaign
{
    public const int NameMaxLength = 100;
    public const int ThemeMaxLength = 200;
    public const int DefaultMinGroupSize = 5;
    public const int MinGroupSizeFloor = 3;
    public const int MinGroupSizeCeiling = 100;

    public int Id { get; set; }

    /// <summary>The organisation that runs the campaign; every subject lies in its subtree.</summary>
    public int OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public string Name { get; set; } = "";

    public int Year { get; set; }

    /// <summary>主题, e.g. 敬业奉献、服务群众健康.</summary>
    public string? Theme { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>k: no figure is shown for a (subject, rater group) cell with fewer ballots.</summary>
    public int MinGroupSize { get; set; } = DefaultMinGroupSize;

    public CampaignState State { get; set; } = CampaignState.Draft;

    /// <summary>Thresholds for proposed grades and flags.</summary>
    public Results.ResultSettings ResultSettings { get; set; } = new();

    public DateTime CreatedUtc { get; set; }

    public DateTime? OpenedUtc { get; set; }

    public DateTime? ClosedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public DateTime? ArchivedUtc { get; set; }

    public List<CampaignSubject> Subjects { get; set; } = [];

    public List<RaterGroup> RaterGroups { get; set; } = [];

    public List<Assignment> Assignments { get; set; } = [];
}

public enum CampaignState
{
    Draft = 1,
    Open = 2,
    Closed = 3,
    Published = 4,
    Archived = 5,
}

/// <summary>评议对象: an organisation or a member appraised in a campaign (exactly one of the two).</summary>
public class CampaignSubject
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public int? MemberId { get; set; }

    public Member? Member { get; set; }

    public bool IsMember => MemberId is not null;
}

/// <summary>评议人类别: who rates, how many are planned (名额) and how much their voice weighs.</summary>
public class RaterGroup
{
    public const int NameMaxLength = 50;
    public const int MaxPlannedCount = 1_000_000;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    public RaterGroupKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>名额: how many raters of this group are planned.</summary>
    public int PlannedCount { get; set; }

    /// <summary>权重 in percent; the weights of a campaign's groups add up to 100.</summary>
    public int Weight { get; set; }

    public int Position { get; set; }

    /// <summary>
    /// Ballots of a standing QR channel come from whoever scans it, held back only per device and
    /// address, not by a single-use code: statistics show them apart and mark them lower-trust.
    /// </summary>
    public bool IsLowerTrust => Kind == RaterGroupKind.StandingChannel;
}

public enum RaterGroupKind
{
    ServiceRecipient = 1,
    StaffRepresentative = 2,
    PartyMember = 3,
    NpcDeputy = 4,
    CppccMember = 5,
    NonPartyPerson = 6,
    RetiredCadre = 7,
    GrassrootsRepresentative = 8,
    SuperiorOrganization = 9,

    /// <summary>平时评议: anyone scanning a standing QR code; no personal code, so lower trust (see <see cref="RaterGroup.IsLowerTrust"/>).</summary>
    StandingChannel = 10,
    Custom = 99,
}

/// <summary>评议方向.</summary>
public enum Direction
{
    TopDown = 1,
    BottomUp = 2,
    Peer = 3,
    OrganizationRatesMembers = 4,
    MembersRateOrganization = 5,
    ServiceRecipients = 6,
    Self = 7,
}

/// <summary>评议安排: one rater group rates some subjects in one direction with one form version.</summary>
public class Assignment
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int RaterGroupId { get; set; }

    public RaterGroup? RaterGroup { get; set; }

    public Direction Direction { get; set; }

    public int? FormVersionId { get; set; }

    public FormVersion? FormVersion { get; set; }

    public List<CampaignSubject> Subjects { get; set; } = [];
}
