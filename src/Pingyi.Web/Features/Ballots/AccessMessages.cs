namespace Pingyi.Web.Features.Ballots;

/// <summary>What a rater is told, and the status answered, when a code or page admits nobody.</summary>
public static class AccessMessages
{
    public const string Malformed = "评议码有误，请核对后重新输入。";
    public const string Unknown = "没有找到这个评议码，请核对后重新输入，或向发放评议码的单位询问。";
    public const string Used = "该评议码已经使用过，每个评议码只能评议一次。";
    public const string Void = "该评议码已作废，请向发放评议码的单位询问。";
    public const string NotStarted = "本次评议尚未开始，请在评议期内再来。";
    public const string Ended = "本次评议已结束，感谢您的关注。";
    public const string Expired = "页面已过期，请重新扫描二维码、打开评议链接或输入评议码。";
    public const string Submitted = "您的评议已提交，感谢您的参与。每个评议码只能评议一次。";
    public const string Throttled = "尝试次数过多，请一分钟后再试。";

    public static (int Status, string Title, string Message) Of(AccessState state) => state switch
    {
        AccessState.Malformed => (StatusCodes.Status400BadRequest, "评议码有误", Malformed),
        AccessState.Unknown => (StatusCodes.Status404NotFound, "评议码无效", Unknown),
        AccessState.Used => (StatusCodes.Status409Conflict, "评议码已使用", Used),
        AccessState.Void => (StatusCodes.Status410Gone, "评议码已作废", Void),
        AccessState.NotStarted => (StatusCodes.Status403Forbidden, "评议尚未开始", NotStarted),
        AccessState.Ended => (StatusCodes.Status403Forbidden, "评议已结束", Ended),
        AccessState.Submitted => (StatusCodes.Status409Conflict, "已提交", Submitted),
        AccessState.Throttled => (StatusCodes.Status429TooManyRequests, "请稍后再试", Throttled),
        _ => (StatusCodes.Status400BadRequest, "页面已过期", Expired),
    };

    /// <summary>Whether typing a code again could help the rater.</summary>
    public static bool OffersCodeEntry(AccessState state) =>
        state is AccessState.Malformed or AccessState.Unknown or AccessState.Expired;
}
