using Pingyi.Domain.Campaigns;

namespace Pingyi.Domain.Tests.Campaigns;

public class CampaignLifecycleTests
{
    private static readonly DateTime Now = new(2024, 3, 5, 1, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2024, 3, 5);

    private readonly TestCampaigns plan = new();

    private Campaign Campaign => plan.Campaign;

    public static TheoryData<CampaignState, CampaignState[]> Moves => new()
    {
        { CampaignState.Draft, [CampaignState.Open] },
        { CampaignState.Open, [CampaignState.Closed] },
        { CampaignState.Closed, [CampaignState.Published, CampaignState.Archived] },
        { CampaignState.Published, [CampaignState.Archived] },
        { CampaignState.Archived, [] },
        { (CampaignState)0, [] },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void NextStates_moves_only_forward_one_step_with_publication_optional(CampaignState from, CampaignState[] to)
    {
        Assert.Equal(to, CampaignRules.NextStates(from));
    }

    [Theory]
    [InlineData(CampaignState.Draft, CampaignState.Closed, "活动当前为“草稿”，不能改为“已结束”。")]
    [InlineData(CampaignState.Draft, CampaignState.Archived, "活动当前为“草稿”，不能改为“已归档”。")]
    [InlineData(CampaignState.Open, CampaignState.Published, "活动当前为“进行中”，不能改为“已公示”。")]
    [InlineData(CampaignState.Open, CampaignState.Draft, "活动当前为“进行中”，不能改为“草稿”。")]
    [InlineData(CampaignState.Closed, CampaignState.Open, "活动当前为“已结束”，不能改为“进行中”。")]
    [InlineData(CampaignState.Published, CampaignState.Closed, "活动当前为“已公示”，不能改为“已结束”。")]
    [InlineData(CampaignState.Archived, CampaignState.Published, "活动当前为“已归档”，不能改为“已公示”。")]
    [InlineData(CampaignState.Open, CampaignState.Open, "活动当前为“进行中”，不能改为“进行中”。")]
    public void Transition_refuses_skipping_states_and_going_back(CampaignState from, CampaignState to, string error)
    {
        Campaign.State = from;

        Assert.Equal(error, CampaignRules.Transition(Campaign, to, Now, Today));
        Assert.Equal(from, Campaign.State);
        Assert.All([Campaign.OpenedUtc, Campaign.ClosedUtc, Campaign.PublishedUtc, Campaign.ArchivedUtc], Assert.Null);
    }

    [Fact]
    public void Opening_stamps_the_time_and_freezes_every_form_version_used()
    {
        Assert.Null(CampaignRules.Transition(Campaign, CampaignState.Open, Now, Today));

        Assert.Equal(CampaignState.Open, Campaign.State);
        Assert.Equal(Now, Campaign.OpenedUtc);
        Assert.Equal(Now, plan.Form.FrozenUtc);
        Assert.Equal(Now, plan.MemberForm.FrozenUtc);
    }

    [Fact]
    public void Opening_keeps_the_earlier_freeze_time_of_a_version_another_campaign_froze()
    {
        var earlier = Now.AddDays(-30);
        plan.Form.FrozenUtc = earlier;

        Assert.Null(CampaignRules.Transition(Campaign, CampaignState.Open, Now, Today));

        Assert.Equal(earlier, plan.Form.FrozenUtc);
    }

    [Fact]
    public void Opening_refuses_a_plan_with_blocking_issues_and_changes_nothing()
    {
        plan.PartyMembers.Weight = 30;
        plan.PatientsRateBranch.FormVersion = null;
        plan.PatientsRateBranch.FormVersionId = null;

        var error = CampaignRules.Transition(Campaign, CampaignState.Open, Now, Today);

        Assert.Equal("评议方案还不完整，不能开始：各评议人类别的权重合计为90，应为100。 评议安排“服务对象/患者·服务对象评议”没有指定测评表。", error);
        Assert.Equal(CampaignState.Draft, Campaign.State);
        Assert.Null(Campaign.OpenedUtc);
        Assert.False(plan.MemberForm.IsFrozen);
    }

    [Fact]
    public void Opening_goes_ahead_despite_warnings()
    {
        plan.PartyMembers.PlannedCount = 3;

        Assert.Null(CampaignRules.Transition(Campaign, CampaignState.Open, Now, Today));
    }

    [Fact]
    public void Opening_refuses_a_period_that_has_already_ended()
    {
        var error = CampaignRules.Transition(Campaign, CampaignState.Open, Now, TestCampaigns.End.AddDays(1));

        Assert.Equal("评议期已经结束，请先修改评议期再开始。", error);
        Assert.Equal(CampaignState.Draft, Campaign.State);
        Assert.False(plan.Form.IsFrozen);
    }

    [Fact]
    public void Opening_is_allowed_on_the_last_day_and_before_the_first()
    {
        Assert.Null(CampaignRules.Transition(new TestCampaigns().Campaign, CampaignState.Open, Now, TestCampaigns.End));
        Assert.Null(CampaignRules.Transition(new TestCampaigns().Campaign, CampaignState.Open, Now, TestCampaigns.Start.AddDays(-10)));
    }

    [Fact]
    public void Closing_publishing_and_archiving_stamp_their_times()
    {
        CampaignRules.Transition(Campaign, CampaignState.Open, Now, Today);

        Assert.Null(CampaignRules.Transition(Campaign, CampaignState.Closed, Now.AddDays(1), Today));
        Assert.Null(CampaignRules.Transition(Campaign, CampaignState.Published, Now.AddDays(2), Today));
        Assert.Null(CampaignRules.Transition(Campaign, CampaignState.Archived, Now.AddDays(3), Today));

        Assert.Equal(CampaignState.Archived, Campaign.State);
        Assert.Equal(
            (Now, Now.AddDays(1), Now.AddDays(2), Now.AddDays(3)),
            (Campaign.OpenedUtc, Campaign.ClosedUtc, Campaign.PublishedUtc, Campaign.ArchivedUtc));
    }

    [Fact]
    public void A_closed_campaign_may_be_archived_without_publication()
    {
        Campaign.State = CampaignState.Closed;

        Assert.Null(CampaignRules.Transition(Campaign, CampaignState.Archived, Now, Today));
        Assert.Equal((CampaignState.Archived, (DateTime?)null, (DateTime?)Now), (Campaign.State, Campaign.PublishedUtc, Campaign.ArchivedUtc));
    }

    [Fact]
    public void ExtendPeriod_of_an_open_campaign_accepts_a_later_end()
    {
        Campaign.State = CampaignState.Open;

        Assert.Null(CampaignRules.ExtendPeriod(Campaign, TestCampaigns.End.AddDays(10)));
        Assert.Equal(TestCampaigns.End.AddDays(10), Campaign.EndsOn);
    }

    [Fact]
    public void ExtendPeriod_of_an_open_campaign_refuses_an_earlier_end()
    {
        Campaign.State = CampaignState.Open;

        Assert.Equal(
            "进行中的活动只能延长评议期，不能提前结束日期；要提前结束请使用“结束评议”。",
            CampaignRules.ExtendPeriod(Campaign, TestCampaigns.End.AddDays(-1)));
        Assert.Equal(TestCampaigns.End, Campaign.EndsOn);
    }

    [Fact]
    public void ExtendPeriod_of_a_draft_may_move_the_end_either_way()
    {
        Assert.Null(CampaignRules.ExtendPeriod(Campaign, TestCampaigns.Start.AddDays(5)));
        Assert.Equal(TestCampaigns.Start.AddDays(5), Campaign.EndsOn);
    }

    [Theory]
    [InlineData(CampaignState.Draft)]
    [InlineData(CampaignState.Open)]
    public void ExtendPeriod_refuses_an_end_before_the_start(CampaignState state)
    {
        Campaign.State = state;

        Assert.Equal("评议期的结束日期不能早于开始日期。", CampaignRules.ExtendPeriod(Campaign, TestCampaigns.Start.AddDays(-1)));
        Assert.Equal(TestCampaigns.End, Campaign.EndsOn);
    }

    [Theory]
    [InlineData(CampaignState.Closed, "活动已结束，不能再延长评议期。")]
    [InlineData(CampaignState.Published, "活动已公示，不能再延长评议期。")]
    [InlineData(CampaignState.Archived, "活动已归档，不能再延长评议期。")]
    public void ExtendPeriod_refuses_a_campaign_that_has_ended(CampaignState state, string error)
    {
        Campaign.State = state;

        Assert.Equal(error, CampaignRules.ExtendPeriod(Campaign, TestCampaigns.End.AddDays(10)));
        Assert.Equal(TestCampaigns.End, Campaign.EndsOn);
    }

    [Theory]
    [InlineData(2024, 2, 29, false)]
    [InlineData(2024, 3, 1, true)]
    [InlineData(2024, 3, 15, true)]
    [InlineData(2024, 3, 31, true)]
    [InlineData(2024, 4, 1, false)]
    public void AcceptsBallots_while_open_within_the_period_bounds_included(int year, int month, int day, bool accepts)
    {
        Campaign.State = CampaignState.Open;

        Assert.Equal(accepts, CampaignRules.AcceptsBallots(Campaign, new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(CampaignState.Draft)]
    [InlineData(CampaignState.Closed)]
    [InlineData(CampaignState.Published)]
    [InlineData(CampaignState.Archived)]
    public void AcceptsBallots_never_unless_open(CampaignState state)
    {
        Campaign.State = state;

        Assert.False(CampaignRules.AcceptsBallots(Campaign, Today));
    }

    [Theory]
    [InlineData(CampaignState.Draft, true)]
    [InlineData(CampaignState.Open, false)]
    [InlineData(CampaignState.Closed, false)]
    [InlineData(CampaignState.Published, false)]
    [InlineData(CampaignState.Archived, false)]
    public void CanChangeStructure_only_while_a_draft(CampaignState state, bool allowed)
    {
        Assert.Equal(allowed, CampaignRules.CanChangeStructure(state));
    }

    [Fact]
    public void Every_state_group_kind_and_direction_has_a_chinese_label()
    {
        Assert.All(Enum.GetValues<CampaignState>(), s => Assert.True(CampaignLabels.States.ContainsKey(s)));
        Assert.All(Enum.GetValues<RaterGroupKind>(), k => Assert.True(CampaignLabels.GroupKinds.ContainsKey(k)));
        Assert.All(Enum.GetValues<Direction>(), d => Assert.True(CampaignLabels.Directions.ContainsKey(d)));
    }
}
