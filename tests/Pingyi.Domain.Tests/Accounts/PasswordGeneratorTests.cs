using Pingyi.Domain.Accounts;

namespace Pingyi.Domain.Tests.Accounts;

public class PasswordGeneratorTests
{
    [Fact]
    public void Generated_passwords_pass_the_policy_and_avoid_look_alike_characters()
    {
        for (var i = 0; i < 50; i++)
        {
            var password = PasswordGenerator.New();

            Assert.Equal(14, password.Length);
            Assert.Null(PasswordPolicy.Check(password, null));
            Assert.Contains(password, char.IsDigit);
            Assert.Contains(password, char.IsLetter);
            Assert.DoesNotContain(password, c => "0O1lI".Contains(c));
        }
    }

    [Fact]
    public void Generated_passwords_differ_between_calls()
    {
        var passwords = Enumerable.Range(0, 20).Select(_ => PasswordGenerator.New()).ToList();

        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [Fact]
    public void The_length_can_be_chosen()
    {
        var password = PasswordGenerator.New(20);

        Assert.Equal(20, password.Length);
        Assert.Null(PasswordPolicy.Check(password, null));
    }

    [Fact]
    public void A_password_made_for_users_never_contains_their_names()
    {
        // A two-character name turns up in about one random password in a hundred; none may contain it.
        string[] users = ["a2", "sys"];
        for (var i = 0; i < 2_000; i++)
        {
            var password = PasswordGenerator.New(users);
            Assert.All(users, u => Assert.Null(PasswordPolicy.Check(password, u)));
        }
    }
}
