using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Pingyi.Web.Identity;

/// <summary>
/// The text of an API key: "pyk_" and 32 random bytes in base64url. The marker lets a leaked key
/// be recognised by secret scanners; only <see cref="HashOf"/> of it is ever stored.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "pyk_";
    private const int RandomBytes = 32;
    private static readonly int Length = Marker.Length + Base64Url.GetEncodedLength(RandomBytes);
    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string New() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static string PrefixOf(string key) => key[..ApiKey.PrefixLength];

    /// <summary>Lower-case SHA-256 hex; 256 random bits need no salt or slow hash to resist guessing.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>True for text shaped like a key, so junk is refused before any hashing or lookup.</summary>
    public static bool IsWellFormed(string? key) =>
        key is not null && key.Length == Length && key.StartsWith(Marker, StringComparison.Ordinal) &&
        !key.AsSpan(Marker.Length).ContainsAnyExcept(Base64UrlAlphabet);
}
