namespace Anxin.Domain.Clocks;

/// <summary>Deadline arithmetic on a business calendar; written here because no library knows China's 调休 rules.</summary>
public static class DeadlineCalculator
{
    public static DateTimeOffset Deadline(DateTimeOffset start, int amount, DeadlineUnit unit, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        return unit switch
        {
            DeadlineUnit.Minutes => start.AddMinutes(amount),
            DeadlineUnit.Hours => start.AddHours(amount),
            DeadlineUnit.CalendarDays => CalendarDays(start, amount, calendar),
            DeadlineUnit.WorkingDays => WorkingDays(start, amount, calendar),
            DeadlineUnit.WorkingHours => AddWorkingTime(start, TimeSpan.FromHours(amount), calendar),
            _ => throw new ArgumentOutOfRangeException(nameof(unit)),
        };
    }

    /// <summary>Adds working time: only time inside working intervals counts.</summary>
    public static DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount, WorkingCalendar calendar)
    {
        var remaining = amount;
        var date = DateOnly.FromDateTime(calendar.ToLocal(start).DateTime);
        for (var guard = 0; guard < 3660; guard++, date = date.AddDays(1))
        {
            foreach (var (from, to) in calendar.Intervals(date))
            {
                if (to <= start)
                {
                    continue;
                }

                var begin = from > start ? from : start;
                var available = to - begin;
                if (remaining <= available)
                {
                    return begin + remaining;
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException("No working time within ten years: check the calendar.");
    }

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not later).</summary>
    public static TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to, WorkingCalendar calendar)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        var last = DateOnly.FromDateTime(calendar.ToLocal(to).DateTime);
        for (var date = DateOnly.FromDateTime(calendar.ToLocal(from).DateTime); date <= last; date = date.AddDays(1))
        {
            foreach (var (start, end) in calendar.Intervals(date))
            {
                var begin = start > from ? start : from;
                var finish = end < to ? end : to;
                if (finish > begin)
                {
                    total += finish - begin;
                }
            }
        }

        return total;
    }

    private static DateTimeOffset CalendarDays(DateTimeOffset start, int days, WorkingCalendar calendar)
    {
        var last = DateOnly.FromDateTime(calendar.ToLocal(start).DateTime).AddDays(days);
        while (calendar.IsHoliday(last))
        {
            last = last.AddDays(1);
        }

        return calendar.EndOfDay(last);
    }

    private static DateTimeOffset WorkingDays(DateTimeOffset start, int days, WorkingCalendar calendar)
    {
        var date = DateOnly.FromDateTime(calendar.ToLocal(start).DateTime);
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (calendar.IsWorkingDay(date))
            {
                counted++;
            }
        }

        return calendar.At(date, calendar.Hours[^1].End);
    }
}
