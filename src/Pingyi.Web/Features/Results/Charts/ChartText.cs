using System.Globalization;
using System.Text;
using Pingyi.Domain.Results;

namespace Pingyi.Web.Features.Results.Charts;

/// <summary>
/// Text measurement for layout on the server, where no font metrics are at hand: a CJK
/// character is one em wide and Latin text about half of that, which is close enough for
/// Noto Sans CJK to keep labels inside their column.
/// </summary>
public static class ChartText
{
    public const string Ellipsis = "…";

    /// <summary>Estimated width of <paramref name="text"/> at <paramref name="fontSize"/>.</summary>
    public static double Width(string text, double fontSize)
    {
        var ems = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            ems += EmWidth(rune);
        }
        return ems * fontSize;
    }

    /// <summary>
    /// The text shortened with an ellipsis so it fits <paramref name="maxWidth"/>; the caller
    /// keeps the full text for a tooltip when it was shortened.
    /// </summary>
    public static (string Shown, bool Truncated) Fit(string text, double maxWidth, double fontSize)
    {
        if (Width(text, fontSize) <= maxWidth)
        {
            return (text, false);
        }
        var limit = maxWidth - Width(Ellipsis, fontSize);
        var shown = new StringBuilder();
        var used = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            var width = EmWidth(rune) * fontSize;
            if (used + width > limit)
            {
                break;
            }
            shown.Append(rune.ToString());
            used += width;
        }
        return (shown.ToString().TrimEnd() + Ellipsis, true);
    }

    /// <summary>A percentage as the pages print rates (<see cref="RateFormat"/>): one decimal, "98.0%".</summary>
    public static string Percent(double percent) =>
        Math.Round((decimal)percent, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static double EmWidth(Rune rune)
    {
        var value = rune.Value;
        if (value < 0x80)
        {
            return char.IsUpper((char)value) || value is 'm' or 'w' ? 0.68 : 0.55;
        }
        // CJK, kana, Hangul, full-width forms and CJK punctuation take a full em.
        return value is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x20000
            ? 1.0
            : 0.6;
    }
}
