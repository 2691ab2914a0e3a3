using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;

namespace Pingyi.Domain.Tests.Campaigns;

public class CampaignPlanTests
{
    private readonly TestCampaigns plan = new();

    private List<string> Blocking() => CampaignRules.CheckPlan(plan.Campaign).Where(i => i.Blocking).Select(i => i.Message).ToList();

    private List<string> Warnings() => CampaignRules.CheckPlan(plan.Campaign).Where(i => !i.Blocking).Select(i => i.Message).ToList();

    [Fact]
    public void CheckPlan_finds_nothing_wrong_with_a_complete_plan()
    {
        Assert.Empty(CampaignRules.CheckPlan(plan.Campaign));
    }

    [Fact]
    public void CheckPlan_blocks_a_plan_with_nothing_in_it()
    {
        plan.Campaign.Subjects.Clear();
        plan.Campaign.RaterGroups.Clear();
        plan.Campaign.Assignments.Clear();

        Assert.Equal(
            ["还没有评议对象。", "还没有评议人类别。", "还没有评议安排（哪类评议人用哪张测评表评议哪些对象）。"],
            Blocking());
    }

    [Fact]
    public void CheckPlan_blocks_on_the_campaign_details()
    {
        plan.Campaign.Name = " ";
        plan.Campaign.MinGroupSize = 2;

        Assert.Equal(["活动名称不能为空。", "最小分组人数不能小于3，否则少数评议人的意见可能被推算出来。"], Blocking());
    }

    [Fact]
    public void CheckPlan_names_the_total_when_the_weights_do_not_add_up_to_100()
    {
        plan.PartyMembers.Weight = 30;

        Assert.Equal(["各评议人类别的权重合计为90，应为100。"], Blocking());
    }

    [Fact]
    public void CheckPlan_blocks_an_assignment_without_a_form()
    {
        plan.PatientsRateBranch.FormVersionId = null;
        plan.PatientsRateBranch.FormVersion = null;

        Assert.Equal(["评议安排“服务对象/患者·服务对象评议”没有指定测评表。"], Blocking());
    }

    [Fact]
    public void CheckPlan_accepts_an_unsaved_form_attached_by_navigation_only()
    {
        plan.PatientsRateBranch.FormVersionId = null;

        Assert.Empty(Blocking());
    }

    [Fact]
    public void CheckPlan_blocks_an_assignment_whose_form_is_incomplete()
    {
        plan.Form.Sections.Clear();

        Assert.Equal(["评议安排“服务对象/患者·服务对象评议”使用的测评表“医院群众（患者）满意度测评表”还不完整。"], Blocking());
    }

    [Fact]
    public void CheckPlan_blocks_an_assignment_without_subjects_and_the_subject_it_left_uncovered()
    {
        plan.MembersRateMember.Subjects.Clear();

        Assert.Equal(
            ["评议对象“张三（内科党支部）”没有安排任何评议人。", "评议安排“党员·党组织评议党员”没有选择评议对象。"],
            Blocking());
    }

    [Fact]
    public void CheckPlan_blocks_a_subject_that_nobody_rates()
    {
        plan.AddOrganizationSubject(13, "外科党支部", "/1/2/4/");

        Assert.Equal(["评议对象“外科党支部”没有安排任何评议人。"], Blocking());
    }

    [Theory]
    [InlineData("/9/")]
    [InlineData("/1/")]
    [InlineData("/1/20/")]
    public void CheckPlan_blocks_a_subject_outside_the_campaign_organisations_subtree(string path)
    {
        var outsider = plan.AddOrganizationSubject(13, "县人民医院", path);
        plan.PatientsRateBranch.Subjects.Add(outsider);

        Assert.Equal(["评议对象“县人民医院”不在市人民医院的范围内。"], Blocking());
    }

    [Fact]
    public void CheckPlan_accepts_the_campaign_organisation_itself_as_a_subject()
    {
        var hospital = plan.AddOrganizationSubject(13, "市人民医院", "/1/2/");
        plan.PatientsRateBranch.Subjects.Add(hospital);

        Assert.Empty(Blocking());
    }

    [Fact]
    public void CheckPlan_blocks_a_member_of_an_organisation_outside_the_subtree()
    {
        plan.Branch.Path = "/1/5/3/";

        Assert.Equal(
            ["评议对象“内科党支部”不在市人民医院的范围内。", "评议对象“张三（内科党支部）”不在市人民医院的范围内。"],
            Blocking());
    }

    [Fact]
    public void CheckPlan_blocks_an_organisation_subject_of_the_party_organisation_rates_members_direction()
    {
        plan.MembersRateMember.Subjects.Add(plan.BranchSubject);

        Assert.Equal(["评议安排“党员·党组织评议党员”：“党组织评议党员”的评议对象应是党员。（内科党支部）"], Blocking());
    }

    [Fact]
    public void CheckPlan_blocks_a_member_subject_of_the_members_rate_organisation_direction()
    {
        plan.MembersRateMember.Direction = Direction.MembersRateOrganization;

        Assert.Equal(["评议安排“党员·党员评议党组织”：“党员评议党组织”的评议对象应是组织。（张三（内科党支部））"], Blocking());
    }

    [Fact]
    public void CheckPlan_blocks_the_same_group_rating_the_same_subject_twice()
    {
        plan.Campaign.Assignments.Add(new Assignment
        {
            Id = 53,
            RaterGroupId = plan.Patients.Id,
            RaterGroup = plan.Patients,
            Direction = Direction.BottomUp,
            FormVersionId = plan.Form.Id,
            FormVersion = plan.Form,
            Subjects = [plan.BranchSubject],
        });

        Assert.Equal(["“服务对象/患者”对“内科党支部”安排了不止一次评议。"], Blocking());
    }

    [Fact]
    public void CheckPlan_lets_two_groups_rate_the_same_subject()
    {
        plan.MembersRateMember.Direction = Direction.Peer;
        plan.MembersRateMember.Subjects.Add(plan.BranchSubject);

        Assert.Empty(CampaignRules.CheckPlan(plan.Campaign));
    }

    [Fact]
    public void CheckPlan_names_a_custom_group_by_its_own_name()
    {
        plan.Patients.Kind = RaterGroupKind.Custom;
        plan.Patients.Name = "社区居民";
        plan.PatientsRateBranch.FormVersion = null;
        plan.PatientsRateBranch.FormVersionId = null;

        Assert.Equal(["评议安排“社区居民·服务对象评议”没有指定测评表。"], Blocking());
    }

    [Fact]
    public void CheckPlan_only_warns_about_a_quota_below_k()
    {
        plan.PartyMembers.PlannedCount = 4;

        var issues = CampaignRules.CheckPlan(plan.Campaign);

        Assert.Equal([new PlanIssue("“党员”的名额4少于最小分组人数5，该类别的分项结果将不予显示。", false)], issues);
    }

    [Fact]
    public void CheckPlan_accepts_a_quota_of_exactly_k()
    {
        plan.PartyMembers.PlannedCount = 5;

        Assert.Empty(CampaignRules.CheckPlan(plan.Campaign));
    }

    [Fact]
    public void CheckPlan_only_warns_about_a_group_that_rates_nobody()
    {
        plan.Campaign.RaterGroups.Add(new RaterGroup { Id = 23, Kind = RaterGroupKind.NpcDeputy, PlannedCount = 10, Weight = 0 });

        Assert.Empty(Blocking());
        Assert.Equal(["“人大代表”没有评议任何对象。"], Warnings());
    }

    [Fact]
    public void CheckPlan_reports_every_issue_at_once()
    {
        plan.PartyMembers.Weight = 10;
        plan.PartyMembers.PlannedCount = 2;
        plan.PatientsRateBranch.FormVersion = null;
        plan.PatientsRateBranch.FormVersionId = null;
        plan.MembersRateMember.Subjects.Add(plan.BranchSubject);

        Assert.Equal(
            [
                new PlanIssue("各评议人类别的权重合计为70，应为100。", true),
                new PlanIssue("“党员”的名额2少于最小分组人数5，该类别的分项结果将不予显示。", false),
                new PlanIssue("评议安排“服务对象/患者·服务对象评议”没有指定测评表。", true),
                new PlanIssue("评议安排“党员·党组织评议党员”：“党组织评议党员”的评议对象应是党员。（内科党支部）", true),
            ],
            CampaignRules.CheckPlan(plan.Campaign));
    }

    [Fact]
    public void SubjectName_names_a_member_with_their_organisation()
    {
        Assert.Equal("张三（内科党支部）", CampaignRules.SubjectName(plan.MemberSubject));
        Assert.Equal("内科党支部", CampaignRules.SubjectName(plan.BranchSubject));
        Assert.Equal("#7", CampaignRules.SubjectName(new CampaignSubject { Id = 7 }));
    }

    [Fact]
    public void The_test_plan_uses_valid_forms()
    {
        Assert.Empty(FormRules.CheckVersion(plan.Form));
        Assert.Empty(FormRules.CheckVersion(plan.MemberForm));
    }
}
