namespace Pingyi.Web.Tests.Infrastructure;

/// <summary>A clock the tests move forward, to reach idle timeouts without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
