using System.Text.RegularExpressions;

namespace Pingyi.Domain.Organizations;

/// <summary>Checks on names and codes typed by people or read from import files.</summary>
public static partial class TextRules
{
    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex CodePattern();

    /// <summary>Returns a Chinese reason when a required name is blank, too long or holds control characters.</summary>
    public static string? CheckName(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{field}不能为空。";
        }
        if (value.Trim().Length > maxLength)
        {
            return $"{field}不能超过{maxLength}个字符。";
        }
        if (value.Any(char.IsControl))
        {
            return $"{field}含有不可见的控制字符。";
        }
        return null;
    }

    public static string? CheckOptional(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : CheckName(value, field, maxLength);

    /// <summary>Codes are compared without regard to case on every provider, so they are stored upper-case.</summary>
    public static string? NormalizeCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    public static string? CheckCode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "组织编码不能为空。";
        }
        var v = value.Trim();
        if (v.Length > Organization.CodeMaxLength)
        {
            return $"组织编码不能超过{Organization.CodeMaxLength}个字符。";
        }
        if (!CodePattern().IsMatch(v))
        {
            return "组织编码只能由字母、数字、下划线、点和减号组成。";
        }
        return null;
    }
}
