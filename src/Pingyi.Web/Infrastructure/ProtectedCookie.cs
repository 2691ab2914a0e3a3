using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Pingyi.Web.Infrastructure;

/// <summary>
/// A short-lived, HttpOnly cookie holding one protected value for one path: how a code or a hash
/// travels from a POST to the page that shows it without ever appearing in a URL, the history, a
/// log or a Referer. Expired or tampered values read as null.
/// </summary>
public abstract class ProtectedCookie(IDataProtectionProvider protection, TimeProvider clock, string name, string path, string purpose, TimeSpan lifetime)
{
    private ITimeLimitedDataProtector Protector => protection.CreateProtector(purpose).ToTimeLimitedDataProtector();

    public void Issue(HttpContext context, string value)
    {
        var expires = clock.GetUtcNow() + lifetime;
        context.Response.Cookies.Append(name, Protector.Protect(value, expires), Options(context, expires));
    }

    public string? Read(HttpContext context)
    {
        var value = context.Request.Cookies[name];
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

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(name, Options(context, null));

    private CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = path,
        Expires = expires,
        IsEssential = true,
    };
}
