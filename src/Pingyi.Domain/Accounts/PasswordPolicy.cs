namespace Pingyi.Domain.Accounts;

/// <summary>
/// Password rules for administrators: at least 8 characters, not a commonly used password, not
/// the user name, and not a single repeated or sequential run. There is no default password
/// anywhere in Pingyi, so these are the only guard against a guessable first password.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    // Passwords that appear near the top of every leaked-password frequency list, including
    // the pinyin and number patterns common among Chinese users.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "p@ssword",
        "qwertyui", "qwerty123", "qwertyuiop", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "qazwsxedc",
        "zxcvbnm1", "asdfghjk", "asdf1234", "abcd1234", "abc12345", "abc123456", "a1234567",
        "a12345678", "aa123456", "aa12345678", "iloveyou", "iloveyou1", "woaini1314", "woaini520",
        "5201314", "52013145", "1314520", "13145200", "admin123", "admin1234", "admin888",
        "administrator", "root1234", "letmein1", "welcome1", "welcome123", "sunshine", "princess",
        "football", "baseball", "dragon12", "monkey12", "shadow12", "superman", "trustno1",
        "master12", "michael1", "jennifer", "computer", "internet", "whatever", "starwars",
        "zhang123", "wang1234", "li123456", "liu123456", "chen1234", "pingyi123", "pingyi2026",
        "changeme", "changeme1", "default1", "test1234", "test12345", "guest123", "user1234",
        "123qweasd", "qweasdzxc", "zxcvbnm123", "123abc123", "abcdefgh", "abcdefg1",
        "woaini123", "woainima", "aini1314", "caonima1", "buzhidao", "nihao123", "wodemima",
        "mima1234", "mima123456", "zhongguo", "beijing1", "shanghai", "weisheng", "yiyuan123",
    };

    public static string? Check(string? password, string? userName)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "密码不能为空。";
        }
        if (password.Length < MinLength)
        {
            return $"密码至少需要{MinLength}个字符。";
        }
        if (password.Length > MaxLength)
        {
            return $"密码不能超过{MaxLength}个字符。";
        }
        if (Common.Contains(password))
        {
            return "这是常见密码，很容易被猜到，请换一个。";
        }
        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            return "密码不能包含用户名。";
        }
        if (password.Distinct().Count() <= 2)
        {
            return "密码不能由一两个字符重复组成。";
        }
        if (IsSequential(password))
        {
            return "密码不能是连续的数字或字母。";
        }
        return null;
    }

    private static bool IsSequential(string s)
    {
        var up = true;
        var down = true;
        for (var i = 1; i < s.Length; i++)
        {
            up &= s[i] == s[i - 1] + 1;
            down &= s[i] == s[i - 1] - 1;
        }
        return up || down;
    }
}
