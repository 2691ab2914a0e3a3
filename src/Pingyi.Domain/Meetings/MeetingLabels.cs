namespace Pingyi.Domain.Meetings;

public static class MeetingLabels
{
    public static readonly IReadOnlyDictionary<MeetingKind, string> Kinds = new Dictionary<MeetingKind, string>
    {
        [MeetingKind.AppraisalMeeting] = "评议会",
        [MeetingKind.Forum] = "座谈会",
        [MeetingKind.Interview] = "个别访谈",
        [MeetingKind.Visit] = "走访",
    };

    public static readonly IReadOnlyDictionary<PaperSlipState, string> SlipStates = new Dictionary<PaperSlipState, string>
    {
        [PaperSlipState.Issued] = "未录入",
        [PaperSlipState.Counted] = "有效",
        [PaperSlipState.Void] = "无效",
    };

    public static string Of(MeetingKind k) => Kinds.TryGetValue(k, out var n) ? n : k.ToString();

    public static string Of(PaperSlipState s) => SlipStates.TryGetValue(s, out var n) ? n : s.ToString();
}
