using System.Globalization;

namespace Pingyi.Domain.Loop;

/// <summary>
/// Entering the working-day calendar: one day at a time or many lines pasted from the State
/// Council's notice ("2026-10-01 节假日 国庆节", "2026-10-11 调休 国庆节调休"). A day is either a
/// holiday or a make-up workday, never both, and a make-up workday is a Saturday or Sunday.
/// </summary>
public static class CalendarRules
{
    public const string DateFormat = "yyyy-MM-dd";
    public const int MaxLines = 400;

    public static readonly IReadOnlyDictionary<CalendarDayKind, string> Labels = new Dictionary<CalendarDayKind, string>
    {
        [CalendarDayKind.Holiday] = "节假日",
        [CalendarDayKind.MakeUpWorkday] = "调休",
    };

    /// <summary>The kind a word names: "节假日"/"假日"/"放假" or "调休"/"上班"/"补班".</summary>
    public static CalendarDayKind? KindOf(string? word) => word?.Trim() switch
    {
        "节假日" or "假日" or "放假" => CalendarDayKind.Holiday,
        "调休" or "上班" or "补班" => CalendarDayKind.MakeUpWorkday,
        _ => null,
    };

    /// <summary>The Chinese reason one day cannot be entered, or null.</summary>
    public static string? Check(DateOnly date, CalendarDayKind kind, string? note)
    {
        if (!Labels.ContainsKey(kind))
        {
            return "请选择“节假日”或“调休”。";
        }
        if (date.Year is < 2000 or > 2100)
        {
            return "日期应在2000年至2100年之间。";
        }
        if ((note?.Trim().Length ?? 0) > CalendarDay.NoteMaxLength)
        {
            return $"说明最多{CalendarDay.NoteMaxLength}个字。";
        }
        if (kind == CalendarDayKind.MakeUpWorkday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            return $"{Format(date)}是工作日，调休上班日应为周六或周日。";
        }
        return null;
    }

    /// <summary>
    /// Days from pasted lines (blank lines skipped), or the first error naming its line number.
    /// A date already configured, or given twice, is an error: nothing is taken unless everything is.
    /// </summary>
    public static (List<CalendarDay> Days, string? Error) Parse(string? text, IReadOnlyDictionary<DateOnly, CalendarDayKind> existing)
    {
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var days = new List<CalendarDay>();
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (days.Count >= MaxLines)
            {
                return ([], $"一次最多添加{MaxLines}天。");
            }
            var parts = line.Split([' ', '\t', '　', ',', '，'], 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var error = parts.Length < 2 ? "应为“日期 类型 说明”，如“2026-10-01 节假日 国庆节”。"
                : !DateOnly.TryParseExact(parts[0], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? $"日期“{parts[0]}”的格式应为“年-月-日”，如2026-10-01。"
                : KindOf(parts[1]) is not { } kind ? $"类型“{parts[1]}”应为“节假日”或“调休”。"
                : Check(date, kind, parts.ElementAtOrDefault(2)) is { } invalid ? invalid
                : !seen.Add(date) ? $"{Format(date)}重复出现。"
                : existing.TryGetValue(date, out var was) ? $"{Format(date)}已设为{Labels[was]}，请先删除。"
                : Add(days, date, kind, parts.ElementAtOrDefault(2));
            if (error is not null)
            {
                return ([], $"第{i + 1}行：{error}");
            }
        }
        return days.Count == 0 ? ([], "请至少填写一行。") : (days, null);
    }

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string? Add(List<CalendarDay> days, DateOnly date, CalendarDayKind kind, string? note)
    {
        days.Add(new CalendarDay { Date = date, Kind = kind, Note = note?.Trim() ?? "" });
        return null;
    }
}
