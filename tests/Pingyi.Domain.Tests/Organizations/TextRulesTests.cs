using Pingyi.Domain.Organizations;

namespace Pingyi.Domain.Tests.Organizations;

public class TextRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void CheckName_refuses_a_blank_name(string? name)
    {
        Assert.Equal("名称不能为空。", TextRules.CheckName(name, "名称", 10));
    }

    [Fact]
    public void CheckName_refuses_a_name_longer_than_the_limit()
    {
        Assert.Equal("名称不能超过10个字符。", TextRules.CheckName(new string('科', 11), "名称", 10));
    }

    [Fact]
    public void CheckName_accepts_a_name_of_exactly_the_limit_and_ignores_surrounding_spaces()
    {
        Assert.Null(TextRules.CheckName("  " + new string('科', 10) + "  ", "名称", 10));
    }

    [Theory]
    [InlineData("内科\t党支部")]
    [InlineData("内科\n党支部")]
    [InlineData("内科\0")]
    [InlineData("内科\u007f党支部")]
    public void CheckName_refuses_control_characters(string name)
    {
        Assert.Equal("名称含有不可见的控制字符。", TextRules.CheckName(name, "名称", 10));
    }

    [Theory]
    [InlineData("内科党支部")]
    [InlineData("R&D <一科>")]
    public void CheckName_accepts_an_ordinary_name(string name)
    {
        Assert.Null(TextRules.CheckName(name, "名称", 10));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void CheckOptional_accepts_a_blank_value(string? value)
    {
        Assert.Null(TextRules.CheckOptional(value, "职务", 5));
    }

    [Fact]
    public void CheckOptional_still_checks_the_length_of_a_filled_value()
    {
        Assert.Equal("职务不能超过5个字符。", TextRules.CheckOptional("主任医师助理", "职务", 5));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void CheckCode_refuses_a_blank_code(string? code)
    {
        Assert.Equal("组织编码不能为空。", TextRules.CheckCode(code));
    }

    [Theory]
    [InlineData("RMYY NK")]
    [InlineData("人民医院")]
    [InlineData("RMYY内科")]
    [InlineData("<script>")]
    [InlineData("A/B")]
    [InlineData("A'B")]
    [InlineData("A\nB")]
    public void CheckCode_refuses_characters_other_than_letters_digits_underscore_dot_and_minus(string code)
    {
        Assert.Equal("组织编码只能由字母、数字、下划线、点和减号组成。", TextRules.CheckCode(code));
    }

    [Fact]
    public void CheckCode_refuses_a_code_longer_than_32_characters()
    {
        Assert.Equal("组织编码不能超过32个字符。", TextRules.CheckCode(new string('A', 33)));
    }

    [Theory]
    [InlineData("RMYY-NK_1.2")]
    [InlineData("rmyy")]
    [InlineData(" RMYY ")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void CheckCode_accepts_a_valid_code(string code)
    {
        Assert.Null(TextRules.CheckCode(code));
    }

    [Fact]
    public void NormalizeCode_trims_and_upper_cases()
    {
        Assert.Equal("RMYY-NK", TextRules.NormalizeCode("  rmyy-Nk \t"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NormalizeCode_of_a_blank_code_is_null(string? code)
    {
        Assert.Null(TextRules.NormalizeCode(code));
    }
}
