using System.Text.RegularExpressions;

namespace Pingyi.Domain.Reports;

/// <summary>
/// Fills the placeholders of a section's text ({参评人次}, …) with the report's figures. A figure is
/// never stored in the text, so an edited wording still shows the data of the day the report is made.
/// </summary>
public static partial class NarrativeRenderer
{
    [GeneratedRegex(@"\{([^{}\s]{1,20})\}")]
    private static partial Regex Placeholder();

    /// <summary>The text with every placeholder replaced; an unknown one reads 【未知数据：名称】.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : $"【未知数据：{m.Groups[1].Value}】");

    /// <summary>The placeholders of the text that have no figure, in order of appearance, each once.</summary>
    public static IReadOnlyList<string> Unknown(string text, IEnumerable<string> known)
    {
        var names = known.ToHashSet();
        return Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(n => !names.Contains(n)).Distinct().ToList();
    }

    /// <summary>Why an administrator's wording cannot be saved, in Chinese; null when it can.</summary>
    public static string? Check(string? text, IEnumerable<string> known)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "请填写本节文字；要使用预设文字，请点“恢复默认”。";
        }
        if (text.Length > ReportNarrative.TextMaxLength)
        {
            return $"本节文字不能超过{ReportNarrative.TextMaxLength}个字符（现有{text.Length}个）。";
        }
        var unknown = Unknown(text, known);
        return unknown.Count == 0
            ? null
            : $"文字中有未知的数据占位符：{string.Join("、", unknown.Select(u => "{" + u + "}"))}。请使用右侧列出的占位符。";
    }
}
