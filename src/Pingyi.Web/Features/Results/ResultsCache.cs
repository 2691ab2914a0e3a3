using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Results;
using Pingyi.Web.Data;

namespace Pingyi.Web.Features.Results;

/// <summary>
/// The loaded <see cref="ResultInput"/> of each campaign, shared by every viewer of this instance.
/// An entry is kept while the campaign's counting stamp (its counted, flagged and excluded ballots,
/// read from a handful of aggregate rows, and its exclusions and their withdrawals) is unchanged; while ballots keep arriving it is reloaded
/// at most once per <see cref="RefreshSetting"/> seconds (default 1), so a busy campaign's
/// dashboards are at most that stale and cost one load per interval however many people watch.
/// Concurrent viewers of a stale entry wait on one shared load. The plan (names, weights) is
/// re-read after <see cref="PlanLifetime"/> at the latest. Why: docs/decisions/0014-result-aggregates.md.
/// </summary>
public sealed class ResultsCache(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration)
{
    public const string RefreshSetting = "Results:RefreshSeconds";
    private static readonly TimeSpan PlanLifetime = TimeSpan.FromMinutes(1);

    private sealed record Entry(Stamp Stamp, DateTimeOffset LoadedAt, Task<ResultInput> Input)
    {
        // The loaded input with each (k, thresholds) asked for, so the same instance keys the computed results.
        public ConcurrentDictionary<(int K, ResultSettings Settings), ResultInput> Applied { get; } = new();
    }

    private readonly record struct Stamp(long Ballots, long Flagged, long Excluded, long Exclusions);

    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private readonly ConditionalWeakTable<ResultInput, ConcurrentDictionary<string, Lazy<CampaignResult>>> _results = new();
    private readonly TimeSpan _refresh = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue(RefreshSetting, 1.0)));

    /// <summary>The campaign's input with the campaign's current k and thresholds.</summary>
    public async Task<ResultInput> GetAsync(AppDbContext db, Campaign campaign, CancellationToken cancellationToken = default)
    {
        var stamp = await StampAsync(db, campaign.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var entry = _entries.AddOrUpdate(campaign.Id,
            _ => Load(campaign.Id, stamp, now),
            (_, old) => Fresh(old, stamp, now) ? old : Load(campaign.Id, stamp, now));
        try
        {
            var input = await entry.Input.WaitAsync(cancellationToken);
            return entry.Applied.GetOrAdd((campaign.MinGroupSize, campaign.ResultSettings),
                key => input with { MinGroupSize = key.K, Settings = key.Settings });
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed load must not be served to the next viewer.
            _entries.TryRemove(new KeyValuePair<int, Entry>(campaign.Id, entry));
            throw;
        }
    }

    /// <summary>
    /// The statistics of <paramref name="input"/> (as returned by <see cref="GetAsync"/>) over the
    /// given subjects, or the whole campaign when null; computed once per input and subject set and
    /// kept as long as the input is.
    /// </summary>
    public CampaignResult ResultOf(ResultInput input, IReadOnlySet<int>? subjectIds)
    {
        var key = subjectIds is null ? "*" : string.Join(',', subjectIds.Order());
        var results = _results.GetOrCreateValue(input);
        return results.GetOrAdd(key, _ => new Lazy<CampaignResult>(() => CampaignResults.Compute(input, subjectIds))).Value;
    }

    /// <summary>Forgets a campaign's entry, e.g. after its plan changed.</summary>
    public void Forget(int campaignId) => _entries.TryRemove(campaignId, out _);

    private bool Fresh(Entry old, Stamp stamp, DateTimeOffset now)
    {
        var age = now - old.LoadedAt;
        if (age >= PlanLifetime || old.Input.IsFaulted)
        {
            return false;
        }
        return old.Stamp == stamp || age < _refresh;
    }

    private Entry Load(int campaignId, Stamp stamp, DateTimeOffset now) => new(stamp, now, LoadAsync(campaignId));

    private async Task<ResultInput> LoadAsync(int campaignId)
    {
        // Its own scope and context: the load is shared by viewers whose requests may end first.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await ResultInputs.LoadAsync(db, campaignId);
    }

    private static async Task<Stamp> StampAsync(AppDbContext db, int campaignId, CancellationToken cancellationToken)
    {
        var rows = await db.ResultBallotCounts.AsNoTracking().Where(r => r.CampaignId == campaignId)
            .Select(r => new { r.Ballots, r.Flagged, r.Excluded }).ToListAsync(cancellationToken);
        // Every exclusion and withdrawal moves this, so excluding other ballots of the same size after a
        // withdrawal (which leaves the sums as they were) still changes the stamp.
        var exclusions = await db.BallotExclusions.Where(e => e.CampaignId == campaignId)
            .SumAsync(e => (long)e.Id * 2 + (e.WithdrawnUtc != null ? 1 : 0), cancellationToken);
        return new Stamp(rows.Sum(r => r.Ballots), rows.Sum(r => r.Flagged), rows.Sum(r => r.Excluded), exclusions);
    }
}
