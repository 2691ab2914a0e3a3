using Pingyi.Domain.Meetings;

namespace Pingyi.Domain.Tests.Meetings;

public class StandingChannelRulesTests
{
    [Theory]
    [InlineData("门诊大厅", "1", 1)]
    [InlineData(" 住院部三病区 ", " 20 ", 20)]
    public void A_place_and_a_limit_from_1_to_20_are_accepted(string name, string limit, int parsed)
    {
        Assert.Null(StandingChannelRules.Check(name, limit, out var value));
        Assert.Equal(parsed, value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData(null)]
    public void A_limit_outside_1_to_20_or_not_a_whole_number_is_refused(string? limit)
    {
        Assert.Equal(StandingChannelRules.LimitRule, StandingChannelRules.Check("收费窗口", limit, out var value));
        Assert.Equal(0, value);
    }

    [Theory]
    [InlineData(null, "地点名称不能为空")]
    [InlineData("  ", "地点名称不能为空")]
    [InlineData("窗口\u0007", "控制字符")]
    public void A_blank_or_invisible_place_name_is_refused(string? name, string message) =>
        Assert.Contains(message, StandingChannelRules.Check(name, "1", out _));

    [Fact]
    public void A_place_name_longer_than_the_column_is_refused_with_every_reason()
    {
        var error = StandingChannelRules.Check(new string('长', StandingChannel.NameMaxLength + 1), "0", out _);
        Assert.Contains($"不能超过{StandingChannel.NameMaxLength}个字符", error);
        Assert.Contains(StandingChannelRules.LimitRule, error);
        Assert.Null(StandingChannelRules.Check(new string('长', StandingChannel.NameMaxLength), "1", out _));
    }
}
