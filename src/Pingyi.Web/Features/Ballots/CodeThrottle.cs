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
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new();

    private sealed class Window(long minute)
    {
        public long Minute { get; } = minute;

        public int Count;
    }

    /// <summary>Counts one attempt; false when the client has used up this minute's attempts.</summary>
    public bool TryAttempt(HttpContext context)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        if (_windows.Count > PruneAbove)
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
