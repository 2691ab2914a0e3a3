namespace Pingyi.Domain.Results;

public enum FlagKind
{
    /// <summary>软弱涣散: proposed for 限期改正.</summary>
    Weak = 1,

    /// <summary>先进典型: proposed for recognition.</summary>
    Model = 2,
}

/// <summary>A proposed flag for an organisation subject, with its evidence in Chinese, numbers included.</summary>
public sealed record FlagProposal(int SubjectId, string Name, FlagKind Kind, IReadOnlyList<string> Evidence);

/// <summary>A rate of the same organisation in an earlier campaign.</summary>
public sealed record PastRate(string CampaignName, int Year, Rate Rate);

public enum Trend
{
    Up = 1,
    Down = 2,
    NoSignificantChange = 3,
}

/// <summary>This campaign's rate against one earlier campaign's: up or down only when the intervals do not overlap.</summary>
public sealed record YearComparison(PastRate Past, Rate Current, Trend Trend, string Evidence);

/// <summary>Proposals of 软弱涣散 and 先进典型, and the year-on-year comparison; the thresholds are in <see cref="ResultSettings"/>.</summary>
public static class FlagRules
{
    public static readonly IReadOnlyDictionary<FlagKind, string> Labels = new Dictionary<FlagKind, string>
    {
        [FlagKind.Weak] = "软弱涣散",
        [FlagKind.Model] = "先进典型",
    };

    public static readonly IReadOnlyDictionary<Trend, string> TrendLabels = new Dictionary<Trend, string>
    {
        [Trend.Up] = "上升",
        [Trend.Down] = "下降",
        [Trend.NoSignificantChange] = "无显著变化",
    };

    /// <summary>
    /// For each organisation subject whose overall figures are shown: 软弱涣散 when its 满意率 is
    /// below WeakBelowPercent or its opinions reach WeakOpinionsAtLeast; 先进典型 when the lower end
    /// of its 95% interval lies above the campaign's average 满意率 (the summary's unweighted mean),
    /// i.e. it is significantly above the average, not merely above it. Suppressed subjects are
    /// never flagged: the evidence would print the hidden figure.
    /// </summary>
    public static IReadOnlyList<FlagProposal> Propose(CampaignResult result, ResultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(settings);
        var proposals = new List<FlagProposal>();
        var average = result.Summary.Average;
        foreach (var s in result.Subjects.Where(s => s.Subject.OrganizationId is not null && s.Overall.IsShown))
        {
            var f = s.Overall.Figures!;
            var weak = new List<string>();
            if (f.Rate.N > 0 && f.Rate.Numerator * 100 < (long)settings.WeakBelowPercent * f.Rate.N)
            {
                weak.Add($"{RateFormat.WithInterval("满意率", f.Rate)}，低于{settings.WeakBelowPercent}%");
            }
            if (settings.WeakOpinionsAtLeast > 0 && f.Opinions >= settings.WeakOpinionsAtLeast)
            {
                weak.Add($"收到意见建议{f.Opinions}条，达到{settings.WeakOpinionsAtLeast}条");
            }
            if (weak.Count > 0)
            {
                proposals.Add(new(s.Subject.Id, s.Subject.Name, FlagKind.Weak, weak));
            }
            if (average is { } avg && f.Rate.Interval is { } i && i.Low > avg)
            {
                proposals.Add(new(s.Subject.Id, s.Subject.Name, FlagKind.Model,
                    [$"{RateFormat.WithInterval("满意率", f.Rate)}，区间下限高于本次平均满意率{RateFormat.Percent(avg)}"]));
            }
        }
        return proposals;
    }

    /// <summary>
    /// Compares <paramref name="current"/> with each earlier campaign's rate: 上升 / 下降 when the two
    /// 95% intervals do not overlap, else 无显著变化 (as with rankings, overlap means "not shown to differ").
    /// Ordered by year, most recent first.
    /// </summary>
    public static IReadOnlyList<YearComparison> CompareYears(Rate current, IReadOnlyList<PastRate> past)
    {
        ArgumentNullException.ThrowIfNull(past);
        var comparisons = new List<YearComparison>();
        foreach (var p in past.Where(p => p.Rate.N > 0).OrderByDescending(p => p.Year))
        {
            var trend = Trend.NoSignificantChange;
            if (current.Interval is { } now && p.Rate.Interval is { } then && !now.Overlaps(then))
            {
                trend = now.Low > then.High ? Trend.Up : Trend.Down;
            }
            var evidence = $"本次{RateFormat.WithInterval("满意率", current)}，{p.Year}年“{p.CampaignName}”{RateFormat.WithInterval("满意率", p.Rate)}：{TrendLabels[trend]}";
            comparisons.Add(new(p, current, trend, evidence));
        }
        return comparisons;
    }
}
