namespace Pingyi.Domain.Meetings;

/// <summary>
/// 平时评议: an always-open QR code posted at a service window, ward or unit. Anyone who scans it
/// may rate, without a personal code, so its ballots form their own lower-trust rater group
/// (<see cref="Campaigns.RaterGroupKind.StandingChannel"/>) and repeat voting is held back per
/// device per day and per client address instead of by a token.
/// </summary>
public class StandingChannel
{
    public const int NameMaxLength = 50;
    public const int CodeLength = 26;
    public const int DefaultDailyLimit = 1;
    public const int MaxDailyLimit = 20;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>A rater group of kind StandingChannel in the campaign: decides the forms and subjects.</summary>
    public int RaterGroupId { get; set; }

    /// <summary>Where the code is posted: decides which administrators see the channel.</summary>
    public int OrganizationId { get; set; }

    /// <summary>The place as raters see it, e.g. 门诊大厅.</summary>
    public string Name { get; set; } = "";

    /// <summary>The public code in the QR link: random, unguessable, stored as is because it is printed on the wall.</summary>
    public string Code { get; set; } = "";

    public bool Active { get; set; } = true;

    /// <summary>Ballots one device may leave per day (default one).</summary>
    public int DailyLimit { get; set; } = DefaultDailyLimit;

    /// <summary>Ballots received, counted in the writer's transaction; no ballot points back to its channel.</summary>
    public int BallotCount { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
