using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results.Charts;

namespace Pingyi.Web.Features.Results;

/// <summary>
/// How result pages print and chart a <see cref="ResultBlock"/>: the rate and its interval when
/// shown, else "—（少于5份）" / "—（防推算）" and a chart bar without a number. Pages go through
/// these helpers only, so a hidden figure has no path onto a page.
/// </summary>
public static class ResultDisplay
{
    /// <summary>Which rate the pages use, printed beside the figures.</summary>
    public const string RateDefinition =
        "满意率 =（满意 + 基本满意，五级量表另加非常满意）÷ 有效回答；严格满意率只计满意（五级量表另加非常满意）。";

    public const string NoAnswers = "无评价";

    /// <summary>"95.5%", "—（少于5份）", "—（防推算）", or "—" when shown without grade answers.</summary>
    public static string Rate(ResultBlock block, int k) => Hidden(block, k) ?? Rate(block.Rate);

    /// <summary>"93.1%–97.2%", or "—" when hidden or unanswered.</summary>
    public static string Interval(ResultBlock block) => RateFormat.Interval(block.Rate?.Interval);

    /// <summary>The strict rate of a shown block, or the hidden note.</summary>
    public static string Strict(ResultBlock block, int k) =>
        Hidden(block, k) ?? (block.Figures!.Strict.N > 0 ? block.Figures.Strict.ToString() : RateFormat.None);

    /// <summary>Ballots behind a shown block; nothing for a hidden one, whose size is itself protected.</summary>
    public static string Ballots(ResultBlock block) => block.IsShown ? $"{block.Figures!.Ballots}" : RateFormat.None;

    public static string Rate(Rate? rate) => rate is { } r ? r.ToString() : RateFormat.None;

    /// <summary>The hidden note "—（少于5份）" for a suppressed block, else null.</summary>
    public static string? Hidden(ResultBlock block, int k) =>
        block.IsShown ? null : $"{RateFormat.None}（{SuppressionLabels.Of(block.Reason, k)}）";

    /// <summary>A block as a chart bar: the rate with its interval, or an empty outline saying why there is none.</summary>
    public static ChartRate Chart(ResultBlock block, int k) =>
        block.IsShown
            ? block.Rate is { } rate ? Chart(rate) : ChartRate.Suppressed(NoAnswers)
            : ChartRate.Suppressed(SuppressionLabels.Of(block.Reason, k));

    /// <summary>A rate with answers (N &gt; 0) as a bar with its Wilson interval, labelled as the tables print it.</summary>
    public static ChartRate Chart(Rate rate)
    {
        var interval = rate.Interval!.Value;
        return ChartRate.Shown(rate.Value!.Value * 100, interval.Low * 100, interval.High * 100, rate.ToString());
    }
}
