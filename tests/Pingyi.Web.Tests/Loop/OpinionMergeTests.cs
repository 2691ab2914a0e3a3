using System.Net;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Domain.Loop;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>Similar pairs are suggested within one organisation and campaign; merging keeps every original and counts it.</summary>
public abstract class OpinionMergeTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_similar_page_finds_a_near_duplicate_and_not_an_unrelated_opinion()
    {
        var org = (await app.AddOrganizationAsync($"SIM{Guid.NewGuid():N}"[..12], "相似科室", app.UnitAId)).Id;
        var a = await app.AddOpinionAsync(org, "门诊挂号排队时间太长");
        var b = await app.AddOpinionAsync(org, "门诊挂号排队的时间太长了！", OpinionSource.Ballot, change: o => o.ReceivedOn = o.ReceivedOn.AddDays(-1));
        var unrelated = await app.AddOpinionAsync(org, "食堂饭菜价格偏高");
        // The same words about another organisation are no duplicate of these.
        var elsewhere = await app.AddOpinionAsync(app.BranchAId, "门诊挂号排队时间太长");
        using var client = await app.SignInAsync(AppFixture.AdminA);

        var html = await client.GetHtmlAsync($"/Opinions/Similar?organizationId={org}");
        // The one received first keeps the group.
        Assert.Contains($"name=\"first\" value=\"{b}\"", html);
        Assert.Contains($"name=\"second\" value=\"{a}\"", html);
        Assert.DoesNotContain(unrelated.ToString(), html);
        Assert.DoesNotContain(elsewhere.ToString(), html);
        Assert.DoesNotContain(elsewhere.ToString(), await client.GetHtmlAsync("/Opinions/Similar"));
    }

    [Fact]
    public async Task Merging_keeps_every_original_brings_followers_and_counts_them()
    {
        var org = (await app.AddOrganizationAsync($"MRG{Guid.NewGuid():N}"[..12], "合并科室", app.UnitAId)).Id;
        var first = await app.AddOpinionAsync(org, "病房卫生间不干净");
        var second = await app.AddOpinionAsync(org, "病房的卫生间很不干净", OpinionSource.Ballot);
        var follower = await app.AddOpinionAsync(org, "卫生间不干净", OpinionSource.PublicBox, change: o => o.MergedIntoId = second);
        using var client = await app.SignInAsync(AppFixture.AdminA);

        var response = await client.PostFormAsync($"/Opinions/Similar?handler=Merge", [new("first", first.ToString()), new("second", second.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(first, (await app.OpinionAsync(second)).MergedIntoId);
        Assert.Equal(first, (await app.OpinionAsync(follower)).MergedIntoId);
        Assert.Null((await app.OpinionAsync(first)).MergedIntoId);
        Assert.Equal("病房的卫生间很不干净", (await app.OpinionAsync(second)).Text);

        var detail = await client.GetHtmlAsync($"/Opinions/Detail/{first}");
        Assert.Contains("合并情况（共 3 条）", detail);
        Assert.Contains("病房的卫生间很不干净", detail);
        Assert.Contains("卫生间不干净", detail);
        Assert.Contains("共 3 条", await client.GetHtmlAsync($"/Opinions?organizationId={org}"));

        // The audit names the staff-typed head and only counts the anonymous ones.
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.OpinionMerge && a.ObjectId == first.ToString()));
        Assert.Contains("合并2条意见", audit.Detail);
        Assert.Contains("合并后共3条", audit.Detail);
        Assert.DoesNotContain(second.ToString(), audit.Detail);
        Assert.DoesNotContain(follower.ToString(), audit.Detail);

        // A merged opinion is merged no further, and leaves the group again on 取消合并.
        var again = await client.PostFormAsync($"/Opinions/Similar?handler=Merge", [new("first", follower.ToString()), new("second", first.ToString())]);
        Assert.Contains("已合并到其他意见", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Opinions/Detail/{first}?handler=Unmerge", [new("member", follower.ToString())])).StatusCode);
        Assert.Null((await app.OpinionAsync(follower)).MergedIntoId);
        Assert.Contains("合并情况（共 2 条）", await client.GetHtmlAsync($"/Opinions/Detail/{first}"));
    }

    [Fact]
    public async Task Merging_across_campaigns_or_after_a_reply_and_unmerging_after_a_reply_are_refused()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var campaign = await Ballots.BallotArrange.OpenCampaignAsync(app, sys, app.BureauId, app.UnitAId, app.UnitBId, $"合并活动{Guid.NewGuid():N}"[..12]);
        var withCampaign = await app.AddOpinionAsync(app.UnitAId, "药房取药排队长", campaignId: campaign.Id);
        var without = await app.AddOpinionAsync(app.UnitAId, "药房取药排队很长");
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.OpinionsSnapshotAsync();
        var refused = await client.PostFormAsync($"/Opinions/Similar?handler=Merge", [new("first", withCampaign.ToString()), new("second", without.ToString())]);
        Assert.Contains("不同评议活动的意见不能合并。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.OpinionsSnapshotAsync());

        var head = await app.AddOpinionAsync(app.UnitAId, "收费处窗口少", change: o => o.Reply = "已增开窗口");
        var member = await app.AddOpinionAsync(app.UnitAId, "收费窗口太少", change: o =>
        {
            o.MergedIntoId = head;
            o.Reply = "已增开窗口";
        });
        var loose = await app.AddOpinionAsync(app.UnitAId, "收费窗口少了");
        before = await app.OpinionsSnapshotAsync();
        Assert.Contains("已答复的意见不能再合并。", await (await client.PostFormAsync($"/Opinions/Similar?handler=Merge",
            [new("first", head.ToString()), new("second", loose.ToString())])).Content.ReadAsStringAsync());
        Assert.Contains("已答复的意见不能取消合并。", await (await client.PostFormAsync($"/Opinions/Detail/{head}?handler=Unmerge",
            [new("member", member.ToString())])).Content.ReadAsStringAsync());
        Assert.Equal(before, await app.OpinionsSnapshotAsync());
    }
}

public sealed class SqliteOpinionMergeTests(SqliteAppFixture a) : OpinionMergeTests<SqliteAppFixture>(a);

public sealed class PostgresOpinionMergeTests(PostgresAppFixture a) : OpinionMergeTests<PostgresAppFixture>(a);
