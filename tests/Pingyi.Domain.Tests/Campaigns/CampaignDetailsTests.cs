using Pingyi.Domain.Campaigns;

namespace Pingyi.Domain.Tests.Campaigns;

public class CampaignDetailsTests
{
    private static readonly DateOnly Start = new(2024, 3, 1);
    private static readonly DateOnly End = new(2024, 3, 31);

    private static List<string> Check(string? name = "2024年群众评议", int year = 2024, string? theme = null,
        DateOnly? startsOn = null, DateOnly? endsOn = null, int minGroupSize = Campaign.DefaultMinGroupSize) =>
        CampaignRules.CheckDetails(name, year, theme, startsOn ?? Start, endsOn ?? End, minGroupSize);

    [Fact]
    public void CheckDetails_accepts_complete_details()
    {
        Assert.Empty(Check(theme: "敬业奉献、服务群众健康"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void CheckDetails_refuses_a_blank_name(string? name)
    {
        Assert.Equal(["活动名称不能为空。"], Check(name: name));
    }

    [Fact]
    public void CheckDetails_refuses_a_name_or_theme_that_is_too_long()
    {
        Assert.Equal(["活动名称不能超过100个字符。"], Check(name: new string('评', Campaign.NameMaxLength + 1)));
        Assert.Equal(["主题不能超过200个字符。"], Check(theme: new string('主', Campaign.ThemeMaxLength + 1)));
        Assert.Empty(Check(name: new string('评', Campaign.NameMaxLength)));
    }

    [Theory]
    [InlineData(1999, false)]
    [InlineData(2000, true)]
    [InlineData(2100, true)]
    [InlineData(2101, false)]
    public void CheckDetails_keeps_the_year_between_2000_and_2100(int year, bool accepted)
    {
        Assert.Equal(accepted ? Array.Empty<string>() : ["年度应在2000到2100之间。"], Check(year: year));
    }

    [Fact]
    public void CheckDetails_refuses_an_end_before_the_start_and_accepts_a_one_day_period()
    {
        Assert.Equal(["评议期的结束日期不能早于开始日期。"], Check(endsOn: Start.AddDays(-1)));
        Assert.Empty(Check(endsOn: Start));
    }

    [Fact]
    public void CheckDetails_asks_for_missing_dates()
    {
        Assert.Equal(["请填写评议期的开始和结束日期。"], Check(startsOn: default(DateOnly)));
        Assert.Equal(["请填写评议期的开始和结束日期。"], Check(endsOn: default(DateOnly)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void CheckDetails_never_lets_k_fall_below_3(int k)
    {
        Assert.Equal(["最小分组人数不能小于3，否则少数评议人的意见可能被推算出来。"], Check(minGroupSize: k));
    }

    [Fact]
    public void CheckDetails_accepts_k_of_3_and_up_to_100()
    {
        Assert.Empty(Check(minGroupSize: 3));
        Assert.Empty(Check(minGroupSize: 100));
        Assert.Equal(["最小分组人数不能大于100。"], Check(minGroupSize: 101));
    }

    [Fact]
    public void A_new_campaign_starts_as_a_draft_with_k_of_5()
    {
        var campaign = new Campaign();

        Assert.Equal(5, campaign.MinGroupSize);
        Assert.Equal(CampaignState.Draft, campaign.State);
    }

    [Fact]
    public void CheckDetails_reports_every_problem()
    {
        Assert.Equal(
            ["活动名称不能为空。", "年度应在2000到2100之间。", "评议期的结束日期不能早于开始日期。", "最小分组人数不能小于3，否则少数评议人的意见可能被推算出来。"],
            Check(name: "", year: 0, endsOn: Start.AddDays(-1), minGroupSize: 1));
    }

    [Fact]
    public void CheckRaterGroup_accepts_a_listed_kind_without_a_name()
    {
        Assert.Empty(CampaignRules.CheckRaterGroup(RaterGroupKind.NpcDeputy, null, 10, 20));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void CheckRaterGroup_wants_a_name_for_a_custom_group(string? name)
    {
        Assert.Equal(["自定义类别名称不能为空。"], CampaignRules.CheckRaterGroup(RaterGroupKind.Custom, name, 10, 20));
        Assert.Empty(CampaignRules.CheckRaterGroup(RaterGroupKind.Custom, "社区居民代表", 10, 20));
    }

    [Fact]
    public void CheckRaterGroup_refuses_a_name_that_is_too_long()
    {
        var name = new string('类', RaterGroup.NameMaxLength + 1);

        Assert.Equal(["类别名称不能超过50个字符。"], CampaignRules.CheckRaterGroup(RaterGroupKind.StaffRepresentative, name, 10, 20));
        Assert.Equal(["自定义类别名称不能超过50个字符。"], CampaignRules.CheckRaterGroup(RaterGroupKind.Custom, name, 10, 20));
    }

    [Fact]
    public void CheckRaterGroup_refuses_an_unknown_kind()
    {
        Assert.Equal(["评议人类别不正确。"], CampaignRules.CheckRaterGroup((RaterGroupKind)42, null, 10, 20));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(RaterGroup.MaxPlannedCount, true)]
    [InlineData(RaterGroup.MaxPlannedCount + 1, false)]
    public void CheckRaterGroup_keeps_the_planned_count_between_1_and_a_million(int plannedCount, bool accepted)
    {
        Assert.Equal(
            accepted ? Array.Empty<string>() : ["名额应在1到1000000之间。"],
            CampaignRules.CheckRaterGroup(RaterGroupKind.ServiceRecipient, null, plannedCount, 50));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void CheckRaterGroup_keeps_the_weight_between_0_and_100(int weight, bool accepted)
    {
        Assert.Equal(
            accepted ? Array.Empty<string>() : ["权重应在0到100之间。"],
            CampaignRules.CheckRaterGroup(RaterGroupKind.ServiceRecipient, null, 10, weight));
    }

    [Fact]
    public void GroupName_is_the_custom_name_or_the_kind_name()
    {
        Assert.Equal("人大代表", CampaignRules.GroupName(RaterGroupKind.NpcDeputy, " "));
        Assert.Equal("社区居民", CampaignRules.GroupName(RaterGroupKind.Custom, " 社区居民 "));
    }

    [Theory]
    [InlineData(Direction.OrganizationRatesMembers, false, "“党组织评议党员”的评议对象应是党员。")]
    [InlineData(Direction.MembersRateOrganization, true, "“党员评议党组织”的评议对象应是组织。")]
    [InlineData((Direction)0, true, "评议方向不正确。")]
    [InlineData(Direction.OrganizationRatesMembers, true, null)]
    [InlineData(Direction.MembersRateOrganization, false, null)]
    [InlineData(Direction.TopDown, false, null)]
    [InlineData(Direction.Self, true, null)]
    public void CheckDirection_matches_member_and_organisation_subjects_to_directions(Direction direction, bool subjectIsMember, string? error)
    {
        Assert.Equal(error, CampaignRules.CheckDirection(direction, subjectIsMember));
    }
}
