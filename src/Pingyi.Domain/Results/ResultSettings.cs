namespace Pingyi.Domain.Results;

/// <summary>
/// A campaign's thresholds for proposals; stored with the campaign and editable by its
/// administrators. Rates are in percent (0–100).
/// <list type="bullet">
/// <item>软弱涣散 is proposed for an organisation whose 满意率 is below <see cref="WeakBelowPercent"/>,
/// or about which at least <see cref="WeakOpinionsAtLeast"/> opinions were raised.</item>
/// <item>先进典型 is proposed when the lower end of its 95% interval lies above the campaign's average.</item>
/// <item>民主评议党员: 不合格 below <see cref="FailBelowPercent"/> approval, 基本合格 below
/// <see cref="BasicBelowPercent"/>, 优秀 from <see cref="ExcellentAtPercent"/> top-level votes, else 合格.</item>
/// </list>
/// </summary>
public sealed record ResultSettings
{
    public int WeakBelowPercent { get; init; } = 80;

    public int WeakOpinionsAtLeast { get; init; } = 10;

    public int ExcellentAtPercent { get; init; } = 50;

    public int BasicBelowPercent { get; init; } = 70;

    public int FailBelowPercent { get; init; } = 50;

    public static readonly ResultSettings Default = new();
}
