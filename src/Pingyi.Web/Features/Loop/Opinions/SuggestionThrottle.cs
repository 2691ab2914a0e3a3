using System.Collections.Concurrent;

namespace Pingyi.Web.Features.Loop.Opinions;

/// <summary>
/// Caps how many submissions one client address may leave in a public box per hour — the
/// suggestion box and the objections to a notice (公示异议), each with its own allowance — so no box
/// can be flooded. The address is only a key in memory for the current hour: it is never
/// stored with the opinion, logged or audited. Fixed one-hour windows, as CodeThrottle keeps
/// minutes; with several instances the limit is per instance.
/// </summary>
public sealed class SuggestionThrottle(TimeProvider clock)
{
    public const int PerHour = 5;
    public const string Suggestions = "suggest";
    public const string Objections = "objection";

    private readonly ConcurrentDictionary<string, Window> _windows = new();
    private long _prunedHour;

    private sealed class Window(long hour)
    {
        public long Hour { get; } = hour;

        public int Count;
    }

    /// <summary>Counts one submission to <paramref name="box"/>; false when the client has left this hour's allowance there already.</summary>
    public bool TryAttempt(HttpContext context, string box = Suggestions)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = box + " " + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var hour = clock.GetUtcNow().ToUnixTimeSeconds() / 3600;
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
        var window = _windows.AddOrUpdate(client, _ => new Window(hour), (_, w) => w.Hour == hour ? w : new Window(hour));
        return Interlocked.Increment(ref window.Count) <= PerHour;
    }
}
