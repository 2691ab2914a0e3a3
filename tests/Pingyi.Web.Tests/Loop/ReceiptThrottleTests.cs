using System.Net;
using Pingyi.Domain.Ballots;
using Pingyi.Web.Features.Loop.Replies;
using Pingyi.Web.Pages.Receipt;
using Pingyi.Web.Tests.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Loop;

/// <summary>Ten misses in ten minutes, then every lookup of the address waits — a real receipt too.</summary>
public abstract class ReceiptThrottleTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : AppFixture
{
    [Fact]
    public async Task Guessing_is_cut_off_after_ten_misses_and_hits_do_not_count_before_that()
    {
        app.Clock.Advance(ReceiptThrottle.Window);
        var held = await app.NewReceiptAsync();
        await app.AddReplyOpinionAsync(app.UnitAId, "限流测试意见", held.Hash);
        using var client = app.CreateClient();

        for (var i = 0; i < ReceiptThrottle.Misses - 1; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.LookUpAsync(TokenCodes.NewReceipt())).StatusCode);
            // Typos never reach the database and cost nothing.
            Assert.Equal(HttpStatusCode.BadRequest, (await client.LookUpAsync("ABC")).StatusCode);
        }
        // The holder's own code gives its attempt back.
        Assert.Equal(HttpStatusCode.SeeOther, (await client.LookUpAsync(held.Code)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.LookUpAsync(TokenCodes.NewReceipt())).StatusCode);

        var blocked = await (await client.LookUpAsync(held.Code)).BodyAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains(ReceiptMessages.Throttled, blocked);
        Assert.Contains("请稍后再试", blocked);
        Assert.DoesNotContain("限流测试意见", blocked);
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/Receipt")
        {
            Content = new FormUrlEncodedContent([new("code", held.Code), new("__RequestVerificationToken", await client.TokenAsync("/Receipt"))]),
        };
        forged.Headers.Add("X-Forwarded-For", "198.51.100.9");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.Http.SendAsync(forged)).StatusCode);

        app.Clock.Advance(ReceiptThrottle.Window);
        Assert.Contains("限流测试意见", await client.ViewAsync(held.Code));
    }
}

public sealed class SqliteReceiptThrottleTests(SqliteAppFixture app) : ReceiptThrottleTests<SqliteAppFixture>(app);

public sealed class PostgresReceiptThrottleTests(PostgresAppFixture app) : ReceiptThrottleTests<PostgresAppFixture>(app);
