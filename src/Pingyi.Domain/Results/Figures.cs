namespace Pingyi.Domain.Results;

/// <summary>Why a figure is not shown.</summary>
public enum SuppressionReason
{
    /// <summary>Shown (possibly empty: a cell without ballots shows "0份" and no rate).</summary>
    None = 0,

    /// <summary>Primary: the cell has fewer than k ballots (少于k份).</summary>
    TooFewBallots = 1,

    /// <summary>Secondary: hidden so that no shown total minus shown cells recovers a hidden cell (防推算).</summary>
    Complementary = 2,
}

public static class SuppressionLabels
{
    /// <summary>The text shown in place of a hidden figure: "少于5份" or "防推算".</summary>
    public static string Of(SuppressionReason reason, int k) => reason switch
    {
        SuppressionReason.TooFewBallots => $"少于{k}份",
        SuppressionReason.Complementary => "防推算",
        _ => "",
    };

    /// <summary>A sentence for the footnote of a page or export.</summary>
    public static string Explain(SuppressionReason reason, int k) => reason switch
    {
        SuppressionReason.TooFewBallots => $"该格不足{k}份测评票，不显示结果，以保护评议人。",
        SuppressionReason.Complementary => "为防止由合计与其他格推算出被隐藏的结果，该项不显示。",
        _ => "",
    };
}

/// <summary>How many valid answers chose one grade level.</summary>
public sealed record LevelCount(int Value, string Label, long Count);

/// <summary>How many valid answers ticked one option (multiple-choice masks are expanded per option).</summary>
public sealed record OptionCount(int Option, string Label, long Count);

/// <summary>
/// Mean of a score item: Σ scores ÷ valid answers, also as a percent of <see cref="MaxScore"/> so
/// items of different ranges can be weighted together.
/// </summary>
public sealed record ScoreMean(long N, long Sum, int MaxScore)
{
    public double? Mean => N > 0 ? (double)Sum / N : null;

    /// <summary>Mean ÷ MaxScore × 100.</summary>
    public double? Percent => N > 0 && MaxScore > 0 ? 100.0 * Sum / N / MaxScore : null;
}

/// <summary>
/// The figures of one item over a set of cells. For grade items <see cref="Rate"/> (满意率) and
/// <see cref="Strict"/> over the item's valid answers and the count per level; for score items the
/// mean; for choice items the count per option; for text items the number of opinions.
/// </summary>
public sealed record ItemFigures(
    ItemInfo Item,
    Rate Rate,
    Rate Strict,
    IReadOnlyList<LevelCount> Levels,
    ScoreMean? Score,
    IReadOnlyList<OptionCount> Options,
    long Opinions);

/// <summary>
/// The figures of a set of cells (one cell, a subject's total, a group's column …).
/// <see cref="Rate"/> is the overall 满意率: pooled over all grade answers of all grade items (the
/// glossary's "Overall 满意率 of a subject"); <see cref="Strict"/> likewise. <see cref="WeightedScore"/>
/// is the form's weighted score when score items carry weights: Σ weight(item) × mean%(item) ÷
/// Σ weight(item) over score items with answers, on 0..100. <see cref="Opinions"/> counts non-empty texts.
/// </summary>
public sealed record Figures(
    long Ballots,
    Rate Rate,
    Rate Strict,
    double? WeightedScore,
    long Opinions,
    IReadOnlyList<ItemFigures> Items)
{
    public ItemFigures? Item(int itemId) => Items.FirstOrDefault(i => i.Item.Id == itemId);
}

/// <summary>
/// A figure as a page may print it: <see cref="Figures"/> when shown, else null and the
/// <see cref="Reason"/>. Pages, API and exports read figures only through this, so a suppressed
/// figure cannot leak by forgetting a check.
/// </summary>
public sealed record ResultBlock(SuppressionReason Reason, Figures? Figures)
{
    public bool IsShown => Reason == SuppressionReason.None && Figures is not null;

    /// <summary>The 满意率 when shown and answered, else null.</summary>
    public Rate? Rate => IsShown && Figures!.Rate.N > 0 ? Figures.Rate : null;

    public static ResultBlock Hidden(SuppressionReason reason) => new(reason, null);
}
