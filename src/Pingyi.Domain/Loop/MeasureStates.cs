namespace Pingyi.Domain.Loop;

/// <summary>整改状态. 逾期 is not a state: it is derived from the deadline (<see cref="MeasureStates.IsOverdue"/>).</summary>
public enum MeasureState
{
    /// <summary>待整改.</summary>
    Pending = 1,

    /// <summary>整改中.</summary>
    InProgress = 2,

    /// <summary>待验收.</summary>
    AwaitingVerification = 3,

    /// <summary>已验收.</summary>
    Verified = 4,
}

/// <summary>What may happen to a measure.</summary>
public enum MeasureAction
{
    /// <summary>The responsible organisation starts work.</summary>
    Start = 1,

    /// <summary>It reports the work done, with evidence, for verification.</summary>
    Submit = 2,

    /// <summary>The superior finds it 到位, 合理 and 有效.</summary>
    Verify = 3,

    /// <summary>退回: the superior finds any of the three wanting; work resumes.</summary>
    SendBack = 4,
}

/// <summary>
/// The rectification state machine: 待整改 → 整改中 → 待验收 → 已验收. Verification cannot be
/// skipped (only a measure awaiting verification can be verified), and a measure sent back (退回)
/// returns to 整改中, to be submitted again. Nothing leaves 已验收.
/// </summary>
public static class MeasureStates
{
    public static readonly IReadOnlyDictionary<MeasureState, string> Labels = new Dictionary<MeasureState, string>
    {
        [MeasureState.Pending] = "待整改",
        [MeasureState.InProgress] = "整改中",
        [MeasureState.AwaitingVerification] = "待验收",
        [MeasureState.Verified] = "已验收",
    };

    public const string OverdueLabel = "逾期";
    public const string SentBackLabel = "退回";

    /// <summary>The state after <paramref name="action"/>, or the Chinese reason it is not allowed now.</summary>
    public static (MeasureState? Next, string? Error) Apply(MeasureState state, MeasureAction action) => (state, action) switch
    {
        (MeasureState.Pending, MeasureAction.Start) => (MeasureState.InProgress, null),
        // Work may be reported straight away: starting is implied.
        (MeasureState.Pending or MeasureState.InProgress, MeasureAction.Submit) => (MeasureState.AwaitingVerification, null),
        (MeasureState.AwaitingVerification, MeasureAction.Verify) => (MeasureState.Verified, null),
        (MeasureState.AwaitingVerification, MeasureAction.SendBack) => (MeasureState.InProgress, null),
        (MeasureState.Verified, _) => (null, "该整改措施已验收，不能再更改。"),
        (_, MeasureAction.Verify or MeasureAction.SendBack) => (null, "整改措施尚未提交验收，不能验收或退回。"),
        (MeasureState.InProgress, MeasureAction.Start) => (null, "该整改措施已在整改中。"),
        (MeasureState.AwaitingVerification, MeasureAction.Start or MeasureAction.Submit) => (null, "该整改措施已提交验收，请等待上级组织验收。"),
        _ => (null, "不能进行该操作。"),
    };

    /// <summary>
    /// 逾期: not verified and the deadline has passed (the deadline day itself is still in time).
    /// A verified measure was closed on time when it was verified on or before its deadline.
    /// </summary>
    public static bool IsOverdue(MeasureState state, DateOnly deadline, DateOnly today) =>
        state != MeasureState.Verified && today > deadline;

    public static bool ClosedOnTime(DateOnly deadline, DateOnly verifiedOn) => verifiedOn <= deadline;

    public static string LabelOf(MeasureState state, DateOnly deadline, DateOnly today) =>
        IsOverdue(state, deadline, today) ? $"{Labels[state]}（{OverdueLabel}）" : Labels[state];
}
