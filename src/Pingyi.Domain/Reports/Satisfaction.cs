using Pingyi.Domain.Results;

namespace Pingyi.Domain.Reports;

/// <summary>
/// Overall satisfaction of a report: highest, lowest and average over the shown subject rates (as
/// <see cref="Summary"/> takes them for one campaign), and the pooled rate beside them.
/// </summary>
public sealed record Satisfaction(int Subjects, int SubjectsShown, SubjectRate? Highest, SubjectRate? Lowest, double? Average, Rate? Pooled)
{
    public static readonly Satisfaction Empty = new(0, 0, null, null, null, null);

    /// <summary>
    /// One campaign's, or a year's over several: the highest / lowest / average over every shown
    /// subject rate of all of them (the same tie order as the results pages: the rate resting on
    /// more answers first), pooled as Σ numerators ÷ Σ N of the shown pooled rates. Nothing shown:
    /// null, printed "—".
    /// </summary>
    public static Satisfaction Of(int subjects, IReadOnlyCollection<SubjectRate> shown, IEnumerable<Rate> pooled)
    {
        var ordered = shown.Where(r => r.Rate.N > 0).OrderByDescending(r => r.Rate.Value).ThenByDescending(r => r.Rate.N).ToList();
        var total = pooled.Where(r => r.N > 0).Aggregate(Rate.Empty, (a, r) => a.Add(r));
        return new Satisfaction(subjects, ordered.Count, ordered.FirstOrDefault(), ordered.LastOrDefault(),
            ordered.Count == 0 ? null : ordered.Average(r => r.Rate.Value!.Value), total.N > 0 ? total : null);
    }
}
