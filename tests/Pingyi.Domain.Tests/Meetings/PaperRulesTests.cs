using Pingyi.Domain.Meetings;
using Pingyi.Domain.Tests.Forms;

namespace Pingyi.Domain.Tests.Meetings;

public class PaperRulesTests
{
    private static PaperPass Pass(bool isVoid = false, string? reason = null, params (string Key, string[] Values)[] answers) =>
        new(isVoid, reason, answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Values));

    [Theory]
    [InlineData("1", "1")]
    [InlineData(" 2 ", "2")]
    [InlineData("03", "3")]
    [InlineData("0", "0")]
    public void A_grade_or_score_is_one_number(string typed, string expected)
    {
        var (values, error) = PaperRules.Translate(TestForms.Grade(), typed);
        Assert.Null(error);
        Assert.Equal([expected], values);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("1a")]
    [InlineData("<script>")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("１")]
    public void Anything_but_digits_in_a_digit_field_is_refused(string typed)
    {
        var (values, error) = PaperRules.Translate(TestForms.Score(), typed);
        Assert.Equal(PaperRules.DigitsOnly, error);
        Assert.Empty(values);
    }

    [Fact]
    public void A_number_longer_than_any_slip_carries_is_refused()
    {
        Assert.Equal(PaperRules.DigitsOnly, PaperRules.Translate(TestForms.Score(), new string('9', PaperRules.MaxDigits + 1)).Error);
        // Long but within the limit: passed on, for BallotRules to refuse as out of range.
        Assert.Equal([new string('9', 30)], PaperRules.Translate(TestForms.Score(), new string('9', 30)).Values);
    }

    [Fact]
    public void Two_numbers_in_a_single_answer_field_are_refused() =>
        Assert.Equal("此项只能填写一个数字。", PaperRules.Translate(TestForms.SingleChoice(), "1 2").Error);

    [Theory]
    [InlineData("13")]
    [InlineData("31")]
    [InlineData("1 3")]
    [InlineData("3,1")]
    [InlineData("1、3")]
    public void Multiple_choice_digits_become_sorted_option_numbers(string typed)
    {
        var (values, error) = PaperRules.Translate(TestForms.MultipleChoice(), typed);
        Assert.Null(error);
        Assert.Equal(["1", "3"], values);
    }

    [Fact]
    public void With_ten_or_more_options_the_numbers_are_separated()
    {
        var item = TestForms.MultipleChoice();
        item.Options = Enumerable.Range(1, 12).Select(i => $"选项{i}").ToList();
        Assert.Equal(["2", "12"], PaperRules.Translate(item, "12 2").Values);
        Assert.Equal(["12"], PaperRules.Translate(item, "12").Values);
        Assert.Equal("2 12", PaperRules.Digits(item, ["2", "12"]));
    }

    [Fact]
    public void Digits_reverse_translate_for_the_mismatch_page()
    {
        Assert.Equal("13", PaperRules.Digits(TestForms.MultipleChoice(), ["1", "3"]));
        Assert.Equal("2", PaperRules.Digits(TestForms.Grade(), ["2"]));
    }

    [Fact]
    public void Free_text_is_kept_as_written_trimmed_and_blank_is_no_answer()
    {
        Assert.Equal(["<b>意见</b>\n第二行"], PaperRules.Translate(TestForms.Text(), "  <b>意见</b>\r\n第二行 ").Values);
        Assert.Empty(PaperRules.Translate(TestForms.Text(), "   ").Values);
        Assert.Empty(PaperRules.Translate(TestForms.Grade(), null).Values);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void Serial_lies_within_the_forms_issued(int serial, bool ok) =>
        Assert.Equal(ok, PaperRules.CheckSerial(serial, 50) is null);

    [Theory]
    [InlineData("7", 7)]
    [InlineData(" 12 ", 12)]
    [InlineData("abc", null)]
    [InlineData("-1", -1)]
    [InlineData("", null)]
    [InlineData("99999999999", null)]
    public void Serial_is_read_as_a_whole_number(string typed, int? expected) =>
        Assert.Equal(expected, PaperRules.ParseSerial(typed));

    [Theory]
    [InlineData(46, 2, 0, false)]
    [InlineData(45, 2, 0, true)]
    [InlineData(45, 2, 1, false)]
    [InlineData(0, 0, 47, true)]
    public void No_new_slip_once_valid_void_and_awaiting_reach_the_returned(int valid, int isVoid, int awaiting, bool canStart)
    {
        var tally = new MeetingTally(50, 48, valid, isVoid, awaiting);
        Assert.Equal(canStart, PaperRules.CheckCanStart(tally) is null);
        if (!canStart)
        {
            Assert.Equal("已录入的份数已达回收份数 48 份，不能再录入。", PaperRules.CheckCanStart(tally));
        }
    }

    [Fact]
    public void A_void_slip_needs_a_short_reason()
    {
        Assert.Null(PaperRules.CheckVoidReason(false, null));
        Assert.Equal(PaperRules.VoidReasonRequired, PaperRules.CheckVoidReason(true, "  "));
        Assert.NotNull(PaperRules.CheckVoidReason(true, new string('空', PaperSlip.VoidReasonMaxLength + 1)));
        Assert.NotNull(PaperRules.CheckVoidReason(true, "空白\u0000"));
        Assert.Null(PaperRules.CheckVoidReason(true, "空白"));
    }

    [Fact]
    public void The_second_pass_belongs_to_another_clerk_and_a_third_is_refused()
    {
        Assert.Null(PaperRules.CheckNextPass([], "clerk1"));
        Assert.Equal(PaperRules.SecondPassSameClerk, PaperRules.CheckNextPass(["clerk1"], "CLERK1"));
        Assert.Null(PaperRules.CheckNextPass(["clerk1"], "clerk2"));
        Assert.NotNull(PaperRules.CheckNextPass(["clerk1", "clerk2"], "clerk3"));
    }

    [Fact]
    public void Equal_passes_have_no_differences()
    {
        var a = Pass(answers: [("1_g", ["1"]), ("1_m", ["1", "3"])]);
        var b = Pass(answers: [("1_m", ["1", "3"]), ("1_g", ["1"])]);
        Assert.Empty(PaperRules.Compare(a, b));
    }

    [Fact]
    public void Differing_answers_and_a_field_missing_on_one_side_are_listed()
    {
        var a = Pass(answers: [("1_g", ["1"]), ("2_g", ["2"]), ("1_t", ["好"])]);
        var b = Pass(answers: [("1_g", ["1"]), ("2_g", ["3"])]);
        Assert.Equal(["1_t", "2_g"], PaperRules.Compare(a, b));
    }

    [Fact]
    public void Void_flag_and_reason_are_compared_and_answers_of_a_void_pass_do_not_count()
    {
        Assert.Equal([PaperRules.VoidField], PaperRules.Compare(Pass(true, "空白"), Pass(answers: [("1_g", ["1"])])));
        Assert.Equal([PaperRules.VoidReasonField], PaperRules.Compare(Pass(true, "空白"), Pass(true, "涂改")));
        Assert.Empty(PaperRules.Compare(Pass(true, "空白 "), Pass(true, "空白")));
    }

    [Fact]
    public void Answers_round_trip_through_json_without_blank_fields()
    {
        var answers = new Dictionary<string, IReadOnlyList<string>> { ["1_g"] = ["1"], ["1_t"] = [], ["1_m"] = ["1", "3"] };
        var back = PaperRules.FromJson(PaperRules.ToJson(answers));
        Assert.Equal(["1_g", "1_m"], back.Keys.Order());
        Assert.Equal(["1", "3"], back["1_m"]);
    }

    [Fact]
    public void The_status_line_names_the_counts_and_says_when_complete()
    {
        Assert.Equal("已录入 有效 5 / 无效 1 / 待核对 2，回收 48 份，还差 42 份。", PaperRules.Describe(new MeetingTally(50, 48, 5, 1, 2)));
        Assert.StartsWith("已完成：有效 46 / 无效 2", PaperRules.Describe(new MeetingTally(50, 48, 46, 2, 0)));
    }

    [Fact]
    public void Field_keys_join_subject_and_item_key() => Assert.Equal("12_ab3", PaperRules.FieldKey(12, "ab3"));
}
