namespace Pingyi.Domain.Results;

/// <summary>
/// An administrator's decision on a flag: an organisation confirmed (or dismissed) as 软弱涣散 or
/// 先进典型 in a campaign, with the evidence as shown when deciding. Proposals themselves are
/// computed from the results (FlagRules); only decisions are stored. A confirmed 软弱涣散 flag is
/// what a correction plan (限期改正, Step 6) starts from.
/// </summary>
public class OrganizationFlag
{
    public const int EvidenceMaxLength = 1000;
    public const int ReasonMaxLength = 500;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    public int OrganizationId { get; set; }

    public OrganizationFlagKind Kind { get; set; }

    public OrganizationFlagState State { get; set; }

    /// <summary>True when set by hand rather than from a proposal.</summary>
    public bool IsManual { get; set; }

    public string Evidence { get; set; } = "";

    public string? Reason { get; set; }

    public string DecidedBy { get; set; } = "";

    public DateTime DecidedUtc { get; set; }
}

public enum OrganizationFlagKind
{
    /// <summary>软弱涣散.</summary>
    Weak = 1,

    /// <summary>先进典型.</summary>
    Model = 2,
}

public enum OrganizationFlagState
{
    Confirmed = 1,
    Dismissed = 2,
}
