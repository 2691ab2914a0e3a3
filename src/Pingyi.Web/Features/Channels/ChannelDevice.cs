using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Pingyi.Web.Features.Campaigns;

namespace Pingyi.Web.Features.Channels;

/// <summary>
/// One ballot per device per day (or the channel's daily limit), remembered only by the device:
/// a protected cookie holding today's date and, per channel, how many ballots it has given today.
/// It holds no ballot, receipt or address, and the server keeps nothing per device, so clearing
/// cookies gets round it; the per-address limit (<see cref="StandingThrottle"/>) bounds that.
/// The count of ballots given (rather than left) is kept so that a limit raised during the day
/// takes effect at once.
/// </summary>
public sealed class ChannelDevice(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "pingyi.q";
    public const string CookiePath = "/Q";

    /// <summary>Channels remembered per device; scanning more in one day forgets the oldest.</summary>
    public const int MaxChannels = 20;

    private IDataProtector Protector => protection.CreateProtector("Pingyi.StandingChannel.Device");

    private string Today => CampaignPlan.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Whether this device has used up the channel's ballots for today.</summary>
    public bool Exhausted(HttpContext context, int channelId, int dailyLimit) =>
        Read(context).FirstOrDefault(e => e.ChannelId == channelId).Used >= dailyLimit;

    /// <summary>Counts one stored ballot for the channel in the response's cookie, which lasts until midnight.</summary>
    public void Count(HttpContext context, int channelId)
    {
        var entries = Read(context);
        var used = entries.FirstOrDefault(e => e.ChannelId == channelId).Used;
        entries.RemoveAll(e => e.ChannelId == channelId);
        entries.Add((channelId, used + 1));
        var kept = entries.TakeLast(MaxChannels).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.ChannelId}:{e.Used}"));
        var local = clock.GetLocalNow();
        context.Response.Cookies.Append(CookieName, Protector.Protect($"{Today};{string.Join(',', kept)}"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = CookiePath,
            Expires = new DateTimeOffset(local.Date.AddDays(1), local.Offset),
            IsEssential = true,
        });
    }

    /// <summary>Today's entries; a cookie of another day, tampered with or unreadable counts as none.</summary>
    private List<(int ChannelId, int Used)> Read(HttpContext context)
    {
        var entries = new List<(int, int)>();
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return entries;
        }
        string text;
        try
        {
            text = Protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return entries;
        }
        var parts = text.Split(';', 2);
        if (parts.Length != 2 || parts[0] != Today)
        {
            return entries;
        }
        foreach (var entry in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = entry.Split(':');
            if (pair.Length == 2 && int.TryParse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var used))
            {
                entries.Add((id, used));
            }
        }
        return entries;
    }
}
