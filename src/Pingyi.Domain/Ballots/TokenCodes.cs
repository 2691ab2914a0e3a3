using System.Security.Cryptography;
using System.Text;

namespace Pingyi.Domain.Ballots;

/// <summary>
/// The two forms of a 评议码 and how they are stored.
/// <list type="bullet">
/// <item>Long code: 26 characters of lowercase base32 = 130 random bits from the CSPRNG, for
/// links and QR codes, where nobody types it.</item>
/// <item>Short code: 10 characters from a 32-letter alphabet without 0/O/1/I (50 random bits)
/// plus a check character (Luhn mod 32), printed as XXXX-XXXX-XXX; a mistyped character or two
/// swapped neighbours are caught before any lookup. Guessing is bounded by the per-client
/// throttle, not by the length alone.</item>
/// <item>Stored: HMAC-SHA256 of the normalised code under the installation's secret key, so a
/// copy of the database alone cannot test guesses, and lookups stay an indexed equality.</item>
/// </list>
/// </summary>
public static class TokenCodes
{
    public const int LongLength = 26;
    public const int ShortBodyLength = 10;
    public const int ShortLength = ShortBodyLength + 1;

    private const string LongAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    internal const string ShortAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string NewLongCode() => RandomNumberGenerator.GetString(LongAlphabet, LongLength);

    public static string NewShortCode()
    {
        var body = RandomNumberGenerator.GetString(ShortAlphabet, ShortBodyLength);
        return body + CheckCharacter(body);
    }

    /// <summary>A short code as printed: groups of four for reading aloud and typing.</summary>
    public static string FormatShort(string code) =>
        code.Length == ShortLength ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;

    /// <summary>The long code as it arrives in a link, or null when it cannot be one.</summary>
    public static string? NormalizeLong(string? input)
    {
        var s = input?.Trim().ToLowerInvariant();
        return s is { Length: LongLength } && s.All(c => LongAlphabet.Contains(c)) ? s : null;
    }

    /// <summary>
    /// The short code as typed, without spaces and hyphens and in upper case, or null when it is
    /// malformed or its check character does not match.
    /// </summary>
    public static string? NormalizeShort(string? input)
    {
        if (input is null || input.Length > 40)
        {
            return null;
        }
        var s = new string(input.Where(c => c is not (' ' or '-' or '\u3000' or '－')).Select(char.ToUpperInvariant).ToArray());
        if (s.Length != ShortLength || !s.All(c => ShortAlphabet.Contains(c)))
        {
            return null;
        }
        return CheckCharacter(s[..ShortBodyLength]) == s[ShortBodyLength] ? s : null;
    }

    /// <summary>Luhn mod N over the short alphabet: catches any single wrong character and most swaps.</summary>
    public static char CheckCharacter(string body)
    {
        const int n = 32;
        var factor = 2;
        var sum = 0;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var addend = factor * ShortAlphabet.IndexOf(body[i], StringComparison.Ordinal);
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return ShortAlphabet[(n - sum % n) % n];
    }

    /// <summary>The stored form of a normalised code: lowercase hex HMAC-SHA256 under the installation key.</summary>
    public static string Hash(byte[] key, string normalizedCode) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalizedCode)));

    /// <summary>A 回执码: 12 characters of the short alphabet, shown once to the rater.</summary>
    public static string NewReceipt() => RandomNumberGenerator.GetString(ShortAlphabet, 12);
}
