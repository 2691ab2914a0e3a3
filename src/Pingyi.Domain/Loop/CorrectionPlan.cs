namespace Pingyi.Domain.Loop;

/// <summary>
/// 限期改正: a weak and lax (软弱涣散) organisation's correction by a deadline, under its superior's
/// responsibility. It starts from a confirmed 软弱涣散 flag (Step 5) or is set by hand; the weak
/// organisation reports, and the responsible superior closes it — or sends it back — with the same
/// states as a measure.
/// </summary>
public class CorrectionPlan
{
    public const int TextMaxLength = 2000;

    public int Id { get; set; }

    /// <summary>The weak organisation.</summary>
    public int OrganizationId { get; set; }

    /// <summary>Its superior at the time the plan was set, responsible for the correction.</summary>
    public int ResponsibleOrganizationId { get; set; }

    public int? CampaignId { get; set; }

    /// <summary>The confirmed 软弱涣散 flag the plan answers, if it came from one.</summary>
    public int? FlagId { get; set; }

    /// <summary>整改要求: what must be corrected.</summary>
    public string Requirements { get; set; } = "";

    public DateOnly SetOn { get; set; }

    public int DeadlineDays { get; set; } = WorkCalendar.DefaultDeadlineDays;

    public DateOnly Deadline { get; set; }

    public MeasureState State { get; set; } = MeasureState.Pending;

    /// <summary>整改报告: what the organisation did, when it reports.</summary>
    public string? Report { get; set; }

    public DateOnly? ReportedOn { get; set; }

    /// <summary>The superior's conclusion when closing or sending back.</summary>
    public string? Conclusion { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public int SentBackCount { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}

/// <summary>先进典型: an organisation recorded as a model, with the evidence and its deeds (树立典型).</summary>
public class ModelRecord
{
    public const int TitleMaxLength = 100;
    public const int TextMaxLength = 2000;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public int? CampaignId { get; set; }

    /// <summary>The confirmed 先进典型 flag it records, if it came from one.</summary>
    public int? FlagId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>依据: the figures or facts it rests on (a flag's evidence as shown when confirmed).</summary>
    public string Evidence { get; set; } = "";

    /// <summary>事迹: what the organisation did.</summary>
    public string Deeds { get; set; } = "";

    public DateOnly RecordedOn { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>A configured day of the working-day calendar: a statutory holiday or a make-up workday (调休).</summary>
public class CalendarDay
{
    public const int NoteMaxLength = 50;

    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>E.g. "国庆节" or "国庆节调休".</summary>
    public string Note { get; set; } = "";
}

public enum CalendarDayKind
{
    Holiday = 1,
    MakeUpWorkday = 2,
}
