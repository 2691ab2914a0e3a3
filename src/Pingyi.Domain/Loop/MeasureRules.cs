namespace Pingyi.Domain.Loop;

/// <summary>Where a problem stands, from its measures.</summary>
public enum ProblemStatus
{
    /// <summary>无措施.</summary>
    NoMeasures = 1,

    /// <summary>整改中: some measure is not verified yet.</summary>
    InProgress = 2,

    /// <summary>已完成: every measure is verified.</summary>
    Completed = 3,

    /// <summary>逾期: some measure is past its deadline unverified (a kind of 整改中).</summary>
    Overdue = 4,
}

/// <summary>Checks on what is typed for problems, measures and verifications; Chinese reasons.</summary>
public static class MeasureRules
{
    public static readonly IReadOnlyDictionary<ProblemStatus, string> StatusLabels = new Dictionary<ProblemStatus, string>
    {
        [ProblemStatus.InProgress] = "整改中",
        [ProblemStatus.Completed] = "已完成",
        [ProblemStatus.NoMeasures] = "无措施",
        [ProblemStatus.Overdue] = "逾期",
    };

    public static ProblemStatus StatusOf(int measures, int verified, int overdue) =>
        measures == 0 ? ProblemStatus.NoMeasures
        : overdue > 0 ? ProblemStatus.Overdue
        : verified == measures ? ProblemStatus.Completed
        : ProblemStatus.InProgress;

    public static List<string> CheckProblem(string? title, string? description)
    {
        var errors = new List<string>();
        Required(errors, title, "问题名称", Problem.TitleMaxLength);
        if ((description?.Trim().Length ?? 0) > Problem.DescriptionMaxLength)
        {
            errors.Add($"问题描述最多{Problem.DescriptionMaxLength}个字。");
        }
        return errors;
    }

    public static List<string> CheckMeasure(string? text, string? person, int? days)
    {
        var errors = new List<string>();
        Required(errors, text, "整改措施", Measure.TextMaxLength);
        Required(errors, person, "责任人", Measure.PersonMaxLength);
        if (days is not { } d || d < 1 || d > WorkCalendar.MaxDeadlineDays)
        {
            errors.Add($"整改时限应为1至{WorkCalendar.MaxDeadlineDays}个工作日。");
        }
        return errors;
    }

    /// <summary>A "no" needs its reason; every remark is at most <see cref="MeasureVerification.RemarkMaxLength"/>.</summary>
    public static List<string> CheckVerification(bool? inPlace, string? inPlaceRemark, bool? reasonable, string? reasonableRemark,
        bool? effective, string? effectiveRemark)
    {
        var errors = new List<string>();
        Criterion(errors, "到位", "不到位", inPlace, inPlaceRemark);
        Criterion(errors, "合理", "不合理", reasonable, reasonableRemark);
        Criterion(errors, "有效", "无效", effective, effectiveRemark);
        return errors;
    }

    /// <summary>The reasons written into the history when a measure is sent back.</summary>
    public static string SendBackReasons(MeasureVerification v) =>
        "退回重新整改：" + string.Join("；", new[]
        {
            v.InPlace ? null : $"不到位（{v.InPlaceRemark}）",
            v.Reasonable ? null : $"不合理（{v.ReasonableRemark}）",
            v.Effective ? null : $"无效（{v.EffectiveRemark}）",
        }.OfType<string>());

    private static void Criterion(List<string> errors, string name, string negative, bool? value, string? remark)
    {
        if (value is null)
        {
            errors.Add($"请判断是否{name}。");
        }
        else if (value == false && string.IsNullOrWhiteSpace(remark))
        {
            errors.Add($"判断为{negative}时，请写明理由。");
        }
        if ((remark?.Trim().Length ?? 0) > MeasureVerification.RemarkMaxLength)
        {
            errors.Add($"“{name}”的说明最多{MeasureVerification.RemarkMaxLength}个字。");
        }
    }

    private static void Required(List<string> errors, string? value, string field, int max)
    {
        var length = value?.Trim().Length ?? 0;
        if (length == 0)
        {
            errors.Add($"请填写{field}。");
        }
        else if (length > max)
        {
            errors.Add($"{field}最多{max}个字。");
        }
    }
}
