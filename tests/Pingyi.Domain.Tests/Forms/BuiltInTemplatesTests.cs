using Pingyi.Domain.Forms;

namespace Pingyi.Domain.Tests.Forms;

public class BuiltInTemplatesTests
{
    public static TheoryData<string> Keys => [.. BuiltInTemplates.All.Select(t => t.Key)];

    [Fact]
    public void All_holds_the_six_templates_with_unique_stable_keys_and_names()
    {
        Assert.Equal(
            ["party-org-five-goods", "party-member-five-leads", "hospital-patient-satisfaction", "office-conduct", "staff-satisfaction", "member-democratic-appraisal"],
            BuiltInTemplates.All.Select(t => t.Key));
        Assert.All(BuiltInTemplates.All, t => Assert.Matches("^[a-z]+(-[a-z]+)*$", t.Key));
        Assert.Equal(6, BuiltInTemplates.All.Select(t => t.Name).Distinct().Count());
        Assert.All(BuiltInTemplates.All, t => Assert.False(string.IsNullOrWhiteSpace(t.Summary)));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_template_is_a_valid_unsaved_first_version(string key)
    {
        var version = BuiltInTemplates.Find(key)!.Create();

        Assert.Empty(FormRules.CheckVersion(version));
        Assert.Equal((0, 0, 1, false), (version.Id, version.FormId, version.Number, version.IsFrozen));
        Assert.Equal(Enumerable.Range(1, version.Sections.Count), version.Sections.Select(s => s.Position));
        Assert.All(version.Sections, s => Assert.Equal(Enumerable.Range(1, s.Items.Count), s.Items.Select(i => i.Position)));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_template_tells_the_rater_that_the_ballot_is_anonymous_and_ends_with_an_optional_opinion(string key)
    {
        var version = BuiltInTemplates.Find(key)!.Create();

        Assert.Contains("不记名", version.Description);
        var last = version.Items.Last();
        Assert.Equal(ItemKind.Text, last.Kind);
        Assert.False(last.Required);
        Assert.Contains("意见", last.Text);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_template_item_already_has_its_defaults(string key)
    {
        var version = BuiltInTemplates.Find(key)!.Create();
        var before = FormJson.Export(version);

        foreach (var item in version.Items)
        {
            FormRules.ApplyDefaults(item);
        }

        Assert.Equal(before, FormJson.Export(version));
    }

    [Fact]
    public void Party_organisation_template_grades_the_five_goods_on_three_levels()
    {
        var version = BuiltInTemplates.Find("party-org-five-goods")!.Create();

        Assert.Equal(
            ["领导班子好", "党员队伍好", "工作机制好", "工作业绩好", "群众反映好"],
            version.Sections[0].Items.Select(i => i.Text));
        Assert.All(version.Items.Where(i => i.Kind == ItemKind.Grade), i => Assert.Equal(GradeScale.Satisfaction3, i.Scale));
        Assert.Contains(version.Items, i => i.Kind == ItemKind.Grade && i.Text.Contains("总体评价"));
    }

    [Fact]
    public void Party_member_template_grades_the_five_leads()
    {
        var version = BuiltInTemplates.Find("party-member-five-leads")!.Create();

        Assert.Equal(
            ["带头学习提高", "带头争创佳绩", "带头服务群众", "带头遵纪守法", "带头弘扬正气"],
            version.Sections[0].Items.Select(i => i.Text));
    }

    [Fact]
    public void Hospital_template_asks_the_department_and_grades_the_visit_on_the_five_level_scale()
    {
        var version = BuiltInTemplates.Find("hospital-patient-satisfaction")!.Create();

        var department = version.Items.First();
        Assert.Equal((ItemKind.SingleChoice, "您本次就诊的科室类别"), (department.Kind, department.Text));
        Assert.Equal(["门诊", "住院", "急诊", "体检"], department.Options);
        var grades = version.Items.Where(i => i.Kind == ItemKind.Grade).ToList();
        Assert.All(grades, i => Assert.Equal(GradeScale.Satisfaction5, i.Scale));
        Assert.Equal(
            ["挂号流程", "候诊时间", "就医环境", "隐私保护", "医务人员沟通", "护理服务", "医疗费用（合理检查、合理治疗、合理收费）", "医德医风", "药品供应", "总体满意度"],
            grades.Select(i => i.Text));
        Assert.Contains("敬业奉献、服务群众健康", version.Description);
    }

    [Fact]
    public void Office_template_grades_conduct_and_scores_out_of_100_with_weights()
    {
        var version = BuiltInTemplates.Find("office-conduct")!.Create();

        Assert.Equal(
            ["工作作风", "服务态度", "办事效率", "依法行政", "廉洁自律", "推进医改成效", "承诺践诺情况", "为群众办实事"],
            version.Items.Where(i => i.Kind == ItemKind.Grade).Select(i => i.Text));
        var scores = version.Items.Where(i => i.Kind == ItemKind.Score).ToList();
        Assert.NotEmpty(scores);
        Assert.All(scores, i => Assert.Equal(100, i.MaxScore));
        Assert.Equal(100, scores.Sum(i => i.Weight));
        Assert.Contains("推进医药卫生体制改革和卫生事业发展", version.Description);
    }

    [Fact]
    public void Staff_template_lets_the_rater_pick_at_most_three_things_to_improve()
    {
        var version = BuiltInTemplates.Find("staff-satisfaction")!.Create();

        Assert.Equal(
            ["工作环境", "薪酬待遇", "培训与发展", "领导班子作风", "民主管理", "院务公开", "总体满意度"],
            version.Items.Where(i => i.Kind == ItemKind.Grade).Select(i => i.Text));
        var improve = Assert.Single(version.Items, i => i.Kind == ItemKind.MultipleChoice);
        Assert.Equal("您最希望改进的方面（最多选3项）", improve.Text);
        Assert.Equal(3, improve.MaxChoices);
    }

    [Fact]
    public void Democratic_appraisal_ballot_uses_the_four_member_grades()
    {
        var version = BuiltInTemplates.Find("member-democratic-appraisal")!.Create();

        var grades = version.Items.Where(i => i.Kind == ItemKind.Grade).ToList();
        Assert.Equal(["政治表现", "履职尽责", "作风纪律", "发挥先锋模范作用", "综合等次"], grades.Select(i => i.Text));
        Assert.All(grades, i => Assert.Equal(GradeScale.MemberGrade4, i.Scale));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nope")]
    [InlineData("PARTY-ORG-FIVE-GOODS")]
    public void Find_returns_null_for_an_unknown_key(string? key)
    {
        Assert.Null(BuiltInTemplates.Find(key));
    }

    [Fact]
    public void Create_returns_an_independent_version_each_call()
    {
        var template = BuiltInTemplates.Find("staff-satisfaction")!;
        var first = template.Create();
        var second = template.Create();

        first.Title = "改过的";
        first.Sections[1].Items[0].Options.Clear();
        first.Sections[0].Items.RemoveAt(0);

        Assert.NotSame(first, second);
        Assert.Equal(FormJson.Export(template.Create()), FormJson.Export(second));
        Assert.Equal("职工满意度测评表", second.Title);
    }
}
