using Microsoft.AspNetCore.DataProtection;
using Pingyi.Web.Infrastructure;

namespace Pingyi.Web.Features.Loop.Replies;

/// <summary>
/// Carries a found receipt's hash from the lookup to its page, scoped to /Receipt. The hash, not
/// the code: the page needs nothing more to find the holder's opinions.
/// </summary>
public sealed class ReceiptCookie(IDataProtectionProvider protection, TimeProvider clock)
    : ProtectedCookie(protection, clock, Name, Path, "Pingyi.Receipt.Lookup", Lifetime)
{
    public const string Name = "pingyi.rc";
    public const string Path = "/Receipt";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);
}
