using System.Text.Json;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Meetings;

/// <summary>
/// Hand-checked counts of a bureau campaign: 评议会 at 甲医院 (50 issued, 48 returned, 46 valid + 2 void,
/// 60 attended: complete), 座谈会 at 甲医院党支部 (12 issued, 10 returned, 2 valid + 1 void + 1 awaiting,
/// 20 attended: 7 still to type), 走访 at 乙医院 (5 attended), 12 online raters, standing channels at
/// 甲医院 (30) and 乙医院 (4). Whole campaign: 参评人次 = 85 + 12 + 34 = 131.
/// </summary>
public abstract class MeetingCountsTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    private async Task<(MeetingWorld World, string Complete, string Pending)> ArrangeAsync()
    {
        var w = await app.WorldAsync();
        var complete = $"完成会{w.Tag}";
        var pending = $"待录会{w.Tag}";
        var m1 = await app.MeetingAsync(w, app.UnitAId, issued: 50, returned: 48, attendance: 60, title: complete);
        await app.SlipsAsync(m1, 1, 46, PaperSlipState.Counted);
        await app.SlipsAsync(m1, 47, 2, PaperSlipState.Void);
        var m2 = await app.MeetingAsync(w, app.BranchAId, issued: 12, returned: 10, attendance: 20, kind: MeetingKind.Forum, title: pending, doubleEntry: true);
        await app.SlipsAsync(m2, 1, 2, PaperSlipState.Counted);
        await app.SlipsAsync(m2, 3, 1, PaperSlipState.Void);
        await app.EntryAsync(m2, 4);
        await app.MeetingAsync(w, app.UnitBId, attendance: 5, kind: MeetingKind.Visit, title: $"走访{w.Tag}");
        await app.BallotsAsync(w, 12, BallotChannel.Online);
        await app.BallotsAsync(w, 48, BallotChannel.Paper);
        await app.ChannelAsync(w, app.UnitAId, 30);
        await app.ChannelAsync(w, app.UnitBId, 4);
        return (w, complete, pending);
    }

    private static void AssertTotal(JsonElement t, int meetings, int issued, int returned, int valid, int @void, int attendance, int? online, int standing, int participants)
    {
        Assert.Equal(meetings, t.GetProperty("meetings").GetInt32());
        Assert.Equal(issued, t.GetProperty("issued").GetInt32());
        Assert.Equal(returned, t.GetProperty("returned").GetInt32());
        Assert.Equal(valid, t.GetProperty("valid").GetInt32());
        Assert.Equal(valid, t.GetProperty("paperRaters").GetInt32());
        Assert.Equal(@void, t.GetProperty("void").GetInt32());
        Assert.Equal(attendance, t.GetProperty("attendance").GetInt32());
        Assert.Equal(online, t.GetProperty("onlineRaters").ValueKind == JsonValueKind.Null ? null : t.GetProperty("onlineRaters").GetInt32());
        Assert.Equal(standing, t.GetProperty("standingRaters").GetInt32());
        Assert.Equal(participants, t.GetProperty("participants").GetInt32());
    }

    [Fact]
    public async Task Campaign_runner_sees_every_figure_of_the_campaign()
    {
        var (w, complete, pending) = await ArrangeAsync();
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var counts = JsonDocument.Parse(await sys.Http.GetStringAsync($"/api/campaigns/{w.CampaignId}/counts")).RootElement;
        var total = counts.GetProperty("total");
        AssertTotal(total, 3, 62, 58, 48, 3, 85, 12, 34, 131);
        var kinds = total.GetProperty("meetingsByKind");
        Assert.Equal((1, 1, 0, 1), (kinds.GetProperty("AppraisalMeeting").GetInt32(), kinds.GetProperty("Forum").GetInt32(),
            kinds.GetProperty("Interview").GetInt32(), kinds.GetProperty("Visit").GetInt32()));
        var rows = counts.GetProperty("byOrganization").EnumerateArray().ToDictionary(r => r.GetProperty("organizationId").GetInt32(), r => r.GetProperty("counts"));
        Assert.Equal([app.UnitAId, app.UnitBId], rows.Keys.Order());
        AssertTotal(rows[app.UnitAId], 2, 62, 58, 48, 3, 80, null, 30, 110);
        AssertTotal(rows[app.UnitBId], 1, 0, 0, 0, 0, 5, null, 4, 9);
        var toType = Assert.Single(counts.GetProperty("toType").EnumerateArray());
        Assert.Equal(pending, toType.GetProperty("title").GetString());
        Assert.Equal(7, toType.GetProperty("tally").GetProperty("remaining").GetInt32());
        Assert.Equal(1, toType.GetProperty("tally").GetProperty("awaiting").GetInt32());

        var html = await sys.GetHtmlAsync($"/Meetings/Counts/{w.CampaignId}");
        Assert.Contains(pending, html);
        Assert.Contains("尚未录入 7 份", html);
        Assert.DoesNotContain(complete, html);
        Assert.Contains(">131<", html);
        var list = await sys.GetHtmlAsync($"/Meetings/Index/{w.CampaignId}");
        Assert.Contains("已完成", list);
        Assert.Contains("待录入 7 份", list);
    }

    [Fact]
    public async Task Unit_admin_sees_only_their_subtree_and_no_online_figure_of_a_campaign_run_above()
    {
        var (w, _, pending) = await ArrangeAsync();
        using var admin = await app.SignInAsync(AppFixture.AdminA);
        var counts = JsonDocument.Parse(await admin.Http.GetStringAsync($"/api/campaigns/{w.CampaignId}/counts")).RootElement;
        Assert.False(counts.GetProperty("runsCampaign").GetBoolean());
        AssertTotal(counts.GetProperty("total"), 2, 62, 58, 48, 3, 80, null, 30, 110);
        var rows = counts.GetProperty("byOrganization").EnumerateArray().ToDictionary(r => r.GetProperty("organizationId").GetInt32());
        Assert.Equal([app.UnitAId, app.BranchAId], rows.Keys.Order());
        Assert.True(rows[app.UnitAId].GetProperty("isTop").GetBoolean());
        AssertTotal(rows[app.UnitAId].GetProperty("counts"), 1, 50, 48, 46, 2, 60, null, 30, 90);
        AssertTotal(rows[app.BranchAId].GetProperty("counts"), 1, 12, 10, 2, 1, 20, null, 0, 20);
        var html = await admin.GetHtmlAsync("/Meetings/Counts");
        Assert.Contains(pending, html);
        Assert.Contains("≥110", html);
        Assert.DoesNotContain("走访" + w.Tag, html);
    }
}

public sealed class SqliteMeetingCountsTests(SqliteAppFixture a) : MeetingCountsTests<SqliteAppFixture>(a);

public sealed class PostgresMeetingCountsTests(PostgresAppFixture a) : MeetingCountsTests<PostgresAppFixture>(a);
