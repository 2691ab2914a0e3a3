using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Ballots;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Forms;
using Pingyi.Domain.Meetings;
using Pingyi.Web.Tests.Campaigns;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Channels;

/// <summary>
/// A campaign run by <see cref="OrganizationId"/> with a 平时评议 group rating units A and B with a
/// form of one required grade item and an optional text, and a group of another kind.
/// </summary>
internal sealed record ChannelWorld(int CampaignId, int OrganizationId, int GroupId, int OtherGroupId, int[] SubjectIds, string GradeKey, string TextKey);

internal static class ChannelArrange
{
    public static Task<ChannelWorld> AddChannelWorldAsync(this AppFixture app, string name, CampaignState state = CampaignState.Open,
        int? organizationId = null, int startsInDays = -1, int endsInDays = 30)
    {
        var owner = organizationId ?? app.BureauId;
        return app.WithDbAsync(async db =>
        {
            var (_, versionId) = await app.AddFormAsync(owner, name + "服务评价表");
            var version = await db.FormVersions.Include(v => v.Sections).ThenInclude(s => s.Items).SingleAsync(v => v.Id == versionId);
            var subjects = new[] { app.UnitAId, app.UnitBId }.Where(o => owner == app.BureauId || o == owner)
                .Select(o => new CampaignSubject { OrganizationId = o }).ToList();
            var group = new RaterGroup { Kind = RaterGroupKind.StandingChannel, Name = "平时评议（扫码）", PlannedCount = 100, Weight = 20, Position = 1 };
            var other = new RaterGroup { Kind = RaterGroupKind.ServiceRecipient, Name = "服务对象/患者", PlannedCount = 100, Weight = 80, Position = 2 };
            var today = app.Today();
            var campaign = new Campaign
            {
                OrganizationId = owner,
                Name = name,
                Year = today.Year,
                State = state,
                CreatedUtc = DateTime.UtcNow,
                StartsOn = today.AddDays(startsInDays),
                EndsOn = today.AddDays(endsInDays),
                Subjects = subjects,
                RaterGroups = [group, other],
                Assignments =
                [
                    new Assignment { RaterGroup = group, Direction = Direction.ServiceRecipients, FormVersionId = versionId, Subjects = subjects },
                    new Assignment { RaterGroup = other, Direction = Direction.ServiceRecipients, FormVersionId = versionId, Subjects = subjects },
                ],
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            var items = version.Items.ToList();
            return new ChannelWorld(campaign.Id, owner, group.Id, other.Id, subjects.Select(s => s.Id).ToArray(),
                items.First(i => i.Kind == ItemKind.Grade).Key, items.First(i => i.Kind == ItemKind.Text).Key);
        });
    }

    public static Task<StandingChannel> AddChannelAsync(this AppFixture app, ChannelWorld world, int organizationId, string name,
        int dailyLimit = 1, bool active = true) =>
        app.WithDbAsync(async db =>
        {
            var channel = new StandingChannel
            {
                CampaignId = world.CampaignId,
                RaterGroupId = world.GroupId,
                OrganizationId = organizationId,
                Name = name,
                Code = TokenCodes.NewLongCode(),
                DailyLimit = dailyLimit,
                Active = active,
                CreatedBy = "test",
                CreatedUtc = DateTime.UtcNow,
            };
            db.StandingChannels.Add(channel);
            await db.SaveChangesAsync();
            return channel;
        });

    public static Task<StandingChannel> ChannelAsync(this AppFixture app, int id) =>
        app.WithDbAsync(db => db.StandingChannels.AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>Every channel row of the database as one comparable string.</summary>
    public static Task<string> ChannelsSnapshotAsync(this AppFixture app) =>
        app.WithDbAsync(async db => string.Join("|", (await db.StandingChannels.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
            .Select(c => $"{c.Id}:{c.CampaignId}:{c.RaterGroupId}:{c.OrganizationId}:{c.Name}:{c.Code}:{c.Active}:{c.DailyLimit}:{c.BallotCount}")));

    /// <summary>A complete answer for every subject; <paramref name="skip"/> leaves one subject's grade out.</summary>
    public static List<KeyValuePair<string, string>> Answers(ChannelWorld world, string text = "挂号排队太久", int? skip = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var s in world.SubjectIds)
        {
            if (s != skip)
            {
                fields.Add(new($"q_{s}_{world.GradeKey}", "1"));
            }
            fields.Add(new($"q_{s}_{world.TextKey}", text + s));
        }
        return fields;
    }

    /// <summary>A phone with its own cookie jar, on the app itself or on another host of it.</summary>
    public static (TestClient Client, CookieContainer Cookies) Phone(WebApplicationFactory<Program> factory)
    {
        var cookies = new CookieContainer();
        return (new TestClient(factory.CreateDefaultClient(new CookieContainerHandler(cookies))), cookies);
    }

    /// <summary>Posts a ballot; the anti-forgery token comes from the code entry page, which is always there.</summary>
    public static Task<HttpResponseMessage> VoteAsync(this TestClient client, string code, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostFormAsync($"/Q/{code}", fields, tokenPage: "/V");

    public static Task<int> StandingBallotsAsync(this AppFixture app, int campaignId) =>
        app.WithDbAsync(db => db.Ballots.CountAsync(b => b.CampaignId == campaignId && b.Channel == BallotChannel.Standing));

    /// <summary>
    /// Another host of the app on the fixture's database whose every connection comes from
    /// <paramref name="peer"/>, with the given settings (its own throttle and caches).
    /// </summary>
    public static WebApplicationFactory<Program> Host(this AppFixture app, string peer, params (string Key, string Value)[] settings) =>
        app.Factory.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new PeerFilter(IPAddress.Parse(peer))));
        });

    /// <summary>Sets the connection's address before anything else runs, as the socket would.</summary>
    private sealed class PeerFilter(IPAddress peer) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, Func<Task> nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = peer;
                return nextMiddleware();
            });
            next(app);
        };
    }
}
