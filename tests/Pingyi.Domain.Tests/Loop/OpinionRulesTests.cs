using Pingyi.Domain.Loop;

namespace Pingyi.Domain.Tests.Loop;

public class OpinionRulesTests
{
    private static Opinion New(int? campaignId = 1) => new() { Id = Guid.NewGuid(), CampaignId = campaignId, Text = "意见" };

    [Fact]
    public void State_is_derived_problem_first_then_merge_then_reply()
    {
        var o = New();
        Assert.Equal(OpinionState.Pending, OpinionRules.StateOf(o));
        o.Reply = "已说明";
        Assert.Equal(OpinionState.Replied, OpinionRules.StateOf(o));
        o.MergedIntoId = Guid.NewGuid();
        Assert.Equal(OpinionState.Merged, OpinionRules.StateOf(o));
        o.ProblemId = 3;
        Assert.Equal(OpinionState.Problem, OpinionRules.StateOf(o));
    }

    [Theory]
    [InlineData(null, "请填写意见建议的内容。")]
    [InlineData("   ", "请填写意见建议的内容。")]
    [InlineData("有\u0007铃", "意见建议的内容含有不可见的控制字符。")]
    [InlineData("第一行\r\n第二行\t完", null)]
    [InlineData("<script>alert(1)</script>", null)]
    public void Text_is_required_and_free_of_control_characters(string? text, string? error) =>
        Assert.Equal(error, OpinionRules.CheckText(text, 100));

    [Fact]
    public void Text_length_is_capped_by_the_caller()
    {
        Assert.Null(OpinionRules.CheckText(new string('长', 1000), OpinionRules.PublicTextMaxLength));
        Assert.Equal("意见建议的内容不能超过1000个字。", OpinionRules.CheckText(new string('长', 1001), OpinionRules.PublicTextMaxLength));
    }

    [Fact]
    public void Received_date_may_not_lie_in_the_future()
    {
        var today = new DateOnly(2026, 11, 24);
        Assert.Null(OpinionRules.CheckReceivedOn(today, today));
        Assert.Null(OpinionRules.CheckReceivedOn(today.AddDays(-30), today));
        Assert.Equal("收到日期不能晚于今天。", OpinionRules.CheckReceivedOn(today.AddDays(1), today));
        Assert.NotNull(OpinionRules.CheckReceivedOn(today.AddYears(-6), today));
    }

    [Theory]
    [InlineData("", "请填写类别名称。")]
    [InlineData("服务态度", "类别“服务态度”已存在。")]
    [InlineData(" 服务态度 ", "类别“服务态度”已存在。")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一", "类别名称不能超过20个字。")]
    [InlineData("新\n类别", "类别名称含有不可见的控制字符。")]
    [InlineData("后勤保障", null)]
    public void Category_names_are_unique_short_and_clean(string name, string? error) =>
        Assert.Equal(error, OpinionRules.CheckCategoryName(name, ["服务态度", "其他"]));

    [Fact]
    public void Merging_needs_two_free_group_heads_of_one_campaign()
    {
        var a = New();
        var b = New();
        Assert.Null(OpinionRules.CheckMerge(a, b));
        Assert.NotNull(OpinionRules.CheckMerge(a, a));
        Assert.Equal("不同评议活动的意见不能合并。", OpinionRules.CheckMerge(a, New(2)));
        Assert.Equal("不同评议活动的意见不能合并。", OpinionRules.CheckMerge(a, New(null)));
        Assert.Null(OpinionRules.CheckMerge(New(null), New(null)));
        Assert.Equal("不同组织的意见不能合并。", OpinionRules.CheckMerge(a, new Opinion { Id = Guid.NewGuid(), CampaignId = 1, OrganizationId = 9 }));
        Assert.NotNull(OpinionRules.CheckMerge(a, new Opinion { Id = Guid.NewGuid(), CampaignId = 1, MergedIntoId = a.Id }));
        Assert.NotNull(OpinionRules.CheckMerge(a, new Opinion { Id = Guid.NewGuid(), CampaignId = 1, ProblemId = 4 }));
        Assert.NotNull(OpinionRules.CheckMerge(new Opinion { Id = Guid.NewGuid(), CampaignId = 1, Reply = "谢谢" }, b));
    }

    [Fact]
    public void Unmerging_is_refused_once_the_group_is_on_a_problem_or_replied_to()
    {
        var head = New();
        var merged = new Opinion { Id = Guid.NewGuid(), CampaignId = 1, MergedIntoId = head.Id };
        Assert.Null(OpinionRules.CheckUnmerge(merged, head));
        Assert.NotNull(OpinionRules.CheckUnmerge(New(), head));
        head.Reply = "已答复";
        Assert.Equal("已答复的意见不能取消合并。", OpinionRules.CheckUnmerge(merged, head));
        head.Reply = null;
        merged.ProblemId = 1;
        Assert.Equal("已转为问题的意见不能取消合并。", OpinionRules.CheckUnmerge(merged, head));
    }

    [Fact]
    public void Only_staff_typed_opinions_may_be_audited_by_id()
    {
        Assert.False(OpinionRules.MayAuditId(OpinionSource.Ballot));
        Assert.False(OpinionRules.MayAuditId(OpinionSource.PublicBox));
        Assert.All(OpinionLabels.StaffSources, s => Assert.True(OpinionRules.MayAuditId(s)));
    }
}
