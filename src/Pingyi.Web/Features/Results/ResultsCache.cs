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
/// summed in the database over a handful of aggregate rows, and its exclusions and their withdrawals)
/// is unchanged. While ballots keep arriving it is reloaded at most once per <see cref="RefreshSetting"/>
/// seconds (default 1), in the background: viewers are served the previous figures until the new
/// ones — the input and the whole campaign's statistics, computed off the request — are ready, so no
/// view waits for a load and however many people watch, a busy campaign costs one load per interval.
/// With the setting at 0 every view waits for figures of the current stamp (tests rely on that).
/// The plan (names, weights) is re-read after <see cref="PlanLifetime"/> at the latest.
/// Why: docs/decisions/0014-result-aggregates.md.
/// </summary>
public sealed class ResultsCache(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration)
{
    public const string RefreshSetting = "Results:RefreshSeconds";
    private static readonly TimeSpan PlanLifetime = TimeSpan.FromMinutes(1);

    private sealed record Entry(Stamp Stamp, DateTimeOffset LoadedAt, Task<ResultInput> Input)
    {
        // The loaded input with each (k, thresholds) asked for, so the same instance keys the computed results.
        public ConcurrentDictionary<(int K, ResultSettings Settings), ResultInput> Applied { get; } = new();

        public ResultInput Apply(ResultInput input, int k, ResultSettings settings) =>
            Applied.GetOrAdd((k, settings), key => input with { MinGroupSize = key.K, Settings = key.Settings });
    }

    private readonly record struct Stamp(long Ballots, long Flagged, long Excluded, long Exclusions);

    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private readonly ConcurrentDictionary<int, byte> _refreshing = new();
    private readonly ConditionalWeakTable<ResultInput, ConcurrentDictionary<string, Lazy<CampaignResult>>> _results = new();
    private readonly TimeSpan _refresh = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue(RefreshSetting, 1.0)));

    /// <summary>The campaign's input with the campaign's current k and thresholds.</summary>
    public async Task<ResultInput> GetAsync(AppDbContext db, Campaign campaign, CancellationToken cancellationToken = default)
    {
        var stamp = await StampAsync(db, campaign.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var settings = (campaign.MinGroupSize, campaign.ResultSettings);
        if (_refresh > TimeSpan.Zero && _entries.TryGetValue(campaign.Id, out var served) && served.Input.IsCompletedSuccessfully)
        {
            if (!Fresh(served, stamp, now))
            {
                RefreshInBackground(campaign.Id, settings, stamp, now);
            }
            return served.Apply(served.Input.Result, campaign.MinGroupSize, campaign.ResultSettings);
        }
        var entry = _entries.AddOrUpdate(campaign.Id,
            _ => Load(campaign.Id, settings, stamp, now),
            (_, old) => Fresh(old, stamp, now) ? old : Load(campaign.Id, settings, stamp, now));
        try
        {
            var input = await entry.Input.WaitAsync(cancellationToken);
            return entry.Apply(input, campaign.MinGroupSize, campaign.ResultSettings);
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

    /// <summary>
    /// Loads the next entry while the served one stays in place, one load per campaign at a time; the
    /// new entry replaces the served one only if it is newer (a forgotten and reloaded entry wins).
    /// A failed load leaves the served entry and lets the next view try again.
    /// </summary>
    private void RefreshInBackground(int campaignId, (int K, ResultSettings Settings) settings, Stamp stamp, DateTimeOffset now)
    {
        if (!_refreshing.TryAdd(campaignId, 0))
        {
            return;
        }
        var next = Load(campaignId, settings, stamp, now);
        _ = next.Input.ContinueWith(loaded =>
        {
            if (loaded.IsCompletedSuccessfully)
            {
                _entries.AddOrUpdate(campaignId, next, (_, old) => old.LoadedAt > next.LoadedAt ? old : next);
            }
            _refreshing.TryRemove(campaignId, out _);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private Entry Load(int campaignId, (int K, ResultSettings Settings) settings, Stamp stamp, DateTimeOffset now)
    {
        var input = new TaskCompletionSource<ResultInput>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = new Entry(stamp, now, input.Task);
        _ = Task.Run(async () =>
        {
            try
            {
                var loaded = await LoadAsync(campaignId);
                // The whole campaign's statistics with the campaign's settings, computed here rather
                // than by the first viewer, so a view of a refreshed entry finds them ready.
                ResultOf(entry.Apply(loaded, settings.K, settings.Settings), null);
                input.SetResult(loaded);
            }
            catch (Exception e)
            {
                input.SetException(e);
            }
        });
        return entry;
    }

    private async Task<ResultInput> LoadAsync(int campaignId)
    {
        // Its own scope and context: the load is shared by viewers whose requests may end first.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await ResultInputs.LoadAsync(db, campaignId);
    }

    private static async Task<Stamp> StampAsync(AppDbContext db, int campaignId, CancellationToken cancellationToken)
    {
        // Summed in the database: one row back however many assignments the campaign has.
        var sums = await db.ResultBallotCounts.AsNoTracking().Where(r => r.CampaignId == campaignId)
            .GroupBy(r => r.CampaignId)
            .Select(g => new { Ballots = g.Sum(r => r.Ballots), Flagged = g.Sum(r => r.Flagged), Excluded = g.Sum(r => r.Excluded) })
            .FirstOrDefaultAsync(cancellationToken);
        // Every exclusion and withdrawal moves this, so excluding other ballots of the same size after a
        // withdrawal (which leaves the sums as they were) still changes the stamp.
        var exclusions = await db.BallotExclusions.Where(e => e.CampaignId == campaignId)
            .SumAsync(e => (long)e.Id * 2 + (e.WithdrawnUtc != null ? 1 : 0), cancellationToken);
        return new Stamp(sums?.Ballots ?? 0, sums?.Flagged ?? 0, sums?.Excluded ?? 0, exclusions);
    }
}
