namespace Pingyi.Domain.Results;

/// <summary>Orders subjects by 满意率 without claiming differences the data cannot support.</summary>
public static class Rankings
{
    /// <summary>
    /// Subjects whose overall rate is shown, best first (ties: more answers first, then the plan's
    /// order), each with the range of ranks it could hold: a subject is placed above another only
    /// when their 95% Wilson intervals do not overlap. A range rather than tier numbers because
    /// overlap is not transitive (A overlaps B, B overlaps C, A above C): tiers would have to either
    /// split overlapping subjects or merge distinguishable ones, whereas a range states exactly
    /// which subjects it is known to beat and to trail.
    /// </summary>
    public static IReadOnlyList<RankedSubject> Rank(IEnumerable<SubjectResult> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var rated = subjects
            .Where(s => s.Overall.Rate is not null)
            .Select(s => (s.Subject, Rate: s.Overall.Rate!.Value, Interval: s.Overall.Rate!.Value.Interval!.Value))
            .OrderByDescending(s => s.Rate.Value).ThenByDescending(s => s.Rate.N)
            .ToList();
        return [.. rated.Select((s, index) =>
        {
            var mine = s.Interval;
            var above = rated.Count(o => o.Interval.Low > mine.High);
            var below = rated.Count(o => o.Interval.High < mine.Low);
            return new RankedSubject(s.Subject.Id, s.Subject.Name, s.Rate, index + 1, above + 1, rated.Count - below);
        })];
    }
}
