using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Loop;

namespace Pingyi.Domain.Publishing;

/// <summary>
/// The rules of a notice (公示) and its objections (异议). The notice period counts working days
/// (<see cref="WorkCalendar"/>) with the start day as day 1 when it is a working day, as a notice
/// posted on Monday for 5 working days runs Monday to Friday; a notice starting on a weekend or a
/// holiday begins counting on the next working day. <see cref="Publication.EndsOn"/> is the last day
/// on which an objection is accepted, and always a working day.
/// </summary>
public static class PublicationRules
{
    public const string Raced = "已被他人处理，请刷新后重试。";
    public const string OutsidePeriod = "现在不在公示期内，不能提出异议。";

    public static readonly IReadOnlyDictionary<PublicationState, string> StateLabels = new Dictionary<PublicationState, string>
    {
        [PublicationState.Notice] = "公示中",
        [PublicationState.Final] = "已生效",
        [PublicationState.Withdrawn] = "已撤回",
    };

    public static readonly IReadOnlyDictionary<ObjectionState, string> ObjectionLabels = new Dictionary<ObjectionState, string>
    {
        [ObjectionState.Pending] = "待处理",
        [ObjectionState.Upheld] = "异议成立",
        [ObjectionState.Dismissed] = "异议不成立",
    };

    /// <summary>The last day of a notice of <paramref name="noticeDays"/> working days starting on <paramref name="startsOn"/>.</summary>
    public static DateOnly EndsOn(DateOnly startsOn, int noticeDays, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(noticeDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(noticeDays, Publication.MaxNoticeDays);
        if (!calendar.IsWorkingDay(startsOn))
        {
            return calendar.AddWorkingDays(startsOn, noticeDays);
        }
        return noticeDays == 1 ? startsOn : calendar.AddWorkingDays(startsOn, noticeDays - 1);
    }

    /// <summary>Working days of the notice still to run, today included; 0 once it is over or no longer a notice.</summary>
    public static int DaysLeft(Publication publication, DateOnly today, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(calendar);
        if (publication.State != PublicationState.Notice || today > publication.EndsOn)
        {
            return 0;
        }
        var from = today < publication.StartsOn ? publication.StartsOn : today;
        return calendar.WorkingDaysBetween(from, publication.EndsOn) + (calendar.IsWorkingDay(from) ? 1 : 0);
    }

    /// <summary>Reasons the publish form is unacceptable; empty when it is fine.</summary>
    public static List<string> CheckInput(string? note, int noticeDays)
    {
        var errors = new List<string>();
        if (noticeDays is < 1 or > Publication.MaxNoticeDays)
        {
            errors.Add($"公示期应为1至{Publication.MaxNoticeDays}个工作日。");
        }
        if ((note?.Trim().Length ?? 0) > Publication.NoteMaxLength)
        {
            errors.Add($"公示说明不能超过{Publication.NoteMaxLength}字。");
        }
        return errors;
    }

    /// <summary>
    /// Starts the notice of a closed campaign and moves the campaign to 已公示, or says why not.
    /// <paramref name="hasActive"/>: the campaign already has a notice that is not withdrawn.
    /// </summary>
    public static (Publication? Publication, string? Error) Publish(Campaign campaign, bool hasActive, string? note, int noticeDays,
        bool showProblems, string by, DateTime nowUtc, DateOnly today, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (hasActive)
        {
            return (null, "该活动已有公示，请先撤回原公示。");
        }
        if (campaign.State != CampaignState.Closed)
        {
            return (null, $"活动当前为“{CampaignLabels.Of(campaign.State)}”，不能改为“{CampaignLabels.Of(CampaignState.Published)}”：只有已结束的评议活动才能公示。");
        }
        var errors = CheckInput(note, noticeDays);
        if (errors.Count > 0)
        {
            return (null, string.Join(" ", errors));
        }
        if (CampaignRules.Transition(campaign, CampaignState.Published, nowUtc, today) is { } error)
        {
            return (null, error);
        }
        return (new Publication
        {
            CampaignId = campaign.Id,
            StartsOn = today,
            NoticeDays = noticeDays,
            EndsOn = EndsOn(today, noticeDays, calendar),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            ShowProblems = showProblems,
            PublishedUtc = nowUtc,
            PublishedBy = by,
        }, null);
    }

    /// <summary>
    /// The notice's title: "关于2025年度创先争优群众评议结果的公示" — a campaign named "…评议" is not
    /// followed by a second 评议.
    /// </summary>
    public static string TitleOf(string campaignName) =>
        campaignName.EndsWith("评议", StringComparison.Ordinal) ? $"关于{campaignName}结果的公示" : $"关于{campaignName}评议结果的公示";

    /// <summary>Whether an objection may be lodged today: the notice runs and today lies in its period.</summary>
    public static bool AcceptsObjections(Publication publication, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(publication);
        return publication.State == PublicationState.Notice && today >= publication.StartsOn && today <= publication.EndsOn;
    }

    /// <summary>Whether the public sees the notice: it is not withdrawn and the campaign is still 已公示 (not archived).</summary>
    public static bool IsPublic(Publication publication, CampaignState campaignState)
    {
        ArgumentNullException.ThrowIfNull(publication);
        return publication.State is PublicationState.Notice or PublicationState.Final && campaignState == CampaignState.Published;
    }

    /// <summary>Why the notice cannot become final now, or null: the period must be over and no objection pending.</summary>
    public static string? CheckFinalize(Publication publication, DateOnly today, int pendingObjections)
    {
        ArgumentNullException.ThrowIfNull(publication);
        if (publication.State != PublicationState.Notice)
        {
            return $"公示{StateLabels[publication.State]}，不能再确认生效。";
        }
        if (today <= publication.EndsOn)
        {
            return $"公示期至{publication.EndsOn:yyyy-MM-dd}，期满后才能确认生效。";
        }
        if (pendingObjections > 0)
        {
            return $"还有{pendingObjections}条异议待处理，处理完毕后才能确认生效。";
        }
        return null;
    }

    /// <summary>Makes the notice final (the campaign stays 已公示), or says why not.</summary>
    public static string? Finalize(Publication publication, DateOnly today, int pendingObjections, string by, DateTime nowUtc)
    {
        if (CheckFinalize(publication, today, pendingObjections) is { } error)
        {
            return error;
        }
        publication.State = PublicationState.Final;
        publication.FinalizedUtc = nowUtc;
        publication.FinalizedBy = by;
        return null;
    }

    /// <summary>Takes the notice down with its reason and moves the campaign back to 已结束, or says why not.</summary>
    public static string? Withdraw(Publication publication, Campaign campaign, string? reason, string by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(campaign);
        var text = reason?.Trim() ?? "";
        if (publication.State == PublicationState.Withdrawn)
        {
            return "公示已撤回。";
        }
        if (text.Length == 0)
        {
            return "请填写撤回原因。";
        }
        if (text.Length > Publication.ReasonMaxLength)
        {
            return $"撤回原因不能超过{Publication.ReasonMaxLength}字（现有{text.Length}字）。";
        }
        if (CampaignRules.Unpublish(campaign) is { } error)
        {
            return error;
        }
        publication.State = PublicationState.Withdrawn;
        publication.WithdrawnUtc = nowUtc;
        publication.WithdrawnBy = by;
        publication.WithdrawReason = text;
        return null;
    }

    /// <summary>Why an objection's text is unacceptable, or null.</summary>
    public static string? CheckObjectionText(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            return "请填写异议内容。";
        }
        return t.Length > Objection.TextMaxLength ? $"异议内容不能超过{Objection.TextMaxLength}字（现有{t.Length}字）。" : null;
    }

    /// <summary>Answers a pending objection (成立 or 不成立, with the answer text), or says why not.</summary>
    public static string? Answer(Objection objection, ObjectionState state, string? answer, string by, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(objection);
        if (objection.State != ObjectionState.Pending)
        {
            return "该异议已处理。";
        }
        if (state is not (ObjectionState.Upheld or ObjectionState.Dismissed))
        {
            return "请选择异议成立或不成立。";
        }
        var text = answer?.Trim() ?? "";
        if (text.Length == 0)
        {
            return "请填写答复内容。";
        }
        if (text.Length > Objection.AnswerMaxLength)
        {
            return $"答复内容不能超过{Objection.AnswerMaxLength}字（现有{text.Length}字）。";
        }
        objection.State = state;
        objection.Answer = text;
        objection.AnsweredOn = today;
        objection.AnsweredBy = by;
        return null;
    }
}
