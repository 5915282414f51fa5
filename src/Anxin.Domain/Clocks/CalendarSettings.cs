using System.Globalization;
using Anxin.Domain.Common;

namespace Anxin.Domain.Clocks;

/// <summary>
/// An organisation node's own working hours. Nodes without a row inherit from the
/// nearest ancestor that has one, else <see cref="WorkingCalendar.StandardHours"/>.
/// </summary>
public sealed class CalendarSettings : IVersioned
{
    private CalendarSettings()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrgNodeId { get; private set; }

    /// <summary>Working-hour intervals as "09:00-12:00;13:30-17:30".</summary>
    public string Hours { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public static CalendarSettings Create(Guid orgNodeId, IEnumerable<WorkingHours> hours)
    {
        var settings = new CalendarSettings { Id = Guid.CreateVersion7(), OrgNodeId = orgNodeId };
        settings.SetHours(hours);
        return settings;
    }

    public void SetHours(IEnumerable<WorkingHours> hours) => Hours = Format(Validate(hours));

    public IReadOnlyList<WorkingHours> WorkingHours() => Parse(Hours);

    public void BumpVersion() => Version++;

    /// <summary>At least one interval, each ending after it starts, none overlapping.</summary>
    public static IReadOnlyList<WorkingHours> Validate(IEnumerable<WorkingHours> hours)
    {
        var list = hours.OrderBy(h => h.Start).ToList();
        if (list.Count == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(Hours));
        }

        if (list.Count > 6 || list.Any(h => h.End <= h.Start))
        {
            throw new DomainException("Calendar.HoursInvalid", nameof(Hours));
        }

        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Start < list[i - 1].End)
            {
                throw new DomainException("Calendar.HoursOverlap", nameof(Hours));
            }
        }

        return list;
    }

    public static string Format(IEnumerable<WorkingHours> hours) =>
        string.Join(';', hours.Select(h => h.Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "-" + h.End.ToString("HH:mm", CultureInfo.InvariantCulture)));

    /// <summary>Parses "09:00-12:00;13:30-17:30" (also accepts commas, spaces and full-width dashes); null when malformed.</summary>
    public static IReadOnlyList<WorkingHours>? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var result = new List<WorkingHours>();
        foreach (var part in text.Split([';', ',', '，', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Replace('–', '-').Replace('－', '-').Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2
                || !TimeOnly.TryParseExact(ends[0], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(ends[1], ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                return null;
            }

            result.Add(new WorkingHours(start, end));
        }

        return result;
    }

    private static List<WorkingHours> Parse(string text) => TryParse(text)?.ToList() ?? [.. WorkingCalendar.StandardHours];
}

/// <summary>A holiday or make-up working day; <see cref="OrgNodeId"/> null means it applies everywhere.</summary>
public sealed class CalendarDay
{
    public const int MaxNameLength = 50;

    private CalendarDay()
    {
    }

    public Guid Id { get; private set; }

    public Guid? OrgNodeId { get; private set; }

    public DateOnly Date { get; private set; }

    public DayKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public static CalendarDay Create(Guid? orgNodeId, DateOnly date, DayKind kind, string? name)
    {
        name = (name ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(Name));
        }

        if (name.Length > MaxNameLength)
        {
            throw new DomainException("Validation.TooLong", nameof(Name));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Kind));
        }

        if (date.Year is < 2000 or > 2100)
        {
            throw new DomainException("Calendar.DateRange", nameof(Date));
        }

        return new CalendarDay { Id = Guid.CreateVersion7(), OrgNodeId = orgNodeId, Date = date, Kind = kind, Name = name };
    }

    public SpecialDay ToSpecialDay() => new(Date, Kind, Name);
}
