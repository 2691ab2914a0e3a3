using Pingyi.Domain.Ballots;

namespace Pingyi.Web.Features.Ballots;

/// <summary>
/// One rater's submission: what admits them and the ballots (one per assignment of their rater
/// group) with their answers, ids, date, channel and receipt hash already set. Exactly one of
/// <see cref="TokenId"/> (a 评议码, consumed) and <see cref="StandingChannelId"/> (a standing QR,
/// which must be active; repeat voting is held back before the writer) admits the rater.
/// </summary>
public sealed record BallotSubmission(long? TokenId, int CampaignId, IReadOnlyList<Ballot> Ballots)
{
    public int? StandingChannelId { get; init; }
}

public enum SubmitOutcome
{
    /// <summary>Durably committed before this answer was given.</summary>
    Stored = 1,

    /// <summary>The token was used (or voided) already, or the standing channel is switched off; nothing stored.</summary>
    AlreadyUsed = 2,

    /// <summary>The campaign no longer accepts ballots; nothing stored.</summary>
    Closed = 3,
}

/// <summary>
/// Stores submissions exactly once: in one transaction, a conditional update must move exactly
/// one unused token of an open campaign to used (or, for a standing channel, count the ballot on
/// an active channel of an open campaign), and only then are the ballots inserted.
/// The reply is given only after the commit.
/// </summary>
public interface IBallotWriter
{
    Task<SubmitOutcome> SubmitAsync(BallotSubmission submission, CancellationToken cancellationToken = default);
}
