using Anxin.Domain.Common;

namespace Anxin.Domain.Requests;

public enum EscalationStatus
{
    /// <summary>Waiting for the supervisor.</summary>
    Open = 1,

    /// <summary>A supervisor took the request over.</summary>
    TakenOver = 2,

    /// <summary>The request was resolved while the escalation was open.</summary>
    Resolved = 3,
}

/// <summary>
/// A difficult request (疑难案件, CC-07) flagged by its owner with a reason, for the supervisor of
/// the owner's team, who can take it over. Owned by the raising agent's node, so supervisors
/// above that node see it.
/// </summary>
public sealed class Escalation : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    public const int MaxReasonLength = 500;

    private Escalation()
    {
    }

    public Guid Id { get; private set; }

    public RequestKind SubjectType { get; private set; }

    public Guid SubjectId { get; private set; }

    public string SubjectNumber { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public Guid? RaisedByStaffId { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public EscalationStatus Status { get; private set; }

    public Guid? TakenOverByStaffId { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Flags <paramref name="subject"/> as difficult; <paramref name="raiserNodeId"/>/<paramref name="raiserPath"/> is the agent's node.</summary>
    public static Escalation Raise(RequestRef subject, string? reason, Guid? raisedBy, Guid raiserNodeId, string raiserPath, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(subject);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Reason));
        }

        if (reason.Length > MaxReasonLength)
        {
            throw new DomainException("Validation.TooLong", nameof(Reason));
        }

        return new Escalation
        {
            Id = Guid.CreateVersion7(),
            SubjectType = subject.Kind,
            SubjectId = subject.Id,
            SubjectNumber = subject.Number,
            Reason = reason,
            RaisedByStaffId = raisedBy,
            RaisedAt = at,
            Status = EscalationStatus.Open,
            OrgNodeId = raiserNodeId,
            OrgPath = raiserPath,
        };
    }

    public void TakenOver(Guid byStaffId, DateTimeOffset at)
    {
        EnsureOpen();
        Status = EscalationStatus.TakenOver;
        TakenOverByStaffId = byStaffId;
        ClosedAt = at;
    }

    public void Resolved(DateTimeOffset at)
    {
        EnsureOpen();
        Status = EscalationStatus.Resolved;
        ClosedAt = at;
    }

    public void BumpVersion() => Version++;

    private void EnsureOpen()
    {
        if (Status != EscalationStatus.Open)
        {
            throw new DomainException("Escalation.NotOpen");
        }
    }
}
