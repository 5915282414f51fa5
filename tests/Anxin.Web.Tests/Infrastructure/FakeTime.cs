namespace Anxin.Web.Tests.Infrastructure;

/// <summary>A clock that tests move by hand (deadlines, warnings, escalation).</summary>
public sealed class FakeTime(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
