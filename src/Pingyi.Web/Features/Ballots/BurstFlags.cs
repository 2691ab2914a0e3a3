using Pingyi.Domain.Ballots;
using Pingyi.Domain.Results;

namespace Pingyi.Web.Features.Ballots;

/// <summary>
/// One batch's use of the process's <see cref="BurstDetector"/>: each admitted ballot is observed
/// under its source (a code batch or a standing channel, per assignment, since ballots of different
/// assignments differ by design), and the ballots a burst reaches are collected — flagged in memory
/// when they are still in this batch, by an update when an earlier batch stored them.
/// </summary>
internal sealed class BurstFlags(BurstDetector detector)
{
    private readonly HashSet<Guid> _flag = [];

    public void Observe(string source, IEnumerable<Ballot> ballots, DateTime utc)
    {
        foreach (var ballot in ballots)
        {
            var verdict = detector.Observe(source + "/" + ballot.AssignmentId, SuspiciousBallots.ContentHash(ballot.Answers), utc, ballot.Id);
            if (verdict.IsBurst)
            {
                _flag.Add(ballot.Id);
                _flag.UnionWith(verdict.AlsoFlag);
            }
        }
    }

    /// <summary>Flags the burst's ballots that are in this batch, before they are inserted.</summary>
    public void MarkInBatch(IEnumerable<Ballot> batch)
    {
        foreach (var ballot in batch.Where(b => _flag.Contains(b.Id)))
        {
            ballot.Flags |= BallotFlags.Burst;
        }
    }

    /// <summary>The burst's ballots stored by earlier batches.</summary>
    public IReadOnlyCollection<Guid> Stored(IEnumerable<Ballot> batch)
    {
        var inBatch = batch.Select(b => b.Id).ToHashSet();
        return _flag.Where(id => !inBatch.Contains(id)).ToList();
    }
}
