using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Loop;
using Pingyi.Domain.Publishing;

namespace Pingyi.Domain.Tests.Publishing;

public class PublicationRulesTests
{
    private static readonly DateTime Now = new(2025, 9, 26, 1, 0, 0, DateTimeKind.Utc);

    // 2025: National Day holiday 10-01..10-08, make-up workdays Sunday 09-28 and Saturday 10-11.
    private static readonly WorkCalendar Calendar = new(
        Enumerable.Range(1, 8).Select(d => new DateOnly(2025, 10, d)),
        [new DateOnly(2025, 9, 28), new DateOnly(2025, 10, 11)]);

    private static Campaign Closed() => new() { Id = 7, Name = "2025年度评议", State = CampaignState.Closed };

    [Theory]
    [InlineData("2025-09-15", 5, "2025-09-19")] // Monday: Monday to Friday
    [InlineData("2025-09-15", 1, "2025-09-15")] // the start day alone
    [InlineData("2025-09-13", 1, "2025-09-15")] // Saturday: counting begins on Monday
    [InlineData("2025-09-13", 5, "2025-09-19")]
    [InlineData("2025-09-26", 5, "2025-10-09")] // Fri 26, Sun 28 (调休), Mon 29, Tue 30, holiday 1-8, Thu 9
    [InlineData("2025-10-03", 2, "2025-10-10")] // inside the holiday: 9 and 10
    [InlineData("2025-10-09", 3, "2025-10-11")] // make-up Saturday counts
    public void EndsOn_counts_working_days_with_the_start_day_as_day_one(string start, int days, string end)
    {
        Assert.Equal(DateOnly.Parse(end), PublicationRules.EndsOn(DateOnly.Parse(start), days, Calendar));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void EndsOn_refuses_a_period_outside_1_to_30(int days)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PublicationRules.EndsOn(new DateOnly(2025, 9, 15), days, Calendar));
    }

    [Fact]
    public void Publish_moves_a_closed_campaign_to_published_and_starts_the_notice_today()
    {
        var campaign = Closed();
        var (publication, error) = PublicationRules.Publish(campaign, false, "  联系电话 12345  ", 5, true, "sys", Now, new DateOnly(2025, 9, 26), Calendar);

        Assert.Null(error);
        Assert.Equal((CampaignState.Published, (DateTime?)Now), (campaign.State, campaign.PublishedUtc));
        Assert.Equal((7, new DateOnly(2025, 9, 26), new DateOnly(2025, 10, 9), PublicationState.Notice, "联系电话 12345", "sys"),
            (publication!.CampaignId, publication.StartsOn, publication.EndsOn, publication.State, publication.Note, publication.PublishedBy));
    }

    [Theory]
    [InlineData(CampaignState.Open, false, 5, "活动当前为“进行中”，不能改为“已公示”：只有已结束的评议活动才能公示。")]
    [InlineData(CampaignState.Archived, false, 5, "活动当前为“已归档”，不能改为“已公示”：只有已结束的评议活动才能公示。")]
    [InlineData(CampaignState.Closed, true, 5, "该活动已有公示，请先撤回原公示。")]
    [InlineData(CampaignState.Closed, false, 0, "公示期应为1至30个工作日。")]
    [InlineData(CampaignState.Closed, false, 31, "公示期应为1至30个工作日。")]
    public void Publish_refuses_and_changes_nothing(CampaignState state, bool hasActive, int days, string message)
    {
        var campaign = new Campaign { State = state };
        var (publication, error) = PublicationRules.Publish(campaign, hasActive, null, days, true, "sys", Now, new DateOnly(2025, 9, 26), Calendar);

        Assert.Equal(message, error);
        Assert.Null(publication);
        Assert.Equal((state, (DateTime?)null), (campaign.State, campaign.PublishedUtc));
    }

    [Fact]
    public void Publish_refuses_an_overlong_note()
    {
        var (_, error) = PublicationRules.Publish(Closed(), false, new string('说', Publication.NoteMaxLength + 1), 5, true, "sys", Now, new DateOnly(2025, 9, 26), Calendar);
        Assert.Equal("公示说明不能超过1000字。", error);
    }

    [Theory]
    [InlineData("2025-09-14", PublicationState.Notice, false)]
    [InlineData("2025-09-15", PublicationState.Notice, true)]
    [InlineData("2025-09-19", PublicationState.Notice, true)]
    [InlineData("2025-09-20", PublicationState.Notice, false)]
    [InlineData("2025-09-16", PublicationState.Final, false)]
    [InlineData("2025-09-16", PublicationState.Withdrawn, false)]
    public void Objections_are_accepted_only_during_a_running_notice(string today, PublicationState state, bool accepted)
    {
        var p = new Publication { StartsOn = new DateOnly(2025, 9, 15), EndsOn = new DateOnly(2025, 9, 19), State = state };
        Assert.Equal(accepted, PublicationRules.AcceptsObjections(p, DateOnly.Parse(today)));
    }

    [Theory]
    [InlineData(PublicationState.Notice, CampaignState.Published, true)]
    [InlineData(PublicationState.Final, CampaignState.Published, true)]
    [InlineData(PublicationState.Withdrawn, CampaignState.Published, false)]
    [InlineData(PublicationState.Final, CampaignState.Archived, false)]
    [InlineData(PublicationState.Notice, CampaignState.Closed, false)]
    public void The_public_sees_a_notice_only_while_it_stands_and_the_campaign_is_published(PublicationState state, CampaignState campaign, bool visible)
    {
        Assert.Equal(visible, PublicationRules.IsPublic(new Publication { State = state }, campaign));
    }

    [Theory]
    [InlineData("2025-09-19", 0, "公示期至2025-09-19，期满后才能确认生效。")]
    [InlineData("2025-09-22", 2, "还有2条异议待处理，处理完毕后才能确认生效。")]
    [InlineData("2025-09-22", 0, null)]
    public void Finalize_needs_the_period_over_and_no_pending_objection(string today, int pending, string? message)
    {
        var p = new Publication { StartsOn = new DateOnly(2025, 9, 15), EndsOn = new DateOnly(2025, 9, 19) };
        Assert.Equal(message, PublicationRules.Finalize(p, DateOnly.Parse(today), pending, "sys", Now));
        Assert.Equal(message is null ? PublicationState.Final : PublicationState.Notice, p.State);
        Assert.Equal(message is null ? Now : null, p.FinalizedUtc);
    }

    [Fact]
    public void Finalize_refuses_a_withdrawn_notice()
    {
        var p = new Publication { State = PublicationState.Withdrawn, EndsOn = new DateOnly(2025, 9, 19) };
        Assert.Equal("公示已撤回，不能再确认生效。", PublicationRules.Finalize(p, new DateOnly(2025, 10, 1), 0, "sys", Now));
    }

    [Fact]
    public void Withdraw_takes_the_notice_down_and_puts_the_campaign_back_to_closed()
    {
        var campaign = Closed();
        var (p, _) = PublicationRules.Publish(campaign, false, null, 5, true, "sys", Now, new DateOnly(2025, 9, 26), Calendar);

        Assert.Null(PublicationRules.Withdraw(p!, campaign, " 统计有误 ", "sys", Now));

        Assert.Equal((PublicationState.Withdrawn, "统计有误", CampaignState.Closed, (DateTime?)null),
            (p!.State, p.WithdrawReason, campaign.State, campaign.PublishedUtc));
    }

    [Theory]
    [InlineData(" ", CampaignState.Published, PublicationState.Notice, "请填写撤回原因。")]
    [InlineData("原因", CampaignState.Published, PublicationState.Withdrawn, "公示已撤回。")]
    [InlineData("原因", CampaignState.Archived, PublicationState.Final, "活动当前为“已归档”，不能撤回公示。")]
    public void Withdraw_refuses_and_changes_nothing(string reason, CampaignState campaignState, PublicationState state, string message)
    {
        var campaign = new Campaign { State = campaignState };
        var p = new Publication { State = state };
        Assert.Equal(message, PublicationRules.Withdraw(p, campaign, reason, "sys", Now));
        Assert.Equal((state, campaignState), (p.State, campaign.State));
    }

    [Fact]
    public void Withdraw_refuses_an_overlong_reason()
    {
        var campaign = new Campaign { State = CampaignState.Published };
        Assert.Equal("撤回原因不能超过500字（现有501字）。",
            PublicationRules.Withdraw(new Publication(), campaign, new string('因', 501), "sys", Now));
        Assert.Equal(CampaignState.Published, campaign.State);
    }

    [Fact]
    public void The_generic_lifecycle_never_offers_to_unpublish()
    {
        Assert.DoesNotContain(CampaignState.Closed, CampaignRules.NextStates(CampaignState.Published));
        Assert.NotNull(CampaignRules.Transition(new Campaign { State = CampaignState.Published }, CampaignState.Closed, Now, default));
    }

    [Theory]
    [InlineData(null, "请填写异议内容。")]
    [InlineData("  ", "请填写异议内容。")]
    [InlineData("分数有误", null)]
    public void Objection_text_is_required(string? text, string? message)
    {
        Assert.Equal(message, PublicationRules.CheckObjectionText(text));
    }

    [Fact]
    public void Objection_text_is_at_most_1000_characters()
    {
        Assert.Null(PublicationRules.CheckObjectionText(new string('异', 1000)));
        Assert.Equal("异议内容不能超过1000字（现有1001字）。", PublicationRules.CheckObjectionText(new string('异', 1001)));
    }

    [Fact]
    public void Answer_settles_a_pending_objection_once()
    {
        var o = new Objection();
        Assert.Null(PublicationRules.Answer(o, ObjectionState.Dismissed, " 经核实无误 ", "sys", new DateOnly(2025, 9, 16)));
        Assert.Equal((ObjectionState.Dismissed, "经核实无误", (DateOnly?)new DateOnly(2025, 9, 16)), (o.State, o.Answer, o.AnsweredOn));
        Assert.Equal("该异议已处理。", PublicationRules.Answer(o, ObjectionState.Upheld, "改", "sys", new DateOnly(2025, 9, 17)));
        Assert.Equal(ObjectionState.Dismissed, o.State);
    }

    [Theory]
    [InlineData(ObjectionState.Pending, "答复", "请选择异议成立或不成立。")]
    [InlineData((ObjectionState)9, "答复", "请选择异议成立或不成立。")]
    [InlineData(ObjectionState.Upheld, " ", "请填写答复内容。")]
    public void Answer_refuses_and_changes_nothing(ObjectionState state, string answer, string message)
    {
        var o = new Objection();
        Assert.Equal(message, PublicationRules.Answer(o, state, answer, "sys", new DateOnly(2025, 9, 16)));
        Assert.Equal((ObjectionState.Pending, (string?)null), (o.State, o.Answer));
    }

    [Fact]
    public void Answer_is_at_most_2000_characters()
    {
        var o = new Objection();
        Assert.Equal("答复内容不能超过2000字（现有2001字）。", PublicationRules.Answer(o, ObjectionState.Upheld, new string('答', 2001), "sys", default));
    }

    [Theory]
    [InlineData("2025-09-15", 5)]
    [InlineData("2025-09-18", 2)]
    [InlineData("2025-09-20", 0)]
    [InlineData("2025-09-13", 5)]
    public void DaysLeft_counts_the_remaining_working_days_today_included(string today, int left)
    {
        var p = new Publication { StartsOn = new DateOnly(2025, 9, 15), EndsOn = new DateOnly(2025, 9, 19) };
        Assert.Equal(left, PublicationRules.DaysLeft(p, DateOnly.Parse(today), Calendar));
    }

    [Theory]
    [InlineData("2025年度创先争优群众评议", "关于2025年度创先争优群众评议结果的公示")]
    [InlineData("2025年度民主评议党员", "关于2025年度民主评议党员评议结果的公示")]
    [InlineData("行风测评", "关于行风测评评议结果的公示")]
    public void The_title_never_says_评议_twice(string campaign, string title) =>
        Assert.Equal(title, PublicationRules.TitleOf(campaign));
}
