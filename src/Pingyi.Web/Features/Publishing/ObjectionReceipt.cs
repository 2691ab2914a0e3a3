using Microsoft.AspNetCore.DataProtection;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Publishing;

/// <summary>Carries an objection's 回执码 from the lodging POST to the page that shows it once, as the suggestion box does.</summary>
public sealed class ObjectionReceipt(IDataProtectionProvider protection, TimeProvider clock)
    : ProtectedCookie(protection, clock, CookieName, CookiePath, "Pingyi.Gongshi.Receipt", Lifetime)
{
    public const string CookieName = "pingyi.g";
    public const string CookiePath = "/Gongshi";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
}
