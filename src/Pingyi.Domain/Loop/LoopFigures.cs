using Pingyi.Domain.Results;

namespace Pingyi.Domain.Loop;

/// <summary>One opinion as the loop figures see it.</summary>
/// <param name="MergedIntoId">The opinion it was merged into, whose reply answers it too.</param>
/// <param name="Replied">It has its own reply, or its problem has been replied to (反馈).</param>
public sealed record OpinionFact(Guid Id, OpinionSource Source, Guid? MergedIntoId, bool Replied, ReRating? ReRating);

/// <summary>One measure as the loop figures see it.</summary>
public sealed record MeasureFact(MeasureState State, DateOnly SetOn, DateOnly Deadline, DateOnly? VerifiedOn);

/// <summary>
/// The loop figures of a subtree (glossary "闭环指标"). Every figure without anything to count is
/// null — shown "—" — never 0% or NaN.
/// </summary>
public sealed record LoopFigureSet(
    int Opinions,
    IReadOnlyDictionary<OpinionSource, int> OpinionsBySource,
    int Problems,
    int Measures,
    IReadOnlyDictionary<MeasureState, int> MeasuresByState,
    int Overdue,
    Rate? ClosedOnTime,
    double? MedianDaysToClose,
    double? MedianWorkingDaysToClose,
    Rate? Replied,
    Rate? Satisfaction);

/// <summary>
/// Computes the loop figures: 收集意见建议, 查找问题, 整改措施, 逾期, 按期完成率, 整改用时中位数,
/// 答复率 and 整改满意率, from plain facts.
/// </summary>
public static class LoopFigures
{
    /// <summary>
    /// <list type="bullet">
    /// <item>收集意见建议: every opinion, merged duplicates included (merging keeps every original and its count), in total and by source.</item>
    /// <item>逾期: measures not verified whose deadline lies before <paramref name="today"/> (<see cref="MeasureStates.IsOverdue"/>).</item>
    /// <item>按期完成率: measures verified on or before their deadline ÷ measures whose time is up —
    /// those verified (on time or late) plus those overdue. A measure still within its deadline and
    /// not yet verified is not judged yet and counts in neither.</item>
    /// <item>Median days to close: over verified measures, calendar days from SetOn to VerifiedOn, and working
    /// days after SetOn up to and including VerifiedOn on <paramref name="calendar"/>; the mean of the two middle ones for an even count.</item>
    /// <item>答复率: opinions replied to — their own reply, their problem's reply, or the reply of the opinion
    /// they were merged into (its own or its problem's) — ÷ all opinions.</item>
    /// <item>整改满意率: (满意 + 基本满意) ÷ opinions re-rated, with the Wilson interval of <see cref="Rate"/>.</item>
    /// </list>
    /// </summary>
    public static LoopFigureSet Compute(
        IReadOnlyCollection<OpinionFact> opinions, int problems, IReadOnlyCollection<MeasureFact> measures,
        DateOnly today, WorkCalendar calendar)
    {
        var bySource = opinions.GroupBy(o => o.Source).ToDictionary(g => g.Key, g => g.Count());
        var byState = measures.GroupBy(m => m.State).ToDictionary(g => g.Key, g => g.Count());
        var overdue = measures.Count(m => MeasureStates.IsOverdue(m.State, m.Deadline, today));

        var verified = measures.Where(m => m.State == MeasureState.Verified && m.VerifiedOn is not null).ToList();
        var onTime = verified.Count(m => MeasureStates.ClosedOnTime(m.Deadline, m.VerifiedOn!.Value));
        var judged = verified.Count + overdue;

        var repliedIds = opinions.Where(o => o.Replied).Select(o => o.Id).ToHashSet();
        var replied = opinions.Count(o => o.Replied || (o.MergedIntoId is { } into && repliedIds.Contains(into)));
        var rated = opinions.Where(o => o.ReRating is not null).ToList();
        var satisfied = rated.Count(o => o.ReRating is ReRating.Satisfied or ReRating.BasicallySatisfied);

        return new LoopFigureSet(
            opinions.Count,
            bySource,
            problems,
            measures.Count,
            byState,
            overdue,
            RateOf(onTime, judged),
            Median(verified.Select(m => m.VerifiedOn!.Value.DayNumber - m.SetOn.DayNumber)),
            Median(verified.Select(m => calendar.WorkingDaysBetween(m.SetOn, m.VerifiedOn!.Value))),
            RateOf(replied, opinions.Count),
            RateOf(satisfied, rated.Count));
    }

    public static double? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    private static Rate? RateOf(int numerator, int n) => n > 0 ? new Rate(numerator, n) : null;
}
