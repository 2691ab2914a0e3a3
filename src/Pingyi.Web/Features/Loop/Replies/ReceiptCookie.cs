using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Pingyi.Web.Features.Loop.Replies;

/// <summary>
/// Carries a found receipt's hash from the lookup to its page in a short-lived protected cookie
/// scoped to /Receipt, so neither the code nor its hash ever appears in a URL, the history or a
/// Referer. The hash, not the code: the page needs nothing more to find the holder's opinions.
/// </summary>
public sealed class ReceiptCookie(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Name = "pingyi.rc";
    public const string Path = "/Receipt";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Pingyi.Receipt.Lookup").ToTimeLimitedDataProtector();

    public void Issue(HttpContext context, string receiptHash)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        context.Response.Cookies.Append(Name, Protector.Protect(receiptHash, expires), Options(context, expires));
    }

    /// <summary>The hash of a valid cookie; null when there is none, or it was tampered with or has expired.</summary>
    public string? Read(HttpContext context)
    {
        var value = context.Request.Cookies[Name];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            return Protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context, null));

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = Path,
        Expires = expires,
        IsEssential = true,
    };
}
