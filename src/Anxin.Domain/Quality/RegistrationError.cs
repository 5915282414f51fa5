using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Requests;

namespace Anxin.Domain.Quality;

/// <summary>What was registered wrongly (案件登记与系统录入差错).</summary>
public enum RegistrationErrorCategory
{
    WrongPlate = 1,
    WrongLossTime = 2,
    WrongLossPlace = 3,
    WrongContact = 4,
    WrongInsurer = 5,
    WrongPolicy = 6,
    MissingInformation = 7,
    WrongCategory = 8,
    Other = 9,
}

public enum RegistrationErrorStatus
{
    /// <summary>Recorded by QA; the responsible agent must correct it.</summary>
    Open = 1,

    /// <summary>The agent (or their supervisor) corrected it, with a note.</summary>
    Corrected = 2,

    /// <summary>QA checked the correction.</summary>
    Confirmed = 3,
}

/// <summary>
/// A registration error (CC-08) that QA found on a case or consultation, charged to the agent
/// responsible: Open → Corrected (by that agent or a supervisor, with a note) → Confirmed (QA).
/// Owned by the responsible agent's node; <see cref="Month"/> (yyyyMM, China time) feeds the
/// per-agent KPI counts.
/// </summary>
public sealed class RegistrationError : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    public const int MaxDescriptionLength = 1000;
    public const int MaxNoteLength = 1000;

    private RegistrationError()
    {
    }

    public Guid Id { get; private set; }

    public RequestKind SubjectType { get; private set; }

    public Guid SubjectId { get; private set; }

    public string SubjectNumber { get; private set; } = string.Empty;

    public Guid ResponsibleStaffId { get; private set; }

    public RegistrationErrorCategory Category { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public RegistrationErrorStatus Status { get; private set; }

    public Guid? RecordedByStaffId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The month of <see cref="RecordedAt"/> in China time as yyyyMM (KPI period).</summary>
    public int Month { get; private set; }

    public string? CorrectionNote { get; private set; }

    public Guid? CorrectedByStaffId { get; private set; }

    public DateTimeOffset? CorrectedAt { get; private set; }

    public Guid? ConfirmedByStaffId { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>yyyyMM of an instant in China time.</summary>
    public static int MonthOf(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, WorkingCalendar.ChinaTime);
        return (local.Year * 100) + local.Month;
    }

    /// <summary>QA records an error against the agent responsible (placed at <paramref name="responsibleNodeId"/>).</summary>
    public static RegistrationError Record(RequestRef subject, Guid responsibleStaffId, Guid responsibleNodeId, string responsiblePath,
        RegistrationErrorCategory category, string? description, Guid? recordedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!Enum.IsDefined(category))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Category));
        }

        return new RegistrationError
        {
            Id = Guid.CreateVersion7(),
            SubjectType = subject.Kind,
            SubjectId = subject.Id,
            SubjectNumber = subject.Number,
            ResponsibleStaffId = responsibleStaffId,
            Category = category,
            Description = Text(description, MaxDescriptionLength, nameof(Description)),
            Status = RegistrationErrorStatus.Open,
            RecordedByStaffId = recordedBy,
            RecordedAt = at,
            Month = MonthOf(at),
            OrgNodeId = responsibleNodeId,
            OrgPath = responsiblePath,
        };
    }

    /// <summary>The responsible agent (or a supervisor; the caller checks who) says what was corrected.</summary>
    public void Correct(string? note, Guid? byStaffId, DateTimeOffset at)
    {
        if (Status != RegistrationErrorStatus.Open)
        {
            throw new DomainException("RegistrationError.NotOpen");
        }

        CorrectionNote = Text(note, MaxNoteLength, nameof(CorrectionNote));
        CorrectedByStaffId = byStaffId;
        CorrectedAt = at;
        Status = RegistrationErrorStatus.Corrected;
    }

    /// <summary>QA confirms the correction.</summary>
    public void Confirm(Guid? byStaffId, DateTimeOffset at)
    {
        if (Status != RegistrationErrorStatus.Corrected)
        {
            throw new DomainException("RegistrationError.NotCorrected");
        }

        ConfirmedByStaffId = byStaffId;
        ConfirmedAt = at;
        Status = RegistrationErrorStatus.Confirmed;
    }

    public void BumpVersion() => Version++;

    private static string Text(string? value, int max, string field)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new DomainException(ValidationCodes.Required, field);
        }

        if (value.Length > max)
        {
            throw new DomainException("Validation.TooLong", field);
        }

        return value;
    }
}
