using Pingyi.Domain.Ballots;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Tests.Forms;

namespace Pingyi.Domain.Tests.Ballots;

public class BallotRulesTests
{
    private static FormVersion Version()
    {
        var items = new[] { TestForms.Grade(), TestForms.Score(), TestForms.SingleChoice(), TestForms.MultipleChoice(), TestForms.Text() };
        for (var i = 0; i < items.Length; i++)
        {
            items[i].Id = 100 + i;
        }
        return new FormVersion { Title = "测评表", Sections = [TestForms.Section(1, null, items)] };
    }

    private static RawAnswers Full(params int[] subjects)
    {
        var raw = new RawAnswers();
        foreach (var s in subjects)
        {
            raw[(s, "grade1")] = ["2"];
            raw[(s, "score1")] = ["88"];
            raw[(s, "single1")] = ["3"];
            raw[(s, "multi1")] = ["1", "3"];
            raw[(s, "text1")] = ["  挂号排队时间长  "];
        }
        return raw;
    }

    [Fact]
    public void A_complete_ballot_for_two_subjects_gives_every_answer_as_a_small_integer_or_text()
    {
        var check = BallotRules.Check(Version(), [7, 8], Full(7, 8));
        Assert.True(check.IsValid);
        Assert.Equal(10, check.Answers.Count);
        var seven = check.Answers.Where(a => a.SubjectId == 7).ToDictionary(a => a.ItemId);
        Assert.Equal(2, seven[100].Value);
        Assert.Equal(88, seven[101].Value);
        Assert.Equal(3, seven[102].Value);
        Assert.Equal(0b101, seven[103].Value);
        Assert.Null(seven[104].Value);
        Assert.Equal("挂号排队时间长", seven[104].Text);
    }

    [Fact]
    public void A_required_item_left_blank_is_named_and_an_optional_one_is_skipped()
    {
        var raw = Full(7);
        raw[(7, "grade1")] = [" "];
        raw.Remove((7, "text1"));
        var check = BallotRules.Check(Version(), [7], raw);
        Assert.Equal(BallotRules.Required, check.Errors[(7, "grade1")]);
        Assert.False(check.Errors.ContainsKey((7, "text1")));
        Assert.DoesNotContain(check.Answers, a => a.ItemId == 104);
    }

    [Theory]
    [InlineData("grade1", "4", "请从给出的等级中选择。")]
    [InlineData("grade1", "0", "请从给出的等级中选择。")]
    [InlineData("grade1", "满意", "请从给出的等级中选择。")]
    [InlineData("score1", "101", "请填写0到100之间的整数分数。")]
    [InlineData("score1", "-1", "请填写0到100之间的整数分数。")]
    [InlineData("score1", "9.5", "请填写0到100之间的整数分数。")]
    [InlineData("single1", "4", "请从给出的选项中选择。")]
    [InlineData("single1", "1; DROP TABLE Ballots", "请从给出的选项中选择。")]
    [InlineData("multi1", "9", "请从给出的选项中选择。")]
    public void A_value_outside_the_item_is_refused_with_a_reason(string key, string value, string error)
    {
        var raw = Full(7);
        raw[(7, key)] = [value];
        var check = BallotRules.Check(Version(), [7], raw);
        Assert.Equal(error, check.Errors[(7, key)]);
    }

    [Fact]
    public void Several_values_for_a_single_answer_item_are_refused()
    {
        var raw = Full(7);
        raw[(7, "grade1")] = ["1", "2"];
        Assert.Equal("此项只能选择一个答案。", BallotRules.Check(Version(), [7], raw).Errors[(7, "grade1")]);
    }

    [Fact]
    public void A_multiple_choice_may_not_exceed_its_limit_or_repeat_an_option()
    {
        var raw = Full(7);
        raw[(7, "multi1")] = ["1", "2", "3"];
        Assert.Equal("此项最多选择2项。", BallotRules.Check(Version(), [7], raw).Errors[(7, "multi1")]);
        raw[(7, "multi1")] = ["2", "2"];
        Assert.Equal("同一选项不能重复选择。", BallotRules.Check(Version(), [7], raw).Errors[(7, "multi1")]);
    }

    [Fact]
    public void Text_longer_than_the_item_allows_or_with_control_characters_is_refused()
    {
        var raw = Full(7);
        raw[(7, "text1")] = [new string('长', 501)];
        Assert.Equal("意见建议不能超过500个字，现在是501个字。", BallotRules.Check(Version(), [7], raw).Errors[(7, "text1")]);
        raw[(7, "text1")] = ["有\u0007响铃"];
        Assert.Equal("文字中含有不可见的控制字符，请删除后再提交。", BallotRules.Check(Version(), [7], raw).Errors[(7, "text1")]);
    }

    [Fact]
    public void Script_in_free_text_is_kept_as_typed_for_the_page_to_encode()
    {
        var raw = Full(7);
        raw[(7, "text1")] = ["<script>alert(1)</script>\r\n第二行"];
        var answer = BallotRules.Check(Version(), [7], raw).Answers.Single(a => a.ItemId == 104);
        Assert.Equal("<script>alert(1)</script>\n第二行", answer.Text);
    }

    [Fact]
    public void Answers_for_a_subject_the_token_does_not_cover_refuse_the_whole_ballot()
    {
        var check = BallotRules.Check(Version(), [7], Full(7, 9));
        Assert.False(check.IsValid);
        Assert.Contains("提交的内容包含不在本评议码评议范围内的评议对象。", check.General);
    }

    [Fact]
    public void An_item_the_form_does_not_have_refuses_the_whole_ballot()
    {
        var raw = Full(7);
        raw[(7, "nosuch")] = ["1"];
        var check = BallotRules.Check(Version(), [7], raw);
        Assert.Contains("提交的内容包含测评表中没有的项目。", check.General);
    }
}
