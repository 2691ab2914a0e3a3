namespace Pingyi.Domain.Results;

/// <summary>
/// An administrator's decision to leave some flagged ballots out of the results, with the reason.
/// Excluded ballots point to it; the audit row names the exclusion, never a ballot, so nothing in
/// the audit trail can be joined to a ballot.
/// </summary>
public class BallotExclusion
{
    public const int ReasonMaxLength = 500;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    public string Reason { get; set; } = "";

    public int BallotCount { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set when the exclusion was withdrawn: its ballots count again.</summary>
    public DateTime? WithdrawnUtc { get; set; }
}

/// <summary>Why a ballot looks suspicious; set as it arrives, a flag never removes a ballot by itself.</summary>
[Flags]
public enum BallotFlags
{
    None = 0,

    /// <summary>Every answer the same (straight-lining).</summary>
    StraightLine = 1,

    /// <summary>One of a burst of identical ballots from one standing QR or one code batch.</summary>
    Burst = 2,
}
