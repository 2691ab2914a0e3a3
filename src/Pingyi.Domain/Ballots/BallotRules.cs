using System.Globalization;
using Pingyi.Domain.Forms;

namespace Pingyi.Domain.Ballots;

/// <summary>The raw answers of one rater for one assignment: values per (subject, item key) as posted.</summary>
public sealed class RawAnswers : Dictionary<(int SubjectId, string ItemKey), IReadOnlyList<string>>
{
    public IReadOnlyList<string> Of(int subjectId, string itemKey) => TryGetValue((subjectId, itemKey), out var v) ? v : [];
}

/// <summary>The outcome of checking a ballot: the answers to store, or the errors per (subject, item).</summary>
public sealed record BallotCheck(List<BallotAnswer> Answers, Dictionary<(int SubjectId, string ItemKey), string> Errors, List<string> General)
{
    public bool IsValid => Errors.Count == 0 && General.Count == 0;
}

/// <summary>What a ballot may contain, checked on the server whatever the page or API sent.</summary>
public static class BallotRules
{
    public const string Required = "此项为必答题，请选择或填写。";

    /// <summary>
    /// Checks the answers for <paramref name="subjectIds"/> (the subjects this assignment covers)
    /// against the form version. Answers for any other subject or unknown item are refused as a
    /// whole, since a genuine page never sends them.
    /// </summary>
    public static BallotCheck Check(FormVersion version, IReadOnlyCollection<int> subjectIds, RawAnswers raw)
    {
        var answers = new List<BallotAnswer>();
        var errors = new Dictionary<(int, string), string>();
        var general = new List<string>();
        var items = version.Items.ToList();
        var keys = items.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (subjectId, key) in raw.Keys)
        {
            if (!subjectIds.Contains(subjectId))
            {
                general.Add("提交的内容包含不在本评议码评议范围内的评议对象。");
                break;
            }
            if (!keys.Contains(key))
            {
                general.Add("提交的内容包含测评表中没有的项目。");
                break;
            }
        }
        foreach (var subjectId in subjectIds)
        {
            foreach (var item in items)
            {
                var values = raw.Of(subjectId, item.Key).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
                var (answer, error) = CheckItem(item, values);
                if (error is not null)
                {
                    errors[(subjectId, item.Key)] = error;
                }
                else if (answer is not null)
                {
                    answer.SubjectId = subjectId;
                    answer.ItemId = item.Id;
                    answers.Add(answer);
                }
            }
        }
        return new BallotCheck(answers, errors, general);
    }

    /// <summary>One item's answer (null when left blank and optional) or the Chinese reason it is refused.</summary>
    public static (BallotAnswer? Answer, string? Error) CheckItem(FormItem item, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return (null, item.Required ? Required : null);
        }
        if (item.Kind != ItemKind.MultipleChoice && values.Count > 1)
        {
            return (null, "此项只能选择一个答案。");
        }
        switch (item.Kind)
        {
            case ItemKind.Grade:
                return Number(values[0], out var level) && GradeScales.Of(item.Scale).Any(l => l.Value == level)
                    ? (new BallotAnswer { Value = level }, null)
                    : (null, "请从给出的等级中选择。");
            case ItemKind.Score:
                return Number(values[0], out var score) && score >= 0 && score <= item.MaxScore
                    ? (new BallotAnswer { Value = score }, null)
                    : (null, $"请填写0到{item.MaxScore}之间的整数分数。");
            case ItemKind.SingleChoice:
                return Number(values[0], out var option) && option >= 1 && option <= item.Options.Count
                    ? (new BallotAnswer { Value = option }, null)
                    : (null, "请从给出的选项中选择。");
            case ItemKind.MultipleChoice:
                var mask = 0;
                foreach (var v in values)
                {
                    if (!Number(v, out var o) || o < 1 || o > item.Options.Count)
                    {
                        return (null, "请从给出的选项中选择。");
                    }
                    mask |= 1 << (o - 1);
                }
                var chosen = System.Numerics.BitOperations.PopCount((uint)mask);
                if (chosen != values.Count)
                {
                    return (null, "同一选项不能重复选择。");
                }
                return item.MaxChoices > 0 && chosen > item.MaxChoices
                    ? (null, $"此项最多选择{item.MaxChoices}项。")
                    : (new BallotAnswer { Value = mask }, null);
            case ItemKind.Text:
                var text = values[0].Trim();
                if (text.Length > item.MaxLength)
                {
                    return (null, $"意见建议不能超过{item.MaxLength}个字，现在是{text.Length}个字。");
                }
                if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
                {
                    return (null, "文字中含有不可见的控制字符，请删除后再提交。");
                }
                return (new BallotAnswer { Text = text.ReplaceLineEndings("\n") }, null);
            default:
                return (null, "无法识别的题型。");
        }
    }

    private static bool Number(string s, out int value) =>
        int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
