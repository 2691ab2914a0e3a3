namespace Pingyi.Domain.Meetings;

/// <summary>
/// 评议会 / 座谈会 / 个别访谈 / 走访: where paper forms are handed out and returned and opinions are
/// heard, hosted by one organisation within a campaign. The forms it issued are counted here; the
/// slips typed in (<see cref="PaperSlip"/>) say how many came back valid or void.
/// </summary>
public class Meeting
{
    public const int TitleMaxLength = 100;
    public const int PlaceMaxLength = 100;
    public const int MinutesMaxLength = 4000;
    public const int MaxForms = 10_000;
    public const int MaxAttendance = 100_000;

    public int Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>主办组织: decides which administrators see the meeting (their subtree).</summary>
    public int HostOrganizationId { get; set; }

    public MeetingKind Kind { get; set; }

    public string Title { get; set; } = "";

    public DateOnly HeldOn { get; set; }

    public string Place { get; set; } = "";

    /// <summary>The rater group whose form the paper slips carry; required once forms are issued.</summary>
    public int? RaterGroupId { get; set; }

    /// <summary>参加人次: everyone who took part, whether or not they handed in a form.</summary>
    public int Attendance { get; set; }

    /// <summary>发放: forms handed out; slips are numbered 1..FormsIssued.</summary>
    public int FormsIssued { get; set; }

    /// <summary>回收: forms handed back; never more than issued, and no more slips are typed than this.</summary>
    public int FormsReturned { get; set; }

    /// <summary>双人录入: two clerks type every slip and only agreed ballots count.</summary>
    public bool DoubleEntry { get; set; }

    /// <summary>纪要.</summary>
    public string? Minutes { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public List<MeetingInvitee> Invitees { get; set; } = [];
}

public enum MeetingKind
{
    /// <summary>评议会.</summary>
    AppraisalMeeting = 1,

    /// <summary>座谈会.</summary>
    Forum = 2,

    /// <summary>个别访谈.</summary>
    Interview = 3,

    /// <summary>走访.</summary>
    Visit = 4,
}

/// <summary>An organisation or a member invited to a meeting (exactly one of the two), as "邀请3个党委组织、50个党员".</summary>
public class MeetingInvitee
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public int? OrganizationId { get; set; }

    public int? MemberId { get; set; }
}

/// <summary>
/// One numbered paper form of a meeting. Printing creates the slips with the 评议码 printed on each
/// (so the same copy can be answered online instead, but only once); typing a returned slip marks it
/// counted or void. A slip never points to the ballot typed from it, and nothing records when it
/// was typed, so a ballot cannot be traced to a serial (the serial may have been handed to a known person).
/// </summary>
public class PaperSlip
{
    public const int VoidReasonMaxLength = 200;

    public long Id { get; set; }

    public int MeetingId { get; set; }

    /// <summary>编号: 1..Meeting.FormsIssued, unique within the meeting.</summary>
    public int Serial { get; set; }

    /// <summary>The token printed on this copy, consumed when the slip is typed in; null for forms printed elsewhere.</summary>
    public long? TokenId { get; set; }

    public PaperSlipState State { get; set; }

    public string? VoidReason { get; set; }
}

public enum PaperSlipState
{
    /// <summary>Printed and handed out, not typed yet.</summary>
    Issued = 0,

    /// <summary>有效: typed (and, with double entry, agreed); its ballot counts.</summary>
    Counted = 1,

    /// <summary>无效: returned but void (blank, spoiled, unreadable …), with the reason.</summary>
    Void = 2,
}

/// <summary>
/// One clerk's typing of one slip under double entry (pass 1 or 2), kept only until the two passes
/// agree or a mismatch is resolved; then the ballot is stored and both passes are deleted.
/// </summary>
public class PaperEntry
{
    public long Id { get; set; }

    public int MeetingId { get; set; }

    public int Serial { get; set; }

    /// <summary>1 or 2.</summary>
    public int Pass { get; set; }

    /// <summary>The clerk's user name: the second pass must be typed by someone else.</summary>
    public string EnteredBy { get; set; } = "";

    public bool IsVoid { get; set; }

    public string? VoidReason { get; set; }

    /// <summary>The typed answers as JSON: an object of "subjectId_itemKey" → array of values, as the ballot form posts them.</summary>
    public string AnswersJson { get; set; } = "{}";
}
