using Pingyi.Domain.Accounts;

namespace Pingyi.Domain.Tests.Accounts;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_password_is_refused(string? password)
    {
        Assert.Equal("密码不能为空。", PasswordPolicy.Check(password, "admin"));
    }

    [Fact]
    public void A_password_shorter_than_eight_characters_is_refused()
    {
        Assert.Equal("密码至少需要8个字符。", PasswordPolicy.Check("Hx7!mq2", null));
    }

    [Fact]
    public void A_password_of_exactly_eight_characters_is_accepted()
    {
        Assert.Null(PasswordPolicy.Check("Hx7!mq2@", null));
    }

    [Fact]
    public void A_password_longer_than_128_characters_is_refused()
    {
        var password = string.Concat(Enumerable.Repeat("Hx7!mq2@", 16)) + "Z";

        Assert.Equal("密码不能超过128个字符。", PasswordPolicy.Check(password, null));
    }

    [Theory]
    [InlineData("password1")]
    [InlineData("Password1")]
    [InlineData("PASSWORD1")]
    [InlineData("woaini1314")]
    [InlineData("WoAiNi1314")]
    [InlineData("ABCDEFGH")]
    [InlineData("1qaz2wsx")]
    public void A_common_password_is_refused_whatever_its_case(string password)
    {
        Assert.Equal("这是常见密码，很容易被猜到，请换一个。", PasswordPolicy.Check(password, null));
    }

    [Theory]
    [InlineData("zhangsan#2024", "zhangsan")]
    [InlineData("2024ZhangSan!", "zhangsan")]
    [InlineData("x-ZHANGSAN-x", "ZhangSan")]
    public void A_password_containing_the_user_name_is_refused(string password, string userName)
    {
        Assert.Equal("密码不能包含用户名。", PasswordPolicy.Check(password, userName));
    }

    [Theory]
    [InlineData("aaaaaaaa")]
    [InlineData("abababab")]
    [InlineData("12121212")]
    [InlineData("xxxxxxxxxxxy")]
    public void A_password_of_one_or_two_repeated_characters_is_refused(string password)
    {
        Assert.Equal("密码不能由一两个字符重复组成。", PasswordPolicy.Check(password, null));
    }

    // "abcdefgh" itself is in the common list, so the sequential rule is shown with other runs.
    [Theory]
    [InlineData("12345678")]
    [InlineData("87654321")]
    [InlineData("123456789")]
    [InlineData("bcdefghi")]
    [InlineData("zyxwvuts")]
    [InlineData("CDEFGHIJ")]
    public void A_sequential_run_of_digits_or_letters_is_refused(string password)
    {
        Assert.Equal("密码不能是连续的数字或字母。", PasswordPolicy.Check(password, null));
    }

    [Fact]
    public void The_sequential_example_abcdefgh_is_refused()
    {
        Assert.NotNull(PasswordPolicy.Check("abcdefgh", null));
    }

    [Theory]
    [InlineData("12345679")]
    [InlineData("abcdefgX")]
    public void A_run_broken_by_one_character_is_not_sequential(string password)
    {
        Assert.Null(PasswordPolicy.Check(password, null));
    }

    [Theory]
    [InlineData("Hx7!mq2@Lp", null)]
    [InlineData("Hx7!mq2@Lp", "zhangsan")]
    [InlineData("灯塔-Rmyy-2026", "admin")]
    public void A_good_password_passes(string password, string? userName)
    {
        Assert.Null(PasswordPolicy.Check(password, userName));
    }
}
