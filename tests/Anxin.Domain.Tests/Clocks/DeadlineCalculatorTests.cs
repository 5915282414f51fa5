using Anxin.Domain.Clocks;

namespace Anxin.Domain.Tests.Clocks;

public sealed class DeadlineCalculatorTests
{
    private static readonly WorkingCalendar Calendar = new(WorkingCalendar.StandardHours, ChinaHolidays2026.Days);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Working_day_deadline_skips_the_national_day_holiday()
    {
        var deadline = DeadlineCalculator.Deadline(Local(9, 30, 15), 1, DeadlineUnit.WorkingDays, Calendar);

        Assert.Equal(Local(10, 8, 17, 30), deadline);
    }

    [Fact]
    public void Make_up_working_day_on_a_sunday_counts_as_a_working_day()
    {
        var deadline = DeadlineCalculator.Deadline(Local(9, 18, 10), 1, DeadlineUnit.WorkingDays, Calendar);

        Assert.Equal(Local(9, 20, 17, 30), deadline);
    }

    [Fact]
    public void Working_days_across_spring_festival_and_its_make_up_saturday()
    {
        // 2026-02-13 Fri; 14 Sat is a make-up day; 15–23 holiday; 24 Tue working.
        var deadline = DeadlineCalculator.Deadline(Local(2, 13, 9), 2, DeadlineUnit.WorkingDays, Calendar);

        Assert.Equal(Local(2, 24, 17, 30), deadline);
    }

    [Fact]
    public void Working_hours_continue_the_next_morning_after_the_night()
    {
        var deadline = DeadlineCalculator.Deadline(Local(11, 23, 16, 30), 3, DeadlineUnit.WorkingHours, Calendar);

        Assert.Equal(Local(11, 24, 11), deadline);
    }

    [Fact]
    public void Working_hours_skip_the_weekend()
    {
        var deadline = DeadlineCalculator.Deadline(Local(11, 20, 16), 4, DeadlineUnit.WorkingHours, Calendar);

        Assert.Equal(Local(11, 23, 11, 30), deadline);
    }

    [Fact]
    public void Working_hours_skip_the_lunch_break()
    {
        var deadline = DeadlineCalculator.Deadline(Local(11, 23, 11), 2, DeadlineUnit.WorkingHours, Calendar);

        Assert.Equal(Local(11, 23, 14, 30), deadline);
    }

    [Fact]
    public void Start_outside_working_hours_counts_from_the_next_opening()
    {
        var deadline = DeadlineCalculator.Deadline(Local(11, 21, 22), 1, DeadlineUnit.WorkingHours, Calendar);

        Assert.Equal(Local(11, 23, 10), deadline);
    }

    [Fact]
    public void Statutory_days_do_not_count_the_start_day_and_end_at_midnight()
    {
        var deadline = DeadlineCalculator.Deadline(Local(11, 21, 10), 30, DeadlineUnit.CalendarDays, Calendar);

        Assert.Equal(Local(12, 22, 0), deadline);
    }

    [Fact]
    public void Statutory_period_ending_on_a_public_holiday_moves_to_the_day_after_the_holiday()
    {
        var deadline = DeadlineCalculator.Deadline(Local(9, 3, 10), 30, DeadlineUnit.CalendarDays, Calendar);

        Assert.Equal(Local(10, 9, 0), deadline);
    }

    [Fact]
    public void Statutory_period_ending_on_an_ordinary_weekend_does_not_move()
    {
        // 2026-11-21 + 1 day = Sunday 22nd; weekends are not statutory holidays.
        var deadline = DeadlineCalculator.Deadline(Local(11, 20, 10), 2, DeadlineUnit.CalendarDays, Calendar);

        Assert.Equal(Local(11, 23, 0), deadline);
    }

    [Fact]
    public void Minutes_count_around_the_clock()
    {
        Assert.Equal(Local(11, 21, 23, 2), DeadlineCalculator.Deadline(Local(11, 21, 23), 2, DeadlineUnit.Minutes, Calendar));
    }

    [Fact]
    public void Working_time_between_two_instants_counts_only_working_intervals()
    {
        var between = DeadlineCalculator.WorkingTimeBetween(Local(11, 20, 16), Local(11, 23, 10), Calendar);

        Assert.Equal(TimeSpan.FromHours(2.5), between);
    }

    [Fact]
    public void Calendar_knows_holidays_and_make_up_days()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 11, 22)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 11, 23)));
        Assert.Equal(33, ChinaHolidays2026.Days.Count(d => d.Kind == DayKind.Holiday));
        Assert.Equal(6, ChinaHolidays2026.Days.Count(d => d.Kind == DayKind.MakeUpWorkday));
    }
}
