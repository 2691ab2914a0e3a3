using Pingyi.Domain.Forms;
using static Pingyi.Domain.Tests.Forms.TestForms;

namespace Pingyi.Domain.Tests.Forms;

public class FormRulesTests
{
    public static TheoryData<ItemKind> Kinds => [ItemKind.Grade, ItemKind.Score, ItemKind.SingleChoice, ItemKind.MultipleChoice, ItemKind.Text];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CheckItem_accepts_a_complete_item_of_every_kind(ItemKind kind)
    {
        Assert.Empty(FormRules.CheckItem(Of(kind)));
    }

    [Fact]
    public void CheckItem_refuses_an_unknown_kind_and_says_nothing_else()
    {
        var item = new FormItem { Kind = (ItemKind)9, Text = "" };

        Assert.Equal(["评议项目的题型不正确。"], FormRules.CheckItem(item));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CheckItem_refuses_blank_text_for_every_kind(ItemKind kind)
    {
        var item = Of(kind);
        item.Text = "  ";

        Assert.Equal(["项目内容不能为空。"], FormRules.CheckItem(item));
    }

    [Fact]
    public void CheckItem_accepts_text_of_exactly_the_limit_and_refuses_one_more()
    {
        var item = Grade();
        item.Text = new string('评', FormItem.TextMaxLength);
        Assert.Empty(FormRules.CheckItem(item));

        item.Text += "议";
        Assert.Equal(["项目内容不能超过300个字符。"], FormRules.CheckItem(item));
    }

    [Fact]
    public void CheckItem_refuses_help_longer_than_the_limit()
    {
        var item = Score();
        item.Help = new string('说', FormItem.HelpMaxLength + 1);

        Assert.Equal(["填写说明不能超过500个字符。"], FormRules.CheckItem(item));
    }

    [Theory]
    [InlineData("医德\0医风")]
    [InlineData("医德\u0007医风")]
    [InlineData("医德\n医风")]
    public void CheckItem_refuses_control_characters_in_the_text(string text)
    {
        var item = Grade();
        item.Text = text;

        Assert.Equal(["项目内容含有不可见的控制字符。"], FormRules.CheckItem(item));
    }

    [Fact]
    public void CheckItem_allows_line_breaks_and_tabs_in_help_but_no_other_control_characters()
    {
        var item = Grade();
        item.Help = "第一行\r\n第二行\t缩进";
        Assert.Empty(FormRules.CheckItem(item));

        item.Help = "第一行\u001b第二行";
        Assert.Equal(["填写说明含有不可见的控制字符。"], FormRules.CheckItem(item));
    }

    [Theory]
    [InlineData(GradeScale.None)]
    [InlineData((GradeScale)7)]
    public void CheckItem_refuses_a_grade_item_without_a_known_scale(GradeScale scale)
    {
        var item = Grade();
        item.Scale = scale;

        Assert.Equal(["等级评价项目需要选择评价等级。"], FormRules.CheckItem(item));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-5, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void CheckItem_keeps_the_highest_score_between_1_and_100(int maxScore, bool accepted)
    {
        var item = Score();
        item.MaxScore = maxScore;

        Assert.Equal(accepted ? Array.Empty<string>() : ["评分项目的满分应在1到100之间。"], FormRules.CheckItem(item));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void CheckItem_keeps_the_weight_of_a_score_item_between_1_and_100(int weight, bool accepted)
    {
        var item = Score();
        item.Weight = weight;

        Assert.Equal(accepted ? Array.Empty<string>() : ["评分项目的权重应在1到100之间。"], FormRules.CheckItem(item));
    }

    [Theory]
    [InlineData(ItemKind.SingleChoice, 1, false)]
    [InlineData(ItemKind.SingleChoice, 2, true)]
    [InlineData(ItemKind.SingleChoice, 20, true)]
    [InlineData(ItemKind.SingleChoice, 21, false)]
    [InlineData(ItemKind.MultipleChoice, 0, false)]
    [InlineData(ItemKind.MultipleChoice, 21, false)]
    public void CheckItem_wants_2_to_20_options_on_a_choice_item(ItemKind kind, int count, bool accepted)
    {
        var item = Of(kind);
        item.Options = Enumerable.Range(1, count).Select(i => $"选项{i}").ToList();
        item.MaxChoices = 0;

        Assert.Equal(accepted ? Array.Empty<string>() : ["选择题应有2到20个选项。"], FormRules.CheckItem(item));
    }

    [Fact]
    public void CheckItem_names_a_blank_or_too_long_option_by_its_number()
    {
        var item = SingleChoice();
        item.Options = ["门诊", " ", new string('住', FormItem.OptionMaxLength + 1)];

        Assert.Equal(["第2个选项不能为空。", "第3个选项不能超过100个字符。"], FormRules.CheckItem(item));
    }

    [Fact]
    public void CheckItem_refuses_control_characters_in_an_option()
    {
        var item = SingleChoice();
        item.Options = ["门诊", "住\t院"];

        Assert.Equal(["第2个选项含有不可见的控制字符。"], FormRules.CheckItem(item));
    }

    [Fact]
    public void CheckItem_finds_duplicate_options_even_with_different_surrounding_spaces()
    {
        var item = MultipleChoice();
        item.Options = ["门诊", "住院", " 门诊 "];

        Assert.Equal(["选项“门诊”重复了。"], FormRules.CheckItem(item));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void CheckItem_keeps_max_choices_between_any_number_and_the_option_count(int maxChoices, bool accepted)
    {
        var item = MultipleChoice();
        item.MaxChoices = maxChoices;

        Assert.Equal(accepted ? Array.Empty<string>() : ["多选题最多可选的个数不能超过选项个数。"], FormRules.CheckItem(item));
    }

    [Fact]
    public void CheckItem_ignores_max_choices_on_a_single_choice_item()
    {
        var item = SingleChoice();
        item.MaxChoices = 10;

        Assert.Empty(FormRules.CheckItem(item));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void CheckItem_keeps_the_answer_length_of_a_text_item_between_1_and_2000(int maxLength, bool accepted)
    {
        var item = Text();
        item.MaxLength = maxLength;

        Assert.Equal(accepted ? Array.Empty<string>() : ["文字项目的字数上限应在1到2000之间。"], FormRules.CheckItem(item));
    }

    [Fact]
    public void CheckItem_reports_every_problem_of_one_item()
    {
        var item = new FormItem { Kind = ItemKind.Score, Text = "", Help = new string('x', 501), MaxScore = 0, Weight = 0 };

        Assert.Equal(
            ["项目内容不能为空。", "填写说明不能超过500个字符。", "评分项目的满分应在1到100之间。", "评分项目的权重应在1到100之间。"],
            FormRules.CheckItem(item));
    }

    [Fact]
    public void CheckVersion_accepts_a_complete_version()
    {
        Assert.Empty(FormRules.CheckVersion(EveryKind()));
    }

    [Fact]
    public void CheckVersion_checks_the_title_and_the_description()
    {
        var version = EveryKind();
        version.Title = " ";
        version.Description = new string('请', FormVersion.DescriptionMaxLength + 1);

        Assert.Equal(["测评表名称不能为空。", "指导语不能超过1000个字符。"], FormRules.CheckVersion(version));
    }

    [Fact]
    public void CheckVersion_allows_line_breaks_in_the_description()
    {
        var version = EveryKind();
        version.Description = "一、请如实填写。\n二、本表不记名。";

        Assert.Empty(FormRules.CheckVersion(version));
    }

    [Fact]
    public void CheckVersion_refuses_a_version_without_items()
    {
        Assert.Equal(["测评表至少需要一个评议项目。"], FormRules.CheckVersion(Version()));
        Assert.Equal(["测评表至少需要一个评议项目。"], FormRules.CheckVersion(Version(Section(1, "空分组"))));
    }

    [Fact]
    public void CheckVersion_accepts_200_items_and_refuses_201()
    {
        var version = Version(Section(1, null, Enumerable.Range(1, FormVersion.MaxItems).Select(i => Grade($"k{i}")).ToArray()));
        Assert.Empty(FormRules.CheckVersion(version));

        version.Sections.Add(Section(2, null, Grade("extra")));
        Assert.Equal(["测评表最多200个评议项目。"], FormRules.CheckVersion(version));
    }

    [Fact]
    public void CheckVersion_accepts_30_sections_and_refuses_31()
    {
        var version = Version(Enumerable.Range(1, FormVersion.MaxSections).Select(i => Section(i, $"第{i}部分", Grade($"k{i}"))).ToArray());
        Assert.Empty(FormRules.CheckVersion(version));

        version.Sections.Add(Section(31, "多余", Grade("k31")));
        Assert.Equal(["测评表最多30个分组。"], FormRules.CheckVersion(version));
    }

    [Fact]
    public void CheckVersion_names_the_section_and_item_of_each_error()
    {
        var badText = Grade("a3");
        badText.Text = "";
        var badScore = Score("b1");
        badScore.MaxScore = 0;
        var version = Version(
            Section(1, "基本情况", SingleChoice("a1")),
            Section(2, "服务评价", Grade("a2"), Text("a4"), badText));
        version.Sections.Add(Section(3, new string('题', FormSection.TitleMaxLength + 1), badScore));

        Assert.Equal(
            ["第2组第3题：项目内容不能为空。", "第3组：分组标题不能超过100个字符。", "第3组第1题：评分项目的满分应在1到100之间。"],
            FormRules.CheckVersion(version));
    }

    [Fact]
    public void CheckVersion_numbers_sections_and_items_by_position_not_by_list_order()
    {
        var bad = Grade("bad");
        bad.Scale = GradeScale.None;
        var first = Section(1, null, Grade("g1"), Grade("g2"));
        var second = Section(2, null, Grade("g3"), bad);
        second.Items.Reverse();
        var version = Version(second, first);

        Assert.Equal(["第2组第2题：等级评价项目需要选择评价等级。"], FormRules.CheckVersion(version));
    }

    [Fact]
    public void CheckVersion_refuses_duplicate_item_keys_across_sections()
    {
        var version = Version(Section(1, null, Grade("same")), Section(2, null, Text("same")));

        Assert.Equal(["评议项目的标识重复。"], FormRules.CheckVersion(version));
    }

    [Theory]
    [InlineData(ItemKind.Grade)]
    [InlineData(ItemKind.Score)]
    [InlineData(ItemKind.Text)]
    [InlineData(ItemKind.MultipleChoice)]
    public void ApplyDefaults_gives_a_new_item_what_its_kind_needs_to_be_valid(ItemKind kind)
    {
        var item = new FormItem { Kind = kind, Text = "新项目" };
        if (kind == ItemKind.MultipleChoice)
        {
            item.Options = ["甲", "乙"];
        }

        FormRules.ApplyDefaults(item);

        Assert.Equal(FormItem.KeyLength, item.Key.Length);
        Assert.Empty(FormRules.CheckItem(item));
    }

    [Fact]
    public void ApplyDefaults_fills_the_documented_defaults()
    {
        var grade = new FormItem { Kind = ItemKind.Grade, Text = "服务态度" };
        var score = new FormItem { Kind = ItemKind.Score, Text = "综合评分" };
        var text = new FormItem { Kind = ItemKind.Text, Text = "意见建议" };

        FormRules.ApplyDefaults(grade);
        FormRules.ApplyDefaults(score);
        FormRules.ApplyDefaults(text);

        Assert.Equal(GradeScale.Satisfaction3, grade.Scale);
        Assert.Equal((10, 1), (score.MaxScore, score.Weight));
        Assert.Equal(FormItem.DefaultTextLength, text.MaxLength);
    }

    [Fact]
    public void ApplyDefaults_keeps_values_already_set()
    {
        var grade = new FormItem { Key = "keepme", Kind = ItemKind.Grade, Text = "总体满意度", Scale = GradeScale.Satisfaction5 };
        var score = new FormItem { Kind = ItemKind.Score, Text = "综合评分", MaxScore = 100, Weight = 40 };

        FormRules.ApplyDefaults(grade);
        FormRules.ApplyDefaults(score);

        Assert.Equal("keepme", grade.Key);
        Assert.Equal(GradeScale.Satisfaction5, grade.Scale);
        Assert.Equal((100, 40), (score.MaxScore, score.Weight));
    }

    [Fact]
    public void ApplyDefaults_clears_every_field_that_does_not_apply_to_the_kind()
    {
        var item = new FormItem
        {
            Kind = ItemKind.Text,
            Text = "意见建议",
            Scale = GradeScale.Satisfaction5,
            MaxScore = 50,
            Weight = 20,
            MaxChoices = 2,
            Options = ["甲", "乙"],
            MaxLength = 300,
        };

        FormRules.ApplyDefaults(item);

        Assert.Equal(GradeScale.None, item.Scale);
        Assert.Equal((0, 0, 0), (item.MaxScore, item.Weight, item.MaxChoices));
        Assert.Empty(item.Options);
        Assert.Equal(300, item.MaxLength);
    }

    [Fact]
    public void ApplyDefaults_clears_the_text_length_and_scale_of_a_choice_item_but_keeps_its_options()
    {
        var item = new FormItem
        {
            Kind = ItemKind.SingleChoice,
            Text = "科室",
            Scale = GradeScale.Satisfaction3,
            MaxLength = 300,
            Options = ["门诊", "住院"],
        };

        FormRules.ApplyDefaults(item);

        Assert.Equal(GradeScale.None, item.Scale);
        Assert.Equal(0, item.MaxLength);
        Assert.Equal(["门诊", "住院"], item.Options);
    }

    [Fact]
    public void ApplyDefaults_trims_text_help_and_options_and_drops_blank_help()
    {
        var item = new FormItem { Kind = ItemKind.SingleChoice, Text = "  科室类别 ", Help = "   ", Options = [" 门诊", "住院 "] };

        FormRules.ApplyDefaults(item);

        Assert.Equal("科室类别", item.Text);
        Assert.Null(item.Help);
        Assert.Equal(["门诊", "住院"], item.Options);
    }

    [Fact]
    public void ApplyDefaults_turns_null_text_and_options_from_blank_inputs_into_empty_strings_for_CheckItem_to_name()
    {
        var item = new FormItem { Kind = ItemKind.SingleChoice, Text = null!, Options = ["门诊", null!] };

        FormRules.ApplyDefaults(item);

        Assert.Equal(["项目内容不能为空。", "第2个选项不能为空。"], FormRules.CheckItem(item));
    }

    [Fact]
    public void NewKey_is_eight_unambiguous_lowercase_letters_and_digits_and_differs_each_time()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => FormRules.NewKey()).ToList();

        Assert.All(keys, k => Assert.Matches("^[a-km-np-z2-9]{8}$", k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void NextVersion_numbers_on_keeps_keys_and_content_and_is_unsaved_and_not_frozen()
    {
        var current = EveryKind();
        current.Id = 7;
        current.FormId = 3;
        current.Number = 2;
        current.FrozenUtc = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        foreach (var (section, i) in current.Sections.Select((s, i) => (s, i)))
        {
            section.Id = 10 + i;
            section.FormVersionId = 7;
            section.Items.ForEach(item => { item.Id = 100 + item.Position; item.SectionId = section.Id; });
        }
        var now = new DateTime(2024, 4, 1, 9, 30, 0, DateTimeKind.Utc);

        var next = FormRules.NextVersion(current, now);

        Assert.Equal((0, 3, 3, now), (next.Id, next.FormId, next.Number, next.CreatedUtc));
        Assert.False(next.IsFrozen);
        Assert.Equal((current.Title, current.Description), (next.Title, next.Description));
        Assert.Equal(current.Sections.Select(s => (s.Position, s.Title)), next.Sections.Select(s => (s.Position, s.Title)));
        Assert.All(next.Sections, s => Assert.Equal((0, 0), (s.Id, s.FormVersionId)));
        Assert.All(next.Items, i => Assert.Equal((0, 0), (i.Id, i.SectionId)));
        Assert.Equal(current.Items.Select(Describe), next.Items.Select(Describe));
    }

    [Fact]
    public void NextVersion_is_a_deep_copy()
    {
        var current = EveryKind();

        var next = FormRules.NextVersion(current, DateTime.UtcNow);
        next.Sections[1].Items[0].Options.Add("体检");
        next.Sections[1].Items[0].Options[0] = "改过的";
        next.Sections[0].Items[0].Text = "改过的";
        next.Sections[0].Title = "改过的";

        Assert.Equal(["门诊", "住院", "急诊"], current.Sections[1].Items[0].Options);
        Assert.Equal("服务态度", current.Sections[0].Items[0].Text);
        Assert.Equal("服务评价", current.Sections[0].Title);
        Assert.Empty(FormRules.CheckVersion(current));
    }

    [Fact]
    public void NameOf_gives_the_chinese_kind_name()
    {
        Assert.Equal("等级评价", FormRules.NameOf(ItemKind.Grade));
        Assert.Equal("多选", FormRules.NameOf(ItemKind.MultipleChoice));
    }

    private static string Describe(FormItem i) =>
        $"{i.Position}|{i.Key}|{i.Kind}|{i.Text}|{i.Help}|{i.Required}|{i.Scale}|{i.MaxScore}|{i.Weight}|{i.MaxLength}|{i.MaxChoices}|{string.Join("/", i.Options)}";
}
