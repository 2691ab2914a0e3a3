using System.Collections.Concurrent;

namespace Pingyi.Web.Features.Loop.Replies;

/// <summary>
/// Caps the 回执码 lookups that find nothing, per client address: <see cref="Misses"/> misses in a
/// fixed ten-minute window, then every lookup of that address — hits too — waits for the next
/// window. A found receipt gives its attempt back, so a raiser checking their own code is never
/// slowed, while guessing 12 random characters stays hopeless. Held in memory only (the address
/// is neither stored nor logged); with several instances the limit is per instance.
/// </summary>
public sealed class ReceiptThrottle(TimeProvider clock)
{
    public const int Misses = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Counter> _counters = new();
    private long _prunedWindow;

    private sealed class Counter(long window)
    {
        public long Window { get; } = window;

        public int Count;
    }

    /// <summary>Takes one attempt before the lookup; false when the address has used up its misses.</summary>
    public bool TryAttempt(HttpContext context)
    {
        var window = CurrentWindow();
        Prune(window);
        var counter = _counters.AddOrUpdate(Client(context), _ => new Counter(window), (_, c) => c.Window == window ? c : new Counter(window));
        if (Interlocked.Increment(ref counter.Count) <= Misses)
        {
            return true;
        }
        // Stays at the limit rather than climbing, so a refund after a blocked period cannot reopen it.
        Interlocked.Decrement(ref counter.Count);
        return false;
    }

    /// <summary>Gives a found receipt's attempt back: only misses count.</summary>
    public void Refund(HttpContext context)
    {
        if (_counters.TryGetValue(Client(context), out var counter) && counter.Window == CurrentWindow())
        {
            Interlocked.Decrement(ref counter.Count);
        }
    }

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private long CurrentWindow() => clock.GetUtcNow().ToUnixTimeSeconds() / (long)Window.TotalSeconds;

    // Once per window, by whichever request first sees it, never per request.
    private void Prune(long window)
    {
        var pruned = Interlocked.Read(ref _prunedWindow);
        if (pruned == window || Interlocked.CompareExchange(ref _prunedWindow, window, pruned) != pruned)
        {
            return;
        }
        foreach (var (client, counter) in _counters)
        {
            if (counter.Window != window)
            {
                _counters.TryRemove(client, out _);
            }
        }
    }
}
