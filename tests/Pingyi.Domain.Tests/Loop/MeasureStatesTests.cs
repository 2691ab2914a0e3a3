using Pingyi.Domain.Loop;

namespace Pingyi.Domain.Tests.Loop;

public class MeasureStatesTests
{
    [Fact]
    public void A_measure_goes_from_pending_through_verification_to_verified()
    {
        var state = MeasureState.Pending;
        foreach (var action in new[] { MeasureAction.Start, MeasureAction.Submit, MeasureAction.Verify })
        {
            var (next, error) = MeasureStates.Apply(state, action);
            Assert.Null(error);
            state = next!.Value;
        }
        Assert.Equal(MeasureState.Verified, state);
    }

    [Fact]
    public void Verification_cannot_be_skipped_and_nothing_leaves_verified()
    {
        Assert.Equal("整改措施尚未提交验收，不能验收或退回。", MeasureStates.Apply(MeasureState.Pending, MeasureAction.Verify).Error);
        Assert.Equal("整改措施尚未提交验收，不能验收或退回。", MeasureStates.Apply(MeasureState.InProgress, MeasureAction.Verify).Error);
        Assert.Null(MeasureStates.Apply(MeasureState.InProgress, MeasureAction.SendBack).Next);
        foreach (var action in Enum.GetValues<MeasureAction>())
        {
            Assert.Equal((null, "该整改措施已验收，不能再更改。"), MeasureStates.Apply(MeasureState.Verified, action));
        }
        Assert.NotNull(MeasureStates.Apply(MeasureState.AwaitingVerification, MeasureAction.Submit).Error);
    }

    [Fact]
    public void A_measure_sent_back_returns_to_in_progress_and_must_be_submitted_again()
    {
        Assert.Equal((MeasureState.InProgress, (string?)null), MeasureStates.Apply(MeasureState.AwaitingVerification, MeasureAction.SendBack));
        Assert.Equal((MeasureState.AwaitingVerification, (string?)null), MeasureStates.Apply(MeasureState.InProgress, MeasureAction.Submit));
    }

    [Fact]
    public void Overdue_is_derived_from_the_deadline_and_the_deadline_day_is_still_in_time()
    {
        var deadline = new DateOnly(2025, 10, 23);
        Assert.False(MeasureStates.IsOverdue(MeasureState.InProgress, deadline, deadline));
        Assert.True(MeasureStates.IsOverdue(MeasureState.InProgress, deadline, deadline.AddDays(1)));
        Assert.True(MeasureStates.IsOverdue(MeasureState.AwaitingVerification, deadline, deadline.AddDays(1)));
        Assert.False(MeasureStates.IsOverdue(MeasureState.Verified, deadline, deadline.AddDays(30)));
        Assert.Equal("整改中（逾期）", MeasureStates.LabelOf(MeasureState.InProgress, deadline, deadline.AddDays(1)));
        Assert.True(MeasureStates.ClosedOnTime(deadline, deadline));
        Assert.False(MeasureStates.ClosedOnTime(deadline, deadline.AddDays(1)));
    }
}
