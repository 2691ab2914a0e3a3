namespace Pingyi.Domain.Publishing;

/// <summary>
/// 公示: a closed campaign's results shown to the public for a notice period (公示期) of working days.
/// While the notice runs anyone may lodge an objection (异议); the result becomes final
/// (<see cref="PublicationState.Final"/>) only once the period is over and every objection is answered.
/// A withdrawn notice (an objection upheld, results to be corrected) puts the campaign back to 已结束;
/// publishing again starts a new notice, so a campaign has at most one notice that is not withdrawn.
/// </summary>
public class Publication
{
    public const int NoteMaxLength = 1000;
    public const int ReasonMaxLength = 500;
    public const int DefaultNoticeDays = 5;
    public const int MaxNoticeDays = 30;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>The first day of the notice.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>公示期 in working days (<see cref="Loop.WorkCalendar"/>), counted from <see cref="StartsOn"/>.</summary>
    public int NoticeDays { get; set; } = DefaultNoticeDays;

    /// <summary>The last day of the notice, the last day on which an objection is accepted.</summary>
    public DateOnly EndsOn { get; set; }

    public PublicationState State { get; set; } = PublicationState.Notice;

    /// <summary>公示说明 printed on the notice, e.g. where else to send an objection.</summary>
    public string? Note { get; set; }

    /// <summary>Whether the public page lists the campaign's problems, their state and replies.</summary>
    public bool ShowProblems { get; set; } = true;

    public DateTime PublishedUtc { get; set; }

    public string PublishedBy { get; set; } = "";

    public DateTime? FinalizedUtc { get; set; }

    public string? FinalizedBy { get; set; }

    public DateTime? WithdrawnUtc { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawReason { get; set; }
}

public enum PublicationState
{
    /// <summary>公示中: the public page is up and objections are accepted until <see cref="Publication.EndsOn"/>.</summary>
    Notice = 1,

    /// <summary>已生效: the period is over and every objection answered; the page stays up.</summary>
    Final = 2,

    /// <summary>已撤回: taken down; the public page answers like an unknown one.</summary>
    Withdrawn = 3,
}

/// <summary>
/// 异议: an objection lodged on a public notice. As anonymous as a ballot's remark: a random id, the
/// day only, no address, and only the keyed hash of the 回执码 handed to the person who lodged it,
/// with which they — and nobody else — read the answer.
/// </summary>
public class Objection
{
    public const int TextMaxLength = 1000;
    public const int AnswerMaxLength = 2000;

    public Guid Id { get; set; }

    public int PublicationId { get; set; }

    /// <summary>The subject (CampaignSubject) the objection is about, if the person chose one.</summary>
    public int? SubjectId { get; set; }

    public string Text { get; set; } = "";

    public DateOnly ReceivedOn { get; set; }

    public string ReceiptHash { get; set; } = "";

    public ObjectionState State { get; set; } = ObjectionState.Pending;

    /// <summary>The administrator's answer, shown to the receipt's holder.</summary>
    public string? Answer { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    public string? AnsweredBy { get; set; }
}

public enum ObjectionState
{
    /// <summary>待处理.</summary>
    Pending = 1,

    /// <summary>异议成立: the result is to be corrected (withdraw the notice, correct, publish again).</summary>
    Upheld = 2,

    /// <summary>异议不成立: answered with the reason.</summary>
    Dismissed = 3,
}
