namespace Anxin.Domain.Clocks;

/// <summary>What kind of day a date is on a business calendar .</summary>
public enum DayKind
{
    /// <summary>A public holiday: not a working day even on a weekday.</summary>
    Holiday = 1,

    /// <summary>A make-up working day (调休上班): a working day even on a weekend.</summary>
    MakeUpWorkday = 2,
}

public sealed record SpecialDay(DateOnly Date, DayKind Kind, string Name);

public sealed record WorkingHours(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>
/// A business calendar: working hours, weekends, public holidays and make-up working days, in
/// one time zone (Asia/Shanghai by default). Immutable; built from an organisation's settings.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, SpecialDay> _special;

    public WorkingCalendar(IEnumerable<WorkingHours> hours, IEnumerable<SpecialDay> specialDays, TimeZoneInfo? zone = null,
        IEnumerable<DayOfWeek>? weekend = null)
    {
        Hours = hours.OrderBy(h => h.Start).ToList();
        if (Hours.Count == 0 || Hours.Any(h => h.End <= h.Start))
        {
            throw new ArgumentException("Working hours need at least one interval with End after Start.", nameof(hours));
        }

        for (var i = 1; i < Hours.Count; i++)
        {
            if (Hours[i].Start < Hours[i - 1].End)
            {
                throw new ArgumentException("Working-hour intervals overlap.", nameof(hours));
            }
        }

        _special = specialDays.ToDictionary(d => d.Date);
        Zone = zone ?? ChinaTime;
        Weekend = (weekend ?? [DayOfWeek.Saturday, DayOfWeek.Sunday]).ToHashSet();
    }

    public static TimeZoneInfo ChinaTime { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>09:00–12:00 and 13:30–17:30, Monday to Friday: a common branch office day.</summary>
    public static IReadOnlyList<WorkingHours> StandardHours { get; } =
        [new(new TimeOnly(9, 0), new TimeOnly(12, 0)), new(new TimeOnly(13, 30), new TimeOnly(17, 30))];

    public IReadOnlyList<WorkingHours> Hours { get; }

    public TimeZoneInfo Zone { get; }

    public IReadOnlySet<DayOfWeek> Weekend { get; }

    public IReadOnlyCollection<SpecialDay> SpecialDays => _special.Values;

    public bool IsWorkingDay(DateOnly date) => _special.TryGetValue(date, out var special)
        ? special.Kind == DayKind.MakeUpWorkday
        : !Weekend.Contains(date.DayOfWeek);

    public bool IsHoliday(DateOnly date) => _special.TryGetValue(date, out var special) && special.Kind == DayKind.Holiday;

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant at <paramref name="time"/> on <paramref name="date"/> in this calendar's zone.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>Midnight at the end of <paramref name="date"/> (24:00), local time.</summary>
    public DateTimeOffset EndOfDay(DateOnly date) => At(date.AddDays(1), TimeOnly.MinValue);

    /// <summary>The working intervals of a date as instants (empty on a non-working day).</summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Intervals(DateOnly date) =>
        IsWorkingDay(date) ? Hours.Select(h => (At(date, h.Start), At(date, h.End))) : [];
}
