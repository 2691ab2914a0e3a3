using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Meetings;

/// <summary>What an administrator types about a meeting, before it is checked.</summary>
public sealed record MeetingDetails(
    MeetingKind Kind, string? Title, DateOnly HeldOn, string? Place, int? RaterGroupId,
    int Attendance, int FormsIssued, int FormsReturned, bool DoubleEntry, string? Minutes);

/// <summary>
/// The paper a meeting already has, which its figures may not fall below:
/// <see cref="HighestSerial"/> is the largest serial printed or typed, <see cref="Settled"/> the
/// slips counted, void or awaiting (see <see cref="MeetingTally"/>), <see cref="HasTyping"/> whether
/// any slip was typed (an entry or a counted/void slip), <see cref="HasSlips"/> whether any slip exists.
/// </summary>
public sealed record MeetingPaper(int HighestSerial, int Settled, bool HasTyping, bool HasSlips)
{
    public static readonly MeetingPaper None = new(0, 0, false, false);
}

/// <summary>
/// Checks on a meeting's details, as pure functions returning Chinese reasons.
/// <list type="bullet">
/// <item><b>Date</b>: from <see cref="EarlyDays"/> days before the campaign starts (a preparatory
/// forum or visit that gathers opinions for it) up to the campaign's last day; a meeting after the
/// campaign ends cannot feed it. A future date inside the period is allowed, so a meeting can be
/// registered and its forms printed before it is held.</item>
/// <item><b>Forms</b>: 0 ≤ returned ≤ issued ≤ <see cref="Meeting.MaxForms"/>; issued is never below
/// the highest serial already printed or typed, returned never below the slips already settled.</item>
/// <item><b>Rater group</b>: required once forms are issued, since the paper carries that group's form.</item>
/// <item><b>Double entry and rater group</b>: fixed once typing (double entry) or printing (the
/// group, whose codes are on the slips) has started, so the slips keep the rules they were made under.</item>
/// </list>
/// </summary>
public static class MeetingRules
{
    public const int EarlyDays = 60;

    public static List<string> Check(MeetingDetails d, DateOnly campaignStarts, DateOnly campaignEnds)
    {
        var errors = new List<string>();
        if (!MeetingLabels.Kinds.ContainsKey(d.Kind))
        {
            errors.Add("请选择评议会的形式（评议会、座谈会、个别访谈或走访）。");
        }
        Add(errors, TextRules.CheckName(d.Title, "名称", Meeting.TitleMaxLength));
        Add(errors, TextRules.CheckName(d.Place, "地点", Meeting.PlaceMaxLength));
        if (!string.IsNullOrWhiteSpace(d.Minutes))
        {
            if (d.Minutes.Trim().Length > Meeting.MinutesMaxLength)
            {
                errors.Add($"纪要不能超过{Meeting.MinutesMaxLength}个字符。");
            }
            else if (d.Minutes.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
            {
                errors.Add("纪要含有不可见的控制字符。");
            }
        }
        Add(errors, CheckDate(d.HeldOn, campaignStarts, campaignEnds));
        if (d.Attendance is < 0 or > Meeting.MaxAttendance)
        {
            errors.Add($"参加人次须为0到{Meeting.MaxAttendance}之间的整数。");
        }
        if (d.FormsIssued is < 0 or > Meeting.MaxForms)
        {
            errors.Add($"发放份数须为0到{Meeting.MaxForms}之间的整数。");
        }
        if (d.FormsReturned < 0)
        {
            errors.Add("回收份数不能小于0。");
        }
        else if (d.FormsReturned > d.FormsIssued)
        {
            errors.Add($"回收份数（{d.FormsReturned}）不能多于发放份数（{d.FormsIssued}）。");
        }
        if (d.FormsIssued > 0 && d.RaterGroupId is null)
        {
            errors.Add("发放了测评表，请选择评议人类别（测评表按该类别的评议安排印制）。");
        }
        return errors;
    }

    public static string? CheckDate(DateOnly heldOn, DateOnly campaignStarts, DateOnly campaignEnds)
    {
        if (heldOn == default)
        {
            return "请填写召开日期。";
        }
        if (heldOn < campaignStarts.AddDays(-EarlyDays))
        {
            return $"召开日期不能早于评议期开始前{EarlyDays}天（{Format(campaignStarts.AddDays(-EarlyDays))}）。";
        }
        return heldOn > campaignEnds ? $"召开日期不能晚于评议期结束日期（{Format(campaignEnds)}）。" : null;
    }

    /// <summary>Checks a change against the paper the meeting already has.</summary>
    public static List<string> CheckAgainstPaper(Meeting before, MeetingDetails d, MeetingPaper paper)
    {
        var errors = new List<string>();
        if (d.FormsIssued < paper.HighestSerial)
        {
            errors.Add($"已打印或录入到第{paper.HighestSerial}号测评表，发放份数不能少于{paper.HighestSerial}。");
        }
        if (d.FormsReturned < paper.Settled)
        {
            errors.Add($"已录入{paper.Settled}份测评票，回收份数不能少于{paper.Settled}。");
        }
        if (d.DoubleEntry != before.DoubleEntry && paper.HasTyping)
        {
            errors.Add("已开始录入纸质测评票，不能再更改是否双人录入。");
        }
        if (d.RaterGroupId != before.RaterGroupId && paper.HasSlips)
        {
            errors.Add("已打印或录入测评表，不能再更换评议人类别。");
        }
        return errors;
    }

    /// <summary>A meeting may be deleted only while none of its paper was typed: typed ballots must stay explained.</summary>
    public static string? CheckDelete(MeetingPaper paper) =>
        paper.HasTyping ? "已录入纸质测评票的评议会不能删除。" : null;

    private static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static void Add(List<string> errors, string? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }
}
