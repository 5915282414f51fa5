using Anxin.Domain.Common;

namespace Anxin.Domain.Dispatch;

/// <summary>Where a surveyor's task stands. Reassigned and Cancelled end it without a survey.</summary>
public enum AssignmentState
{
    Assigned = 1,
    Acknowledged = 2,
    Arrived = 3,
    Assessed = 4,
    Reassigned = 5,
    Cancelled = 6,
}

/// <summary>
/// A surveyor sent to a case (CC-04, 任务调派): assigned by a dispatcher, acknowledged by the
/// surveyor once they have called the customer, arrived at the scene or repair shop, and closed
/// with the survey and loss assessment (查勘定损). A reassignment ends this row and starts a new
/// one pointing back to it, so the case keeps its whole dispatch history. Owned by the case's
/// organisation node (and insurer), so whoever may see the case may see its assignments.
/// <para>Legal moves: Assigned → Acknowledged → Arrived → Assessed; any open state → Reassigned or Cancelled.</para>
/// </summary>
public sealed class Assignment : IVersioned, IOrgOwned, IInsurerOwned, IAudited, IHasTimestamps
{
    public const int MaxReasonLength = 200;
    public const int MaxNotesLength = 2000;

    private Assignment()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The case number (报案号), kept for lists, messages and the case timeline.</summary>
    public string CaseNumber { get; private set; } = string.Empty;

    public Guid? InsurerId { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public Guid SurveyorStaffId { get; private set; }

    /// <summary>The dispatcher (null when an integration assigned through an API key).</summary>
    public Guid? AssignedByStaffId { get; private set; }

    public string AssignedByName { get; private set; } = string.Empty;

    public DateTimeOffset AssignedAt { get; private set; }

    public AssignmentState State { get; private set; }

    /// <summary>The assignment this one replaced (a reassignment).</summary>
    public Guid? PreviousAssignmentId { get; private set; }

    /// <summary>Where the surveyor stood in the recommendation when assigned (null: chosen outside it).</summary>
    public int? RecommendedRank { get; private set; }

    public int? EtaMinutes { get; private set; }

    public double? DistanceKm { get; private set; }

    /// <summary>The surveyor has contacted the customer (the 5-minute commitment).</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? ArrivedAt { get; private set; }

    public DateTimeOffset? AssessedAt { get; private set; }

    /// <summary>定损金额 in yuan.</summary>
    public decimal? AssessedLossAmount { get; private set; }

    public string? AssessmentNotes { get; private set; }

    /// <summary>When it was reassigned or cancelled, and why.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndReason { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => State is AssignmentState.Assigned or AssignmentState.Acknowledged or AssignmentState.Arrived;

    public static Assignment Create(DispatchedCase subject, Guid surveyorStaffId, Guid? assignedByStaffId, string assignedByName, DateTimeOffset at,
        Guid? previousAssignmentId = null, int? recommendedRank = null, int? etaMinutes = null, double? distanceKm = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (surveyorStaffId == Guid.Empty)
        {
            throw new DomainException(ValidationCodes.Required, nameof(SurveyorStaffId));
        }

        return new Assignment
        {
            Id = Guid.CreateVersion7(),
            CaseId = subject.CaseId,
            CaseNumber = subject.CaseNumber,
            InsurerId = subject.InsurerId,
            OrgNodeId = subject.OrgNodeId,
            OrgPath = subject.OrgPath,
            SurveyorStaffId = surveyorStaffId,
            AssignedByStaffId = assignedByStaffId,
            AssignedByName = Truncate(assignedByName, 100),
            AssignedAt = at,
            State = AssignmentState.Assigned,
            PreviousAssignmentId = previousAssignmentId,
            RecommendedRank = recommendedRank,
            EtaMinutes = etaMinutes,
            DistanceKm = distanceKm,
        };
    }

    /// <summary>The surveyor has called the customer (联系客户) and takes the task.</summary>
    public void Acknowledge(DateTimeOffset at)
    {
        EnsureOpen();
        if (State != AssignmentState.Assigned)
        {
            throw new DomainException("Dispatch.Assignment.AlreadyAcknowledged");
        }

        State = AssignmentState.Acknowledged;
        AcknowledgedAt = at;
    }

    /// <summary>The surveyor is at the scene or the repair shop.</summary>
    public void Arrive(DateTimeOffset at)
    {
        EnsureOpen();
        if (State == AssignmentState.Assigned)
        {
            throw new DomainException("Dispatch.Assignment.AcknowledgeFirst");
        }

        if (State != AssignmentState.Acknowledged)
        {
            throw new DomainException("Dispatch.Assignment.AlreadyArrived");
        }

        State = AssignmentState.Arrived;
        ArrivedAt = at;
    }

    /// <summary>The survey and loss assessment (查勘定损): the assessed loss and the surveyor's notes. Closes the task.</summary>
    public void Assess(Money lossAmount, string? notes, DateTimeOffset at)
    {
        EnsureOpen();
        if (State != AssignmentState.Arrived)
        {
            throw new DomainException("Dispatch.Assignment.ArriveFirst");
        }

        if (lossAmount.Amount < 0)
        {
            throw new DomainException("Dispatch.Assessment.AmountNegative", nameof(AssessedLossAmount));
        }

        notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (notes is { Length: > MaxNotesLength })
        {
            throw new DomainException("Validation.TooLong", nameof(AssessmentNotes));
        }

        State = AssignmentState.Assessed;
        AssessedAt = at;
        AssessedLossAmount = lossAmount.Amount;
        AssessmentNotes = notes;
    }

    /// <summary>Photos are taken on site: after arrival, also once assessed; never on an ended task.</summary>
    public void EnsureCanAddPhotos()
    {
        if (State is AssignmentState.Reassigned or AssignmentState.Cancelled)
        {
            throw new DomainException("Dispatch.Assignment.Closed");
        }

        if (State is AssignmentState.Assigned or AssignmentState.Acknowledged)
        {
            throw new DomainException("Dispatch.Assignment.ArriveFirst");
        }
    }

    /// <summary>Another surveyor takes over; the reason stays on this row.</summary>
    public void EndByReassignment(string? reason, DateTimeOffset at) => End(AssignmentState.Reassigned, reason, at);

    /// <summary>No survey is needed any more (the case was withdrawn or closed).</summary>
    public void Cancel(string? reason, DateTimeOffset at) => End(AssignmentState.Cancelled, reason, at);

    public void BumpVersion() => Version++;

    private void End(AssignmentState state, string? reason, DateTimeOffset at)
    {
        EnsureOpen();
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw new DomainException(ValidationCodes.Required, nameof(EndReason));
        }

        if (reason.Length > MaxReasonLength)
        {
            throw new DomainException("Validation.TooLong", nameof(EndReason));
        }

        State = state;
        EndedAt = at;
        EndReason = reason;
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("Dispatch.Assignment.Closed");
        }
    }

    private static string Truncate(string? value, int max)
    {
        value = (value ?? string.Empty).Trim();
        return value.Length > max ? value[..max] : value;
    }
}

/// <summary>What an assignment copies from its case (kept apart so the dispatch domain does not reach into the case aggregate).</summary>
public sealed record DispatchedCase(Guid CaseId, string CaseNumber, Guid? InsurerId, Guid OrgNodeId, string OrgPath);
