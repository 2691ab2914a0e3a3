using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Campaigns;

namespace Pingyi.Web.Features.Ballots;

/// <summary>Why a code or a ballot cookie admits nobody, or that it admits a rater.</summary>
public enum AccessState
{
    Usable = 0,
    Malformed = 1,
    Unknown = 2,
    Used = 3,
    Void = 4,
    NotStarted = 5,
    Ended = 6,
    Expired = 7,
    Submitted = 8,
    Throttled = 9,
}

/// <summary>
/// Exchanges a 评议码 for a short-lived cookie that holds only the token id, protected and
/// time-limited, so the code itself never stays in the address bar, the history or a Referer.
/// The receipt shown after submitting travels the same way for the redirect to the receipt page.
/// </summary>
public sealed class BallotAccess(TokenKey key, BallotBuilder builder, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "pingyi.v";
    public const string ReceiptCookieName = "pingyi.r";
    public const string CookiePath = "/V";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    public static readonly TimeSpan ReceiptLifetime = TimeSpan.FromMinutes(10);

    private ITimeLimitedDataProtector Tokens => protection.CreateProtector("Pingyi.Ballot").ToTimeLimitedDataProtector();

    private ITimeLimitedDataProtector Receipts => protection.CreateProtector("Pingyi.Ballot.Receipt").ToTimeLimitedDataProtector();

    /// <summary>The token a link's long code names, or why it cannot be used.</summary>
    public async Task<(AccessState State, long TokenId)> FindLongAsync(string? code, CancellationToken ct = default) =>
        TokenCodes.NormalizeLong(code) is { } normal
            ? await FindAsync(normal, ct)
            : (AccessState.Malformed, 0);

    /// <summary>The token a typed short code names, or why it cannot be used; a wrong check character never reaches the database.</summary>
    public async Task<(AccessState State, long TokenId)> FindShortAsync(string? code, CancellationToken ct = default) =>
        TokenCodes.NormalizeShort(code) is { } normal
            ? await FindAsync(normal, ct)
            : (AccessState.Malformed, 0);

    /// <summary>Whether the token still admits a rater today, and what it admits.</summary>
    public async Task<(AccessState State, TokenAdmission? Admission)> AdmitAsync(long tokenId, CancellationToken ct = default)
    {
        var admission = await builder.AdmitAsync(tokenId, CampaignPlan.Today(clock), ct);
        return (StateOf(admission), admission);
    }

    private async Task<(AccessState, long)> FindAsync(string normal, CancellationToken ct)
    {
        var admission = await builder.AdmitAsync(await key.HashAsync(normal, ct), CampaignPlan.Today(clock), ct);
        return (StateOf(admission), admission?.Token.Id ?? 0);
    }

    private AccessState StateOf(TokenAdmission? admission) => admission?.State switch
    {
        null => AccessState.Unknown,
        AdmissionState.Admitted => AccessState.Usable,
        AdmissionState.Used => AccessState.Used,
        AdmissionState.Voided => AccessState.Void,
        _ => admission.Campaign.State == CampaignState.Draft
            || (admission.Campaign.State == CampaignState.Open && CampaignPlan.Today(clock) < admission.Campaign.StartsOn)
                ? AccessState.NotStarted
                : AccessState.Ended,
    };

    public void IssueCookie(HttpContext context, long tokenId)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        var value = Tokens.Protect(tokenId.ToString(CultureInfo.InvariantCulture), expires);
        context.Response.Cookies.Append(CookieName, value, Options(context, expires));
    }

    /// <summary>The token id of a valid ballot cookie; null when there is none, or it was tampered with or has expired.</summary>
    public long? ReadCookie(HttpContext context) =>
        Unprotect(Tokens, context.Request.Cookies[CookieName]) is { } s && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public static bool HasCookie(HttpContext context) => context.Request.Cookies.ContainsKey(CookieName);

    public void ClearCookie(HttpContext context) => context.Response.Cookies.Delete(CookieName, Options(context, null));

    public void IssueReceipt(HttpContext context, string receipt)
    {
        var expires = clock.GetUtcNow() + ReceiptLifetime;
        context.Response.Cookies.Append(ReceiptCookieName, Receipts.Protect(receipt, expires), Options(context, expires));
    }

    public string? ReadReceipt(HttpContext context) => Unprotect(Receipts, context.Request.Cookies[ReceiptCookieName]);

    private static string? Unprotect(ITimeLimitedDataProtector protector, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            return protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        Path = CookiePath,
        Expires = expires,
        IsEssential = true,
    };
}
