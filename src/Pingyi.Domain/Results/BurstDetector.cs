namespace Pingyi.Domain.Results;

/// <summary>What <see cref="BurstDetector.Observe"/> says about one arriving ballot.</summary>
/// <param name="IsBurst">This ballot completes or continues a burst: flag it.</param>
/// <param name="AlsoFlag">Earlier entries of the burst not flagged before: flag them now.</param>
public sealed record BurstVerdict(bool IsBurst, IReadOnlyList<Guid> AlsoFlag)
{
    public static readonly BurstVerdict None = new(false, []);
}

/// <summary>
/// Detects bursts of identical ballots from one source (a standing channel or a code batch) as
/// they arrive, since the database keeps the day only: at least <see cref="Threshold"/> ballots
/// with the same content hash within <see cref="Window"/>. In memory, per process: entries older
/// than the window are evicted on every call, each source keeps at most
/// <see cref="CapPerSource"/> entries (oldest dropped first) and at most <see cref="MaxSources"/>
/// sources are tracked (the least recently seen dropped first), so memory is bounded whatever
/// arrives. The ids are the caller's opaque ballot ids, held only for the window. Thread-safe.
/// </summary>
public sealed class BurstDetector
{
    public const int DefaultThreshold = 5;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);
    public const int DefaultCapPerSource = 200;
    public const int DefaultMaxSources = 10_000;

    private readonly Dictionary<string, Source> sources = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public BurstDetector(int threshold = DefaultThreshold, TimeSpan? window = null, int capPerSource = DefaultCapPerSource, int maxSources = DefaultMaxSources)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(capPerSource, threshold);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSources, 1);
        Threshold = threshold;
        Window = window ?? DefaultWindow;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Window, TimeSpan.Zero);
        CapPerSource = capPerSource;
        MaxSources = maxSources;
    }

    public int Threshold { get; }

    public TimeSpan Window { get; }

    public int CapPerSource { get; }

    public int MaxSources { get; }

    /// <summary>How many sources are tracked now (for tests and monitoring).</summary>
    public int SourceCount
    {
        get
        {
            lock (gate)
            {
                return sources.Count;
            }
        }
    }

    /// <summary>How many entries a source holds now (for tests and monitoring).</summary>
    public int EntryCount(string sourceKey)
    {
        lock (gate)
        {
            return sources.TryGetValue(sourceKey, out var s) ? s.Entries.Count : 0;
        }
    }

    /// <summary>Records one arriving ballot and says whether it belongs to a burst.</summary>
    public BurstVerdict Observe(string sourceKey, string contentHash, DateTime utc, Guid id)
    {
        ArgumentNullException.ThrowIfNull(sourceKey);
        ArgumentNullException.ThrowIfNull(contentHash);
        lock (gate)
        {
            if (!sources.TryGetValue(sourceKey, out var source))
            {
                MakeRoom(utc);
                source = new Source();
                sources[sourceKey] = source;
            }
            source.LastSeen = utc;
            var from = utc - Window;
            while (source.Entries.Count > 0 && source.Entries.First!.Value.Utc < from)
            {
                source.Entries.RemoveFirst();
            }
            // Arrivals may be slightly out of order: the window is checked on every entry, not only at the front.
            var same = source.Entries.Where(e => e.Hash == contentHash && e.Utc >= from && e.Utc <= utc).ToList();
            var entry = new Entry(contentHash, utc, id);
            source.Entries.AddLast(entry);
            while (source.Entries.Count > CapPerSource)
            {
                source.Entries.RemoveFirst();
            }
            if (same.Count + 1 < Threshold)
            {
                return BurstVerdict.None;
            }
            entry.Flagged = true;
            var also = same.Where(e => !e.Flagged).ToList();
            foreach (var e in also)
            {
                e.Flagged = true;
            }
            return new BurstVerdict(true, also.Select(e => e.Id).ToList());
        }
    }

    private void MakeRoom(DateTime utc)
    {
        if (sources.Count < MaxSources)
        {
            return;
        }
        // First sources with nothing inside the window, then the least recently seen.
        var stale = sources.Where(s => s.Value.LastSeen < utc - Window).Select(s => s.Key).ToList();
        foreach (var key in stale)
        {
            sources.Remove(key);
        }
        while (sources.Count >= MaxSources)
        {
            sources.Remove(sources.MinBy(s => s.Value.LastSeen).Key);
        }
    }

    private sealed class Source
    {
        public LinkedList<Entry> Entries { get; } = new();

        public DateTime LastSeen { get; set; }
    }

    private sealed class Entry(string hash, DateTime utc, Guid id)
    {
        public string Hash { get; } = hash;

        public DateTime Utc { get; } = utc;

        public Guid Id { get; } = id;

        public bool Flagged { get; set; }
    }
}
