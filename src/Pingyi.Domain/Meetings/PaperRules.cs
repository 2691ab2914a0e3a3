using System.Globalization;
using System.Text.Json;
using Pingyi.Domain.Forms;

namespace Pingyi.Domain.Meetings;

/// <summary>
/// One typing of one paper slip, in the values the phone ballot posts: per "subjectId_itemKey" the
/// values (a grade level, a score, option numbers, or the text), normalised so that two clerks who
/// read the same slip produce equal passes.
/// </summary>
public sealed record PaperPass(bool IsVoid, string? VoidReason, IReadOnlyDictionary<string, IReadOnlyList<string>> Answers);

/// <summary>
/// The rules of typing returned paper forms (pure: the service applies them in its transaction,
/// with the unique indexes on slips and passes as the final arbiter). A clerk types digits only:
/// the grade level as printed (1 满意 2 基本满意 3 不满意), the score, the option number, or the
/// digits of the ticked options ("13" or "1 3"); free text as written.
/// </summary>
public static class PaperRules
{
    /// <summary>The pseudo field keys <see cref="Compare"/> uses for the void flag and its reason.</summary>
    public const string VoidField = "void";
    public const string VoidReasonField = "voidReason";

    /// <summary>Longest typed value of a digit field; anything longer is not a number a slip can carry.</summary>
    public const int MaxDigits = 40;

    public const string DigitsOnly = "只能填写数字。";
    public const string VoidReasonRequired = "请填写无效的原因。";
    public const string TokenUsedOnline = "该测评表的评议码已在线使用";
    public const string TokenVoided = "该测评表的评议码已作废";
    public const string SecondPassSameClerk = "第二遍须由另一名录入员录入。";

    public static string FieldKey(int subjectId, string itemKey) =>
        string.Create(CultureInfo.InvariantCulture, $"{subjectId}_{itemKey}");

    /// <summary>
    /// The raw values a typed field stands for, or the reason it cannot be read. Ranges (levels,
    /// maximum score, number of options) are left to BallotRules, which checks every channel alike.
    /// </summary>
    public static (IReadOnlyList<string> Values, string? Error) Translate(FormItem item, string? typed)
    {
        if (item.Kind == ItemKind.Text)
        {
            var text = (typed ?? "").Trim().ReplaceLineEndings("\n");
            return (text.Length == 0 ? [] : [text], null);
        }
        var digits = (typed ?? "").Trim();
        if (digits.Length == 0)
        {
            return ([], null);
        }
        if (digits.Length > MaxDigits || !digits.All(c => char.IsAsciiDigit(c) || c is ' ' or ',' or '，' or '、'))
        {
            return ([], DigitsOnly);
        }
        var parts = digits.Split([' ', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries);
        if (item.Kind != ItemKind.MultipleChoice)
        {
            return parts.Length == 1 ? ([Canonical(parts[0])], null) : ([], "此项只能填写一个数字。");
        }
        // "13" means options 1 and 3 while every option number is one digit; with ten or more
        // options the clerk separates them with spaces ("1 12").
        var options = parts.Length == 1 && item.Options.Count < 10
            ? parts[0].Select(c => c.ToString())
            : parts;
        var values = options.Select(Canonical).ToList();
        // Sorted, so "31" and "13" are the same answer when two passes are compared; repeats stay for BallotRules to refuse.
        values.Sort((a, b) => string.CompareOrdinal(a.PadLeft(MaxDigits, '0'), b.PadLeft(MaxDigits, '0')));
        return (values, null);
    }

    /// <summary>The digits a clerk would type for stored raw values: the inverse of <see cref="Translate"/>.</summary>
    public static string Digits(FormItem item, IReadOnlyList<string> values) =>
        item.Kind == ItemKind.MultipleChoice && item.Options.Count < 10 ? string.Concat(values) : string.Join(" ", values);

    // Leading zeros dropped ("02" is 2); a value too long for an int stays as typed for BallotRules to refuse.
    private static string Canonical(string number)
    {
        var trimmed = number.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    /// <summary>The reason a serial cannot be typed for a meeting that issued <paramref name="issued"/> forms, or null.</summary>
    public static string? CheckSerial(int serial, int issued) =>
        serial >= 1 && serial <= issued ? null : $"编号须在 1 到 {issued} 之间（本次评议会发放 {issued} 份）。";

    /// <summary>Reads a serial as typed; null when it is not a whole number.</summary>
    public static int? ParseSerial(string? typed) =>
        int.TryParse((typed ?? "").Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var serial) ? serial : null;

    public static string AlreadyTyped(int serial) => $"第 {serial} 号测评表已录入。";

    /// <summary>The reason no new slip may be started, or null: never more slips typed than forms came back.</summary>
    public static string? CheckCanStart(MeetingTally tally) =>
        tally.CanStartSlip ? null : $"已录入的份数已达回收份数 {tally.Returned} 份，不能再录入。";

    /// <summary>The reason a void flag and reason are not acceptable, or null.</summary>
    public static string? CheckVoidReason(bool isVoid, string? reason)
    {
        if (!isVoid)
        {
            return null;
        }
        var r = (reason ?? "").Trim();
        return r.Length == 0 ? VoidReasonRequired
            : r.Length > PaperSlip.VoidReasonMaxLength ? $"无效原因不能超过{PaperSlip.VoidReasonMaxLength}个字。"
            : r.Any(char.IsControl) ? "无效原因中含有不可见的控制字符。"
            : null;
    }

    /// <summary>The reason this clerk may not type the next pass of a slip under double entry, or null.</summary>
    public static string? CheckNextPass(IReadOnlyCollection<string> enteredBy, string clerk) =>
        enteredBy.Count >= 2 ? "该编号的两遍录入不一致，请到“核对不一致”页面处理。"
        : enteredBy.Any(e => string.Equals(e, clerk, StringComparison.OrdinalIgnoreCase)) ? SecondPassSameClerk
        : null;

    /// <summary>
    /// The fields in which two passes differ: "subjectId_itemKey" keys, and <see cref="VoidField"/> /
    /// <see cref="VoidReasonField"/> for the void flag and reason. Answers of a void pass do not count.
    /// Empty when the passes agree.
    /// </summary>
    public static IReadOnlyList<string> Compare(PaperPass first, PaperPass second)
    {
        var diff = new List<string>();
        if (first.IsVoid != second.IsVoid)
        {
            diff.Add(VoidField);
        }
        if (first.IsVoid && second.IsVoid && !string.Equals((first.VoidReason ?? "").Trim(), (second.VoidReason ?? "").Trim(), StringComparison.Ordinal))
        {
            diff.Add(VoidReasonField);
        }
        if (first.IsVoid || second.IsVoid)
        {
            return diff;
        }
        foreach (var key in first.Answers.Keys.Union(second.Answers.Keys).Order(StringComparer.Ordinal))
        {
            var a = first.Answers.GetValueOrDefault(key) ?? [];
            var b = second.Answers.GetValueOrDefault(key) ?? [];
            if (!a.SequenceEqual(b, StringComparer.Ordinal))
            {
                diff.Add(key);
            }
        }
        return diff;
    }

    public static string ToJson(IReadOnlyDictionary<string, IReadOnlyList<string>> answers) =>
        JsonSerializer.Serialize(answers.Where(a => a.Value.Count > 0).OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(a => a.Key, a => a.Value.ToArray()));

    public static Dictionary<string, IReadOnlyList<string>> FromJson(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? [])
            .ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal);

    /// <summary>The status line after a save, e.g. "已录入 有效 5 / 无效 1 / 待核对 2，回收 48 份，还差 40 份。"</summary>
    public static string Describe(MeetingTally t) => t.IsComplete
        ? $"已完成：有效 {t.Valid} / 无效 {t.Void}，回收 {t.Returned} 份已全部录入。"
        : $"已录入 有效 {t.Valid} / 无效 {t.Void} / 待核对 {t.Awaiting}，回收 {t.Returned} 份，还差 {t.Remaining} 份。";
}
