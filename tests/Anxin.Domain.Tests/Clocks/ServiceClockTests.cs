using Anxin.Domain.Clocks;
using Anxin.Domain.Common;

namespace Anxin.Domain.Tests.Clocks;

public sealed class ServiceClockTests
{
    private static readonly WorkingCalendar Calendar = new(WorkingCalendar.StandardHours, ChinaHolidays2026.Days);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static ServiceClock Start(ClockRule rule, DateTimeOffset at) =>
        ServiceClock.Start(rule, "Case", "BA1", Guid.NewGuid(), "/1/", null, at, Calendar);

    [Fact]
    public void Paused_working_time_does_not_count()
    {
        var rule = ClockRule.Create("T", 8, DeadlineUnit.WorkingHours, 80);
        var clock = Start(rule, Local(11, 23, 9));
        Assert.Equal(Local(11, 24, 10), clock.DeadlineAt);

        clock.Pause("等待客户补充材料", Local(11, 23, 10));
        clock.Resume(Local(11, 25, 9), Calendar);

        Assert.Equal(Local(11, 25, 17, 30), clock.DeadlineAt);
        Assert.Equal(ClockState.Running, clock.State);
    }

    [Fact]
    public void Paused_elapsed_time_shifts_a_minute_deadline()
    {
        var clock = Start(DefaultClockRules.DispatchSurveyor, Local(11, 21, 10));

        clock.Pause("来电中断", Local(11, 21, 10, 1));
        clock.Resume(Local(11, 21, 10, 11), Calendar);

        Assert.Equal(Local(11, 21, 10, 12), clock.DeadlineAt);
        Assert.Equal(TimeSpan.FromMinutes(10), clock.Paused);
    }

    [Fact]
    public void Warns_at_its_share_then_breaches_at_the_deadline_once_each()
    {
        var clock = Start(DefaultClockRules.DispatchSurveyor, Local(11, 21, 10));

        Assert.Equal(ClockEvents.None, clock.Evaluate(Local(11, 21, 10, 0).AddSeconds(59)));
        Assert.Equal(ClockEvents.Warned, clock.Evaluate(Local(11, 21, 10, 1)));
        Assert.Equal(ClockEvents.None, clock.Evaluate(Local(11, 21, 10, 1).AddSeconds(30)));
        Assert.Equal(ClockEvents.Breached, clock.Evaluate(Local(11, 21, 10, 2)));
        Assert.Equal(ClockEvents.None, clock.Evaluate(Local(11, 21, 10, 5)));
        Assert.Null(clock.NextCheckAt);
    }

    [Fact]
    public void Late_first_look_reports_warning_and_breach_together()
    {
        var clock = Start(DefaultClockRules.DispatchSurveyor, Local(11, 21, 10));

        Assert.Equal(ClockEvents.Warned | ClockEvents.Breached, clock.Evaluate(Local(11, 21, 11)));
    }

    [Fact]
    public void A_paused_clock_neither_warns_nor_breaches()
    {
        var clock = Start(DefaultClockRules.DispatchSurveyor, Local(11, 21, 10));
        clock.Pause("等待", Local(11, 21, 10));

        Assert.Equal(ClockEvents.None, clock.Evaluate(Local(11, 21, 12)));
        Assert.Null(clock.NextCheckAt);
    }

    [Fact]
    public void Stopping_in_time_records_met_and_the_margin()
    {
        var clock = Start(DefaultClockRules.DispatchSurveyor, Local(11, 21, 10));

        clock.Stop(Local(11, 21, 10, 1), Calendar);

        Assert.Equal(ClockOutcome.Met, clock.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(1).Ticks, clock.MarginTicks);
    }

    [Fact]
    public void Stopping_late_records_breached_and_by_how_much()
    {
        var clock = Start(DefaultClockRules.DispatchSurveyor, Local(11, 21, 10));

        clock.Stop(Local(11, 21, 10, 7), Calendar);

        Assert.Equal(ClockOutcome.Breached, clock.Outcome);
        Assert.Equal(-TimeSpan.FromMinutes(5).Ticks, clock.MarginTicks);
    }

    [Fact]
    public void Illegal_transitions_are_refused()
    {
        var clock = Start(DefaultClockRules.DispatchSurveyor, Local(11, 21, 10));

        Assert.Equal("Clock.NotPaused", Assert.Throws<DomainException>(() => clock.Resume(Local(11, 21, 10), Calendar)).Code);
        Assert.Equal(ValidationCodes.Required, Assert.Throws<DomainException>(() => clock.Pause(" ", Local(11, 21, 10))).Code);
        clock.Stop(Local(11, 21, 10, 1), Calendar);
        Assert.Equal("Clock.NotRunning", Assert.Throws<DomainException>(() => clock.Pause("x", Local(11, 21, 10, 2))).Code);
        Assert.Equal("Clock.AlreadyStopped", Assert.Throws<DomainException>(() => clock.Stop(Local(11, 21, 10, 2), Calendar)).Code);
    }

    [Fact]
    public void Statutory_decision_clock_pauses_while_documents_are_missing()
    {
        var clock = Start(DefaultClockRules.ClaimDecision, Local(11, 2, 10));
        Assert.Equal(Local(12, 3, 0), clock.DeadlineAt);

        clock.Pause("一次性通知补充材料", Local(11, 5, 10));
        clock.Resume(Local(11, 15, 10), Calendar);

        Assert.Equal(Local(12, 13, 0), clock.DeadlineAt);
    }
}
