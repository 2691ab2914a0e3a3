using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Campaigns;
using Pingyi.Domain.Publishing;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Publishing;
using Pingyi.Web.Identity;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Publishing;

/// <summary>Two administrators acting on one notice or one objection at once: the second, acting on what it read before, saves nothing.</summary>
public abstract class PublicationConcurrencyTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_loser_of_a_race_gets_a_Chinese_message_and_changes_nothing()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var c = await app.ClosedCampaignAsync(sys, app.UnitAId, "公示-并发", app.UnitAId);
        var id = await sys.PublishedAsync(app, c.Id);
        var objection = await app.AddObjectionAsync(id, "并发异议");
        app.Factory.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "sys"), new Claim(ClaimTypes.Role, Roles.SystemAdmin)], "test")),
        };

        // Both read the objection while it was pending; the fast one answers first.
        await using (var slow = app.Factory.Services.CreateAsyncScope())
        {
            await slow.ServiceProvider.GetRequiredService<AppDbContext>().Objections.SingleAsync(o => o.Id == objection);
            await using (var fast = app.Factory.Services.CreateAsyncScope())
            {
                Assert.True((await fast.ServiceProvider.GetRequiredService<PublicationCommands>().AnswerAsync(id, objection, ObjectionState.Dismissed, "先答复")).Succeeded);
            }
            var lost = await slow.ServiceProvider.GetRequiredService<PublicationCommands>().AnswerAsync(id, objection, ObjectionState.Upheld, "后答复");
            Assert.Equal("已被他人处理，请刷新后重试。", lost.Error);
        }
        var stored = await app.WithDbAsync(db => db.Objections.AsNoTracking().SingleAsync(o => o.Id == objection));
        Assert.Equal((ObjectionState.Dismissed, "先答复"), (stored.State, stored.Answer));

        // One finalises a notice another has just withdrawn.
        await app.EndPeriodAsync(id);
        await using (var slow = app.Factory.Services.CreateAsyncScope())
        {
            await slow.ServiceProvider.GetRequiredService<AppDbContext>().Publications.SingleAsync(p => p.Id == id);
            await using (var fast = app.Factory.Services.CreateAsyncScope())
            {
                Assert.True((await fast.ServiceProvider.GetRequiredService<PublicationCommands>().WithdrawAsync(id, "先撤回")).Succeeded);
            }
            var lost = await slow.ServiceProvider.GetRequiredService<PublicationCommands>().FinalizeAsync(id);
            Assert.Equal("已被他人处理，请刷新后重试。", lost.Error);
        }
        Assert.Equal((PublicationState.Withdrawn, CampaignState.Closed), await app.StatesAsync(id));
    }
}

public sealed class SqlitePublicationConcurrencyTests(SqliteAppFixture app) : PublicationConcurrencyTests<SqliteAppFixture>(app);

public sealed class PostgresPublicationConcurrencyTests(PostgresAppFixture app) : PublicationConcurrencyTests<PostgresAppFixture>(app);
