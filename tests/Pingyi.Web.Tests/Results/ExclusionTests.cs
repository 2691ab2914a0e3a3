using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Results;
using Pingyi.Web.Features.Results;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Results;

/// <summary>Suspicious ballots: excluding flagged ones moves the figures in one transaction, withdrawing restores them, audit without ballot ids.</summary>
public abstract class ExclusionTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private static int _next;

    private static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _next)}";

    /// <summary>
    /// A campaign of unit A on two departments with a five-item form: 10 ordinary ballots
    /// (基本满意), 4 straight-lined (满意 throughout) and 3 of a burst (不满意), all still counted.
    /// </summary>
    private async Task<(ArrangedCampaign Campaign, List<Guid> Plain, List<Guid> Straight, List<Guid> Burst)> ArrangeAsync(int runBy = 0)
    {
        var tag = Unique("E");
        var one = (await app.AddOrganizationAsync(tag + "-1", tag + "一科", app.UnitAId)).Id;
        var two = (await app.AddOrganizationAsync(tag + "-2", tag + "二科", app.UnitAId)).Id;
        var c = await app.OpenAsync(runBy == 0 ? app.UnitAId : runBy, tag + "可疑票", [one, two], [], items: 5);
        var plain = await app.InsertBallotsAsync(c, 10, (_, _) => 2);
        var straight = await app.InsertBallotsAsync(c, 4, (_, _) => 1, BallotFlags.StraightLine);
        var burst = await app.InsertBallotsAsync(c, 3, (_, _) => 3, BallotFlags.Burst, Domain.Ballots.BallotChannel.Standing);
        return (c, plain, straight, burst);
    }

    private static string Url(ArrangedCampaign c) => $"/Exclusions/Index/{c.Id}";

    private static List<KeyValuePair<string, string>> Exclude(string which, string? reason, IEnumerable<Guid>? ids = null) =>
    [
        new("Which", which),
        new("Reason", reason ?? ""),
        .. (ids ?? []).Select(id => new KeyValuePair<string, string>("BallotIds", id.ToString())),
    ];

    private Task<List<ResultBallotCount>> CountsAsync(int campaignId) =>
        app.WithDbAsync(db => db.ResultBallotCounts.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync());

    private Task<int> ExcludedBallotsAsync(int campaignId) =>
        app.WithDbAsync(db => db.Ballots.CountAsync(b => b.CampaignId == campaignId && b.ExclusionId != null));

    private Task<int> ExclusionRowsAsync(int campaignId) =>
        app.WithDbAsync(db => db.BallotExclusions.CountAsync(e => e.CampaignId == campaignId));

    [Fact]
    public async Task Excluding_flagged_ballots_takes_them_out_of_the_figures_and_withdrawing_restores_them_exactly()
    {
        var (c, plain, straight, burst) = await ArrangeAsync();
        var before = await app.LoadInputAsync(c.Id);
        var countsBefore = await CountsAsync(c.Id);
        Assert.All(before.Cells, cell => Assert.Equal(17, cell.Ballots));
        Assert.Equal((7L, 0L), (countsBefore.Single().Flagged, countsBefore.Single().Excluded));

        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var html = await admin.GetHtmlAsync(Url(c));
        Assert.Contains("<td>7</td><td>4</td><td>3</td><td>0</td>", html);
        Assert.Contains("满意、满意、满意、满意、满意", html);
        Assert.Contains("平时评议扫码", html);
        var receipts = await app.WithDbAsync(db => db.Ballots.Where(b => b.CampaignId == c.Id).Select(b => b.ReceiptHash).ToListAsync());
        Assert.DoesNotContain(receipts, r => html.Contains(r, StringComparison.OrdinalIgnoreCase));

        var response = await admin.PostFormAsync(Url(c) + "?handler=Exclude", Exclude(Pages.Exclusions.IndexModel.Selected, "同一时段整齐划一", straight));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.LoadInputAsync(c.Id);
        Assert.All(after.Cells, cell => Assert.Equal(13, cell.Ballots));
        Assert.Equal(4, after.ExcludedBallots);
        foreach (var item in c.ItemIds)
        {
            foreach (var subject in c.SubjectIds)
            {
                Assert.Equal(Count(before, subject, item, 1) - 4, Count(after, subject, item, 1));
                Assert.Equal(Count(before, subject, item, 2), Count(after, subject, item, 2));
            }
        }
        Assert.Equal((13L, 7L, 4L), (await CountsAsync(c.Id)).Select(r => (r.Ballots, r.Flagged, r.Excluded)).Single());
        html = await admin.GetHtmlAsync(Url(c));
        Assert.Contains("<td>3</td><td>0</td><td>3</td><td>4</td>", html);
        Assert.Contains("同一时段整齐划一", html);

        // All of a kind, through the page's second choice.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Url(c) + "?handler=Exclude", Exclude("Burst", "二维码被刷票"))).StatusCode);
        Assert.Equal(7, await ExcludedBallotsAsync(c.Id));
        Assert.All((await app.LoadInputAsync(c.Id)).Cells, cell => Assert.Equal(10, cell.Ballots));

        var exclusions = await app.WithDbAsync(db => db.BallotExclusions.AsNoTracking().Where(e => e.CampaignId == c.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([4, 3], exclusions.Select(e => e.BallotCount));
        foreach (var e in exclusions)
        {
            var withdrawn = await admin.PostFormAsync(Url(c) + "?handler=Withdraw",
                [new("exclusionId", e.Id.ToString(CultureInfo.InvariantCulture))]);
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }
        var restored = await app.LoadInputAsync(c.Id);
        Assert.Equivalent(before, restored, strict: true);
        Assert.Equivalent(countsBefore, await CountsAsync(c.Id), strict: true);
        Assert.All(await app.WithDbAsync(db => db.BallotExclusions.AsNoTracking().Where(e => e.CampaignId == c.Id).ToListAsync()),
            e => Assert.NotNull(e.WithdrawnUtc));
        // The incremental path agrees with a full recount.
        await app.WithDbAsync(db => ResultAggregates.RecomputeAsync(db, c.Id));
        Assert.Equivalent(countsBefore, await CountsAsync(c.Id), strict: true);
        Assert.Equivalent(before, await app.LoadInputAsync(c.Id), strict: true);
        // Withdrawing twice changes nothing.
        var again = await (await admin.PostFormAsync(Url(c) + "?handler=Withdraw",
            [new("exclusionId", exclusions[0].Id.ToString(CultureInfo.InvariantCulture))])).Content.ReadAsStringAsync();
        Assert.Contains("这次排除已经撤销", again);
        Assert.Equivalent(countsBefore, await CountsAsync(c.Id), strict: true);

        var exclusionIds = exclusions.Select(e => e.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var ours = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.BallotExclude || a.Action == AuditActions.BallotExclusionWithdraw)
            .Where(a => a.ObjectType == "BallotExclusion" && exclusionIds.Contains(a.ObjectId!)).ToListAsync());
        Assert.Equal(4, ours.Count);
        Assert.Contains(ours, a => a.Action == AuditActions.BallotExclude && a.Detail!.Contains("排除可疑测评票4张"));
        var everyBallot = plain.Concat(straight).Concat(burst).SelectMany(id => new[] { id.ToString("D"), id.ToString("N") }).ToList();
        var allAudit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(allAudit, a => everyBallot.Any(id =>
            (a.Detail ?? "").Contains(id, StringComparison.OrdinalIgnoreCase) || (a.ObjectId ?? "").Contains(id, StringComparison.OrdinalIgnoreCase)));
    }

    private static long Count(ResultInput input, int subject, int item, int value) =>
        input.Answers.Where(a => a.SubjectId == subject && a.ItemId == item && a.Value == value).Sum(a => a.Count);

    [Fact]
    public async Task Only_flagged_ballots_of_the_campaign_can_be_excluded_and_the_reason_is_checked()
    {
        var (c, plain, straight, _) = await ArrangeAsync();
        var (other, _, otherStraight, _) = await ArrangeAsync();
        var countsBefore = await CountsAsync(c.Id);
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        async Task<string> PostAsync(List<KeyValuePair<string, string>> fields)
        {
            var response = await admin.PostFormAsync(Url(c) + "?handler=Exclude", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("有不属于本活动、未被标记为可疑", await PostAsync(Exclude("selected", "理由", [straight[0], plain[0]])));
        Assert.Contains("有不属于本活动、未被标记为可疑", await PostAsync(Exclude("selected", "理由", [straight[0], otherStraight[0]])));
        Assert.Contains("请选择要排除的测评票", await PostAsync(Exclude("selected", "理由")));
        Assert.Contains("请填写排除的理由", await PostAsync(Exclude("selected", "  ", [straight[0]])));
        Assert.Contains($"理由不能超过{BallotExclusion.ReasonMaxLength}字", await PostAsync(Exclude("selected", new string('长', BallotExclusion.ReasonMaxLength + 1), [straight[0]])));
        Assert.Contains("填写的内容格式不正确", await PostAsync([new("Which", "selected"), new("Reason", "理由"), new("BallotIds", "not-a-guid")]));
        Assert.Contains("填写的内容格式不正确", await PostAsync(Exclude("Everything", "理由")));
        Assert.Equal(0, await ExclusionRowsAsync(c.Id) + await ExclusionRowsAsync(other.Id));
        Assert.Equal(0, await ExcludedBallotsAsync(c.Id) + await ExcludedBallotsAsync(other.Id));
        Assert.Equivalent(countsBefore, await CountsAsync(c.Id), strict: true);

        var hostile = "<script>alert('x')</script>=HYPERLINK(\"x\")";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Url(c) + "?handler=Exclude", Exclude("selected", hostile, [straight[0]]))).StatusCode);
        var html = await admin.GetHtmlAsync(Url(c));
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(", html);
        // Already excluded: refused as a whole.
        Assert.Contains("已被排除", await PostAsync(Exclude("selected", "再次排除", [straight[0], straight[1]])));
        Assert.Equal(1, await ExcludedBallotsAsync(c.Id));
    }

    [Fact]
    public async Task Only_administrators_of_the_running_organisation_may_see_or_exclude()
    {
        var (bureau, _, bureauStraight, _) = await ArrangeAsync(app.BureauId);
        var (ours, _, _, _) = await ArrangeAsync();
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url(bureau))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync(Url(bureau) + "?handler=Exclude",
            Exclude("selected", "理由", bureauStraight))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync(Url(bureau) + "?handler=Exclude", Exclude("StraightLine", "理由"))).StatusCode);
        Assert.Equal(0, await ExcludedBallotsAsync(bureau.Id));

        // The system administrator excludes in the bureau's campaign; unit A's administrator cannot withdraw it through their own campaign.
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await sys.PostFormAsync(Url(bureau) + "?handler=Exclude", Exclude("StraightLine", "系统管理员排除"))).StatusCode);
        var exclusionId = await app.WithDbAsync(db => db.BallotExclusions.Where(e => e.CampaignId == bureau.Id).Select(e => e.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync(Url(ours) + "?handler=Withdraw",
            [new("exclusionId", exclusionId.ToString(CultureInfo.InvariantCulture))])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync(Url(bureau) + "?handler=Withdraw",
            [new("exclusionId", exclusionId.ToString(CultureInfo.InvariantCulture))])).StatusCode);
        Assert.Equal(4, await ExcludedBallotsAsync(bureau.Id));
        Assert.Null(await app.WithDbAsync(db => db.BallotExclusions.Where(e => e.Id == exclusionId).Select(e => e.WithdrawnUtc).SingleAsync()));
        Assert.Equal(0, await ExcludedBallotsAsync(ours.Id));
        var denials = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditActions.Denied && a.Actor == AppFixture.AdminA).Select(a => a.ObjectType + ":" + a.ObjectId).ToListAsync());
        Assert.Contains($"Campaign:{bureau.Id}", denials);
        Assert.Contains($"BallotExclusion:{exclusionId}", denials);
    }
}

public sealed class SqliteExclusionTests(SqliteAppFixture app) : ExclusionTests<SqliteAppFixture>(app);

public sealed class PostgresExclusionTests(PostgresAppFixture app) : ExclusionTests<PostgresAppFixture>(app);
