using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Pingyi.Web.Features.Loop.Opinions;

/// <summary>
/// Carries the public box's 回执码 from the submitting POST to the page that shows it, in a
/// short-lived protected cookie as BallotAccess does: the code never appears in a URL, a log or
/// the browser's history.
/// </summary>
public sealed class SuggestionReceipt(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "pingyi.s";
    public const string CookiePath = "/Suggest";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Pingyi.Suggest.Receipt").ToTimeLimitedDataProtector();

    public void Issue(HttpContext context, string receipt)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        context.Response.Cookies.Append(CookieName, Protector.Protect(receipt, expires), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = CookiePath,
            Expires = expires,
            IsEssential = true,
        });
    }

    public string? Read(HttpContext context)
    {
        var value = context.Request.Cookies[CookieName];
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
}
