using Pingyi.Domain.Loop;

namespace Pingyi.Domain.Tests.Loop;

public class MeasureRulesTests
{
    [Theory]
    [InlineData(0, 0, 0, ProblemStatus.NoMeasures)]
    [InlineData(2, 1, 0, ProblemStatus.InProgress)]
    [InlineData(2, 2, 0, ProblemStatus.Completed)]
    [InlineData(2, 1, 1, ProblemStatus.Overdue)]
    public void A_problems_status_follows_its_measures(int measures, int verified, int overdue, ProblemStatus expected) =>
        Assert.Equal(expected, MeasureRules.StatusOf(measures, verified, overdue));

    [Fact]
    public void A_no_needs_its_reason_and_every_criterion_needs_an_answer()
    {
        Assert.Empty(MeasureRules.CheckVerification(true, null, true, null, true, null));
        Assert.Equal(["判断为不合理时，请写明理由。"], MeasureRules.CheckVerification(true, null, false, " ", true, null));
        Assert.Empty(MeasureRules.CheckVerification(true, null, true, null, false, "仍有投诉"));
        Assert.Equal(["请判断是否到位。"], MeasureRules.CheckVerification(null, null, true, null, true, null));
        Assert.Single(MeasureRules.CheckVerification(true, new string('x', MeasureVerification.RemarkMaxLength + 1), true, null, true, null));
    }

    [Fact]
    public void Sending_back_lists_only_the_failed_criteria_with_their_reasons()
    {
        var text = MeasureRules.SendBackReasons(new MeasureVerification
        {
            InPlace = true,
            Reasonable = false,
            ReasonableRemark = "措施与问题无关",
            Effective = false,
            EffectiveRemark = "仍有投诉",
        });
        Assert.Equal("退回重新整改：不合理（措施与问题无关）；无效（仍有投诉）", text);
    }

    [Fact]
    public void Measure_input_is_checked()
    {
        Assert.Empty(MeasureRules.CheckMeasure("增开窗口", "张三", 15));
        Assert.Equal(3, MeasureRules.CheckMeasure(" ", "", 0).Count);
        Assert.Single(MeasureRules.CheckMeasure("x", "y", WorkCalendar.MaxDeadlineDays + 1));
        Assert.Single(MeasureRules.CheckMeasure("x", "y", null));
        Assert.Single(MeasureRules.CheckProblem("题", new string('x', Problem.DescriptionMaxLength + 1)));
    }
}
