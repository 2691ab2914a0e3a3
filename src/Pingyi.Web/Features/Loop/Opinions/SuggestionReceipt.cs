using Microsoft.AspNetCore.DataProtection;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Opinions;

/// <summary>Carries the public box's 回执码 from the submitting POST to the page that shows it, as BallotAccess does for ballots.</summary>
public sealed class SuggestionReceipt(IDataProtectionProvider protection, TimeProvider clock)
    : ProtectedCookie(protection, clock, CookieName, CookiePath, "Pingyi.Suggest.Receipt", Lifetime)
{
    public const string CookieName = "pingyi.s";
    public const string CookiePath = "/Suggest";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
}
