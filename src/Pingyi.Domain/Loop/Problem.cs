namespace Pingyi.Domain.Loop;

/// <summary>
/// 查找问题: a confirmed problem, found from one or more opinions (or by the organisation itself),
/// owned by an organisation, rectified through its measures, and answered for the public (反馈).
/// </summary>
public class Problem
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int ReplyMaxLength = 2000;

    public int Id { get; set; }

    public int? CampaignId { get; set; }

    /// <summary>The organisation that owns the problem; its measures are assigned within its subtree.</summary>
    public int OrganizationId { get; set; }

    public int? CategoryId { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>反馈: the handling result written for the public and for the raisers (read through their receipt codes).</summary>
    public string? Reply { get; set; }

    public DateOnly? RepliedOn { get; set; }

    public string? RepliedBy { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public List<Measure> Measures { get; set; } = [];
}

/// <summary>
/// 整改措施: what will be done, by which organisation and person, by when (整改时限, in working
/// days), with progress notes, completion evidence and the superior's verification (验收).
/// </summary>
public class Measure
{
    public const int TextMaxLength = 1000;
    public const int PersonMaxLength = 50;
    public const int EvidenceMaxLength = 2000;

    public int Id { get; set; }

    public int ProblemId { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The organisation that carries it out: the problem's owner or one below it. Its superior verifies.</summary>
    public int ResponsibleOrganizationId { get; set; }

    public string ResponsiblePerson { get; set; } = "";

    /// <summary>The day the measure was set; the deadline counts working days after it.</summary>
    public DateOnly SetOn { get; set; }

    public int DeadlineDays { get; set; } = WorkCalendar.DefaultDeadlineDays;

    /// <summary>整改时限: <see cref="SetOn"/> plus <see cref="DeadlineDays"/> working days on the calendar of the time.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>A concurrency token: two clerks acting at once cannot both move the state.</summary>
    public MeasureState State { get; set; } = MeasureState.Pending;

    /// <summary>完成情况: what was done, written when submitting for verification.</summary>
    public string? Evidence { get; set; }

    public DateOnly? SubmittedOn { get; set; }

    public DateOnly? VerifiedOn { get; set; }

    public int SentBackCount { get; set; }

    public List<MeasureNote> Notes { get; set; } = [];

    public List<MeasureAttachment> Attachments { get; set; } = [];

    public List<MeasureVerification> Verifications { get; set; } = [];
}

/// <summary>A line in a measure's history: progress (整改进展), each state change, a superior's urging (督办).</summary>
public class MeasureNote
{
    public const int TextMaxLength = 1000;

    public int Id { get; set; }

    public int MeasureId { get; set; }

    public MeasureNoteKind Kind { get; set; }

    public string Text { get; set; } = "";

    public string By { get; set; } = "";

    public DateTime AtUtc { get; set; }
}

public enum MeasureNoteKind
{
    Progress = 1,
    Started = 2,
    Submitted = 3,
    SentBack = 4,
    Verified = 5,
    /// <summary>督办: the superior presses an overdue or soon-due measure.</summary>
    Urged = 6,
}

/// <summary>
/// Completion evidence as a file: images and PDF only, size-limited, the type checked by content,
/// stored outside the web root under a random name, and only ever served as a download.
/// </summary>
public class MeasureAttachment
{
    public const int FileNameMaxLength = 100;
    public const int StoredNameLength = 32;
    public const int MaxBytes = 10 * 1024 * 1024;

    public int Id { get; set; }

    public int MeasureId { get; set; }

    /// <summary>The uploaded name, cleaned of paths and control characters; for display and the download's name only.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The type found from the content (image/png, image/jpeg, application/pdf), never the one the browser claimed.</summary>
    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    /// <summary>Random hex name of the file in the attachments folder.</summary>
    public string StoredName { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public string UploadedBy { get; set; } = "";

    public DateTime UploadedUtc { get; set; }
}

/// <summary>验收: the superior's judgement on 到位 / 合理 / 有效, each with a remark; any "no" sends the measure back.</summary>
public class MeasureVerification
{
    public const int RemarkMaxLength = 500;

    public int Id { get; set; }

    public int MeasureId { get; set; }

    public bool InPlace { get; set; }

    public string? InPlaceRemark { get; set; }

    public bool Reasonable { get; set; }

    public string? ReasonableRemark { get; set; }

    public bool Effective { get; set; }

    public string? EffectiveRemark { get; set; }

    public bool Passed => InPlace && Reasonable && Effective;

    /// <summary>The organisation whose administrator verified: the superior of the responsible one.</summary>
    public int VerifierOrganizationId { get; set; }

    public string By { get; set; } = "";

    public DateOnly On { get; set; }

    public DateTime AtUtc { get; set; }
}
