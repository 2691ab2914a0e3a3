using System.Collections.Concurrent;

namespace Pingyi.Web.Features.Ballots;

/// <summary>
/// Caps how many codes one client address may try per minute (links and typed codes, found or
/// not), so guessing short codes stays hopeless. The address is the connection's, or the one a
/// configured proxy forwarded (UseForwardedHeaders runs first and trusts only known proxies).
/// Fixed one-minute windows held in memory: with several instances, the limit is per instance.
/// </summary>
public sealed class CodeThrottle(TimeProvider clock)
{
    public const int PerMinute = 20;

    private readonly ConcurrentDictionary<string, Window> _windows = new();
    private long _prunedMinute;

    private sealed class Window(long minute)
    {
        public long Minute { get; } = minute;

        public int Count;
    }

    /// <summary>Addresses with a window held now: at most those seen in the current minute, and the previous one until it is pruned.</summary>
    internal int Tracked => _windows.Count;

    /// <summary>Counts one attempt; false when the client has used up this minute's attempts.</summary>
    public bool TryAttempt(HttpContext context)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        // Once per minute, by whichever request first sees the new minute: drop the past minutes'
        // windows. Never per request, so a crowd of distinct addresses costs each of them nothing extra.
        var pruned = Interlocked.Read(ref _prunedMinute);
        if (pruned != minute && Interlocked.CompareExchange(ref _prunedMinute, minute, pruned) == pruned)
        {
            foreach (var (k, w) in _windows)
            {
                if (w.Minute != minute)
                {
                    _windows.TryRemove(k, out _);
                }
            }
        }
        var window = _windows.AddOrUpdate(client, _ => new Window(minute), (_, w) => w.Minute == minute ? w : new Window(minute));
        return Interlocked.Increment(ref window.Count) <= PerMinute;
    }
}
