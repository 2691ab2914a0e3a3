using System.Security.Cryptography;

namespace Pingyi.Domain.Accounts;

/// <summary>Random passwords for the demo and for resets, printed once and never stored in clear.</summary>
public static class PasswordGenerator
{
    // No 0/O, 1/l/I: the password is read off a screen and typed by hand.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New(int length = 14) => New([], length);

    /// <summary>A password the policy accepts for each of <paramref name="userNames"/> (it may not contain the user name).</summary>
    public static string New(IReadOnlyCollection<string> userNames, int length = 14)
    {
        while (true)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
            var password = new string(chars);
            if (password.Any(char.IsDigit) && password.Any(char.IsLetter) && PasswordPolicy.Check(password, null) is null
                && userNames.All(u => PasswordPolicy.Check(password, u) is null))
            {
                return password;
            }
        }
    }
}
