using System.Globalization;
using System.Text;

namespace Pingyi.Web.Features.Reports.Writing;

/// <summary>
/// Text shared by the writers: the report's strings come partly from users (names, edited narrative),
/// and XML 1.0 cannot hold control characters or unpaired surrogates at all, so a writer that passed
/// them through would produce a file Word refuses to open.
/// </summary>
public static class ReportText
{
    /// <summary>Drops what XML cannot carry; line breaks and tabs become spaces (one line per paragraph or cell).</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else if (c is '\t' or '\n' or '\r')
            {
                text.Append(' ');
            }
            else if (c >= ' ' && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF')
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    /// <summary>一 … 九十九, as 公文 numbers its sections (一、二、…); beyond that Arabic digits.</summary>
    public static string ChineseNumber(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 1 or > 99 => n.ToString(CultureInfo.InvariantCulture),
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
        };
    }

    /// <summary>
    /// 成文日期 in Arabic digits ("2026年11月24日"), as GB/T 9704—2012 prescribes; the older usage of
    /// Chinese numerals (二〇二六年) is no longer the standard.
    /// </summary>
    public static string ChineseDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
