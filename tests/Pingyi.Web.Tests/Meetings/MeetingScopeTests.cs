using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pingyi.Domain.Auditing;
using Pingyi.Web.Tests.Infrastructure;
using static Pingyi.Web.Tests.Meetings.MeetingArrange;

namespace Pingyi.Web.Tests.Meetings;

/// <summary>admina (unit A) against unit B's meeting and unit B's campaign: every page and endpoint answers 404 and changes nothing.</summary>
public abstract class MeetingScopeTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Neighbour_meeting_answers_404_on_every_page_and_endpoint_and_nothing_changes()
    {
        var w = await app.WorldAsync();
        var theirs = await app.MeetingAsync(w, app.UnitBId, issued: 10, returned: 5, title: $"乙院会{w.Tag}");
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.SnapshotAsync();
        foreach (var url in new[] { "Details", "Edit", "Delete", "Print" }.Select(p => $"/Meetings/{p}/{theirs}").Append($"/api/meetings/{theirs}"))
        {
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync(url)).StatusCode, url);
        }
        var fields = Fields(app, app.UnitAId, "夺取", groupId: w.GroupId);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/Meetings/Edit/{theirs}", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/Meetings/Delete/{theirs}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/Meetings/Print/{theirs}", [new("from", "1"), new("to", "10")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PutAsJsonAsync($"/api/meetings/{theirs}", Request(app, w, app.UnitAId, "夺取"))).StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Denied && a.ObjectType == "Meeting" && a.ObjectId == I(theirs))));

        var mine = await app.MeetingAsync(w, app.BranchAId, title: $"甲支部会{w.Tag}");
        var lists = new[] { "/Meetings", $"/Meetings/Index/{w.CampaignId}", $"/Meetings/Counts/{w.CampaignId}", "/Meetings/Counts" };
        foreach (var url in lists)
        {
            var html = await client.GetHtmlAsync(url);
            Assert.DoesNotContain($"乙院会{w.Tag}", html);
            Assert.DoesNotContain("乙医院", html);
        }
        Assert.Contains($"甲支部会{w.Tag}", await client.GetHtmlAsync($"/Meetings/Index/{w.CampaignId}"));
        var api = await client.Http.GetStringAsync($"/api/meetings?campaignId={w.CampaignId}");
        Assert.Contains(I(mine), api);
        Assert.DoesNotContain($"乙院会{w.Tag}", api);
        Assert.DoesNotContain("乙医院", await client.Http.GetStringAsync($"/api/campaigns/{w.CampaignId}/counts"));
    }

    [Fact]
    public async Task Neighbour_campaign_answers_404_on_every_page_and_endpoint()
    {
        var theirs = await app.WorldAsync(runBy: app.UnitBId);
        using var client = await app.SignInAsync(AppFixture.AdminA);
        var before = await app.SnapshotAsync();
        foreach (var url in new[]
        {
            $"/Meetings/Index/{theirs.CampaignId}", $"/Meetings/Create/{theirs.CampaignId}", $"/Meetings/Counts/{theirs.CampaignId}",
            $"/api/meetings?campaignId={theirs.CampaignId}", $"/api/campaigns/{theirs.CampaignId}/counts",
        })
        {
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync(url)).StatusCode, url);
        }
        Assert.Equal(HttpStatusCode.NotFound,
            (await client.PostFormAsync($"/Meetings/Create/{theirs.CampaignId}", Fields(app, app.UnitAId, "闯入", groupId: theirs.GroupId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PostAsJsonAsync("/api/meetings", Request(app, theirs, app.UnitAId, "闯入"))).StatusCode);
        Assert.DoesNotContain(theirs.Tag, await client.GetHtmlAsync("/Meetings/Create"));
        Assert.DoesNotContain(theirs.Tag, await client.GetHtmlAsync("/Meetings/Counts"));
        Assert.Equal(before, await app.SnapshotAsync());
    }
}

public sealed class SqliteMeetingScopeTests(SqliteAppFixture a) : MeetingScopeTests<SqliteAppFixture>(a);

public sealed class PostgresMeetingScopeTests(PostgresAppFixture a) : MeetingScopeTests<PostgresAppFixture>(a);
