using Pingyi.Domain.Forms;

namespace Pingyi.Domain.Tests.Forms;

public class GradeScalesTests
{
    [Fact]
    public void Satisfaction3_counts_satisfied_and_basically_satisfied_and_strictly_only_satisfied()
    {
        Assert.Equal(
            [new(1, "满意", true, true), new(2, "基本满意", true, false), new GradeLevel(3, "不满意", false, false)],
            GradeScales.Of(GradeScale.Satisfaction3));
    }

    [Fact]
    public void Satisfaction5_counts_the_top_three_and_strictly_the_top_two_and_the_last_two_are_bad_reviews()
    {
        Assert.Equal(
            [
                new(1, "非常满意", true, true),
                new(2, "满意", true, true),
                new(3, "基本满意", true, false),
                new(4, "不满意", false, false),
                new GradeLevel(5, "非常不满意", false, false),
            ],
            GradeScales.Of(GradeScale.Satisfaction5));
    }

    [Fact]
    public void MemberGrade4_offers_the_four_grades_of_democratic_appraisal_best_first()
    {
        Assert.Equal(
            [new(1, "优秀", true, true), new(2, "合格", true, false), new(3, "基本合格", false, false), new GradeLevel(4, "不合格", false, false)],
            GradeScales.Of(GradeScale.MemberGrade4));
    }

    [Theory]
    [InlineData(GradeScale.None)]
    [InlineData((GradeScale)9)]
    public void Of_an_unknown_scale_has_no_levels(GradeScale scale)
    {
        Assert.Empty(GradeScales.Of(scale));
    }

    [Theory]
    [InlineData(GradeScale.Satisfaction3)]
    [InlineData(GradeScale.Satisfaction5)]
    [InlineData(GradeScale.MemberGrade4)]
    public void Every_scale_numbers_its_levels_from_1_and_has_a_chinese_name(GradeScale scale)
    {
        var levels = GradeScales.Of(scale);

        Assert.Equal(Enumerable.Range(1, levels.Count), levels.Select(l => l.Value));
        Assert.All(levels, l => Assert.True(l.Satisfied || !l.StrictlySatisfied, "a strictly satisfied level is also satisfied"));
        Assert.NotEqual(scale.ToString(), GradeScales.NameOf(scale));
    }
}
