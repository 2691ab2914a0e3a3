namespace Pingyi.Domain.Loop;

/// <summary>
/// 意见建议: one remark, from a ballot's free text, a meeting, an interview, a visit, a letter, the
/// hotline or the public box. Opinions carried over from ballots stay as anonymous as the ballot: a
/// random id (no order of arrival), the date only, no ballot id, and only the hash of the rater's
/// 回执码 so that the rater — and nobody else — can later read the reply and re-rate the handling.
/// Merging keeps every original: a merged opinion points to the one it was merged into.
/// </summary>
public class Opinion
{
    public const int TextMaxLength = 2000;
    public const int SourceNoteMaxLength = 200;
    public const int ReplyMaxLength = 2000;

    public Guid Id { get; set; }

    public OpinionSource Source { get; set; }

    public int? CampaignId { get; set; }

    /// <summary>The organisation the opinion concerns (a member subject's organisation for a ballot remark on a member).</summary>
    public int OrganizationId { get; set; }

    public int? CategoryId { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The day only, for every source: an exact time could be matched against a token's use.</summary>
    public DateOnly ReceivedOn { get; set; }

    /// <summary>Where staff took it from (e.g. "12345热线工单 2026-1123"), never the raiser's name; null for ballots and the public box.</summary>
    public string? SourceNote { get; set; }

    /// <summary>The meeting it was raised at, for meeting, interview and visit sources.</summary>
    public int? MeetingId { get; set; }

    /// <summary>Keyed hash of the 回执码 the raiser holds (a ballot's receipt, or one issued by the public box or staff).</summary>
    public string? ReceiptHash { get; set; }

    /// <summary>Set when merged as a duplicate: the opinion it was merged into, which counts it.</summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>The problem it was found to show (查找问题); set on every opinion of a merge group.</summary>
    public int? ProblemId { get; set; }

    /// <summary>A direct answer for an opinion that is no problem (praise, an explanation); a problem's reply otherwise.</summary>
    public string? Reply { get; set; }

    public DateOnly? RepliedOn { get; set; }

    public string? RepliedBy { get; set; }

    /// <summary>整改满意度: the raiser's rating of the handling, through the receipt code.</summary>
    public ReRating? ReRating { get; set; }

    public DateOnly? ReRatedOn { get; set; }

    /// <summary>The account that typed it in; null for ballots and the public box.</summary>
    public string? RecordedBy { get; set; }
}

/// <summary>Where an opinion came from.</summary>
public enum OpinionSource
{
    /// <summary>测评票: free text on a ballot, online, paper or standing QR.</summary>
    Ballot = 1,

    /// <summary>评议会、座谈会.</summary>
    Meeting = 2,

    /// <summary>个别访谈.</summary>
    Interview = 3,

    /// <summary>走访.</summary>
    Visit = 4,

    /// <summary>来信.</summary>
    Letter = 5,

    /// <summary>热线电话.</summary>
    Hotline = 6,

    /// <summary>网上意见箱: the public suggestion page.</summary>
    PublicBox = 7,
}

/// <summary>整改满意度, the raiser's rating of how the opinion was handled.</summary>
public enum ReRating
{
    Satisfied = 1,
    BasicallySatisfied = 2,
    Unsatisfied = 3,
}

/// <summary>意见类别: a configurable list; the defaults are the ones the health system uses.</summary>
public class OpinionCategory
{
    public const int NameMaxLength = 20;

    public static readonly IReadOnlyList<string> Defaults =
        ["工作作风", "服务态度", "医疗质量", "医疗费用", "医德医风", "就医环境", "制度机制", "其他"];

    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }

    /// <summary>A retired category keeps its opinions but is no longer offered.</summary>
    public bool IsActive { get; set; } = true;
}

public static class OpinionLabels
{
    public static readonly IReadOnlyDictionary<OpinionSource, string> Sources = new Dictionary<OpinionSource, string>
    {
        [OpinionSource.Ballot] = "测评票",
        [OpinionSource.Meeting] = "评议会/座谈会",
        [OpinionSource.Interview] = "个别访谈",
        [OpinionSource.Visit] = "走访",
        [OpinionSource.Letter] = "来信",
        [OpinionSource.Hotline] = "热线电话",
        [OpinionSource.PublicBox] = "网上意见箱",
    };

    public static readonly IReadOnlyDictionary<ReRating, string> ReRatings = new Dictionary<ReRating, string>
    {
        [ReRating.Satisfied] = "满意",
        [ReRating.BasicallySatisfied] = "基本满意",
        [ReRating.Unsatisfied] = "不满意",
    };

    /// <summary>Sources staff type in (ballots arrive by themselves, the public box from the public).</summary>
    public static readonly IReadOnlyList<OpinionSource> StaffSources =
        [OpinionSource.Meeting, OpinionSource.Interview, OpinionSource.Visit, OpinionSource.Letter, OpinionSource.Hotline];
}
