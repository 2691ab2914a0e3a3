using System.Net;
using Microsoft.AspNetCore.Http;
using Pingyi.Web.Features.Ballots;
using Pingyi.Web.Tests.Infrastructure;

namespace Pingyi.Web.Tests.Ballots;

/// <summary>The per-address limit on its own: counts per minute, and forgets past minutes without scanning on every request.</summary>
public sealed class CodeThrottleTests
{
    private static DefaultHttpContext From(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }

    [Fact]
    public void Each_address_gets_twenty_attempts_a_minute_and_a_new_minute_starts_afresh()
    {
        var clock = new TestClock();
        var throttle = new CodeThrottle(clock);
        for (var i = 0; i < CodeThrottle.PerMinute; i++)
        {
            Assert.True(throttle.TryAttempt(From("10.0.0.1")));
        }
        Assert.False(throttle.TryAttempt(From("10.0.0.1")));
        Assert.True(throttle.TryAttempt(From("10.0.0.2")));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(throttle.TryAttempt(From("10.0.0.1")));
    }

    [Fact]
    public void A_crowd_of_distinct_addresses_is_admitted_and_forgotten_when_the_minute_is_over()
    {
        var clock = new TestClock();
        var throttle = new CodeThrottle(clock);
        // A hospital's discharged patients behind their own addresses, all in one minute.
        for (var i = 0; i < 30_000; i++)
        {
            Assert.True(throttle.TryAttempt(From($"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}")));
        }
        Assert.Equal(30_000, throttle.Tracked);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(throttle.TryAttempt(From("192.0.2.1")));
        Assert.Equal(1, throttle.Tracked);
    }
}
