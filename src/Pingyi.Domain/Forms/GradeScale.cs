namespace Pingyi.Domain.Forms;

/// <summary>评价等级: the levels a grade item offers.</summary>
public enum GradeScale
{
    None = 0,

    /// <summary>满意 / 基本满意 / 不满意.</summary>
    Satisfaction3 = 3,

    /// <summary>The 好差评 scale: 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意.</summary>
    Satisfaction5 = 5,

    /// <summary>民主评议党员: 优秀 / 合格 / 基本合格 / 不合格.</summary>
    MemberGrade4 = 4,
}

/// <summary>
/// One level of a scale. Answers store <see cref="Value"/> (1 is the best level).
/// <see cref="Satisfied"/> counts toward 满意率 and <see cref="StrictlySatisfied"/> toward the strict
/// rate, as the glossary defines them: 满意 + 基本满意 (+ 非常满意) and 满意 (+ 非常满意).
/// </summary>
public sealed record GradeLevel(int Value, string Label, bool Satisfied, bool StrictlySatisfied);

public static class GradeScales
{
    private static readonly IReadOnlyDictionary<GradeScale, IReadOnlyList<GradeLevel>> Levels =
        new Dictionary<GradeScale, IReadOnlyList<GradeLevel>>
        {
            [GradeScale.Satisfaction3] =
            [
                new(1, "满意", true, true),
                new(2, "基本满意", true, false),
                new(3, "不满意", false, false),
            ],
            [GradeScale.Satisfaction5] =
            [
                new(1, "非常满意", true, true),
                new(2, "满意", true, true),
                new(3, "基本满意", true, false),
                new(4, "不满意", false, false),
                new(5, "非常不满意", false, false),
            ],
            // Member grades are decided by the branch, not counted as satisfaction; 合格 and above
            // are "satisfied" only so that a member form can still report an approval share.
            [GradeScale.MemberGrade4] =
            [
                new(1, "优秀", true, true),
                new(2, "合格", true, false),
                new(3, "基本合格", false, false),
                new(4, "不合格", false, false),
            ],
        };

    public static readonly IReadOnlyDictionary<GradeScale, string> Names = new Dictionary<GradeScale, string>
    {
        [GradeScale.Satisfaction3] = "三级（满意/基本满意/不满意）",
        [GradeScale.Satisfaction5] = "五级好差评（非常满意…非常不满意）",
        [GradeScale.MemberGrade4] = "党员评议等次（优秀/合格/基本合格/不合格）",
    };

    public static IReadOnlyList<GradeLevel> Of(GradeScale scale) =>
        Levels.TryGetValue(scale, out var levels) ? levels : [];

    public static string NameOf(GradeScale scale) => Names.TryGetValue(scale, out var n) ? n : scale.ToString();
}
