using System.Collections.Concurrent;

namespace Pingyi.Web.Features.Channels;

/// <summary>
/// Caps the standing-channel ballots of one client address per clock hour, across all channels,
/// because the device cookie is cleared in a second. The address is the connection's, or the one
/// a configured proxy forwarded (UseForwardedHeaders runs first and believes only
/// ForwardedHeaders:KnownProxies). The default of <see cref="DefaultPerHour"/> leaves room for a
/// hospital's guest Wi-Fi, where a whole waiting hall shares one NAT address, while still
/// stopping one script from filling a channel; set StandingChannels:PerAddressPerHour to change it.
/// Held in memory and never stored or logged; with several instances, the limit is per instance.
/// </summary>
public sealed class StandingThrottle(TimeProvider clock, IConfiguration configuration)
{
    public const int DefaultPerHour = 60;
    public const string Setting = "StandingChannels:PerAddressPerHour";

    private readonly ConcurrentDictionary<string, Window> _windows = new();
    private long _prunedHour;

    public int PerHour { get; } = Math.Max(1, configuration.GetValue(Setting, DefaultPerHour));

    private sealed class Window(long hour)
    {
        public long Hour { get; } = hour;

        public int Count;
    }

    /// <summary>Addresses with a window held now.</summary>
    internal int Tracked => _windows.Count;

    /// <summary>Whether the client's ballots for this hour are used up, without counting one.</summary>
    public bool Exhausted(HttpContext context) =>
        _windows.TryGetValue(Client(context), out var w) && w.Hour == Hour && Volatile.Read(ref w.Count) >= PerHour;

    /// <summary>Counts one ballot; false (and the ballot must not be stored) when the client's hour is used up.</summary>
    public bool TryCount(HttpContext context)
    {
        var hour = Hour;
        // Once per hour, by whichever request first sees the new hour: drop past windows. Never per
        // request, so a crowd of distinct addresses costs each of them nothing extra.
        var pruned = Interlocked.Read(ref _prunedHour);
        if (pruned != hour && Interlocked.CompareExchange(ref _prunedHour, hour, pruned) == pruned)
        {
            foreach (var (k, w) in _windows)
            {
                if (w.Hour != hour)
                {
                    _windows.TryRemove(k, out _);
                }
            }
        }
        var window = _windows.AddOrUpdate(Client(context), _ => new Window(hour), (_, w) => w.Hour == hour ? w : new Window(hour));
        return Interlocked.Increment(ref window.Count) <= PerHour;
    }

    private long Hour => clock.GetUtcNow().ToUnixTimeSeconds() / 3600;

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
