using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pingyi.Domain.Loop;
using Pingyi.Web.Data;
using Pingyi.Web.Features.Loop.Measures;
using Pingyi.Web.Identity;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>Two people moving one measure at once: the second, acting on what it read before, saves nothing.</summary>
public abstract class MeasureConcurrencyTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task The_loser_of_a_race_gets_a_Chinese_message_and_its_file_is_removed()
    {
        using var sys = await app.SignInAsync(AppFixture.SystemAdmin);
        var problemId = await sys.NewProblemAsync("并发处理", app.UnitAId);
        var measureId = await app.AddMeasureAsync(sys, problemId, app.BranchAId);
        var folder = Path.Combine(app.DataDirectory, "attachments");
        var filesBefore = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

        app.Factory.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "sys"), new Claim(ClaimTypes.Role, Roles.SystemAdmin)], "test")),
        };
        await using var slow = app.Factory.Services.CreateAsyncScope();
        // The slow clerk has read the measure while it was still 待整改.
        await slow.ServiceProvider.GetRequiredService<AppDbContext>().Measures.SingleAsync(m => m.Id == measureId);
        await using (var fast = app.Factory.Services.CreateAsyncScope())
        {
            Assert.True((await fast.ServiceProvider.GetRequiredService<MeasureCommands>().StartAsync(measureId)).Succeeded);
        }

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var result = await slow.ServiceProvider.GetRequiredService<MeasureCommands>().SubmitAsync(measureId, "完成", new Upload("a.png", png));
        Assert.Equal("已被他人处理，请刷新后重试。", result.Error);
        Assert.Equal(MeasureState.InProgress, await app.StateAsync(measureId));
        Assert.False(await app.WithDbAsync(db => db.MeasureAttachments.AnyAsync(a => a.MeasureId == measureId)));
        Assert.False(await app.WithDbAsync(db => db.MeasureNotes.AnyAsync(n => n.MeasureId == measureId && n.Kind == MeasureNoteKind.Submitted)));
        Assert.Equal(filesBefore, Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0);
    }
}

public sealed class SqliteMeasureConcurrencyTests(SqliteAppFixture app) : MeasureConcurrencyTests<SqliteAppFixture>(app);

public sealed class PostgresMeasureConcurrencyTests(PostgresAppFixture app) : MeasureConcurrencyTests<PostgresAppFixture>(app);
