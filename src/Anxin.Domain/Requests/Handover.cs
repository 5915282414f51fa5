using Anxin.Domain.Common;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Requests;

public enum HandoverKind
{
    /// <summary>The owner (or their supervisor) passed the request to a named colleague.</summary>
    HandOver = 1,

    /// <summary>A supervisor took the request over, e.g. a difficult case (CC-07).</summary>
    TakeOver = 2,
}

/// <summary>
/// One change of owner of a customer request (CC-05): from whom, to whom (a named, active member
/// of staff, possibly in another department), who did it, why and when. Append-only.
/// </summary>
public sealed class Handover : IOrgOwned
{
    private Handover()
    {
    }

    public Guid Id { get; private set; }

    public RequestKind SubjectType { get; private set; }

    public Guid SubjectId { get; private set; }

    public string SubjectNumber { get; private set; } = string.Empty;

    public HandoverKind Kind { get; private set; }

    public Guid? FromStaffId { get; private set; }

    public Guid ToStaffId { get; private set; }

    /// <summary>Who made the change: the owner, their supervisor, or the supervisor taking over.</summary>
    public Guid? ByStaffId { get; private set; }

    public string Note { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    /// <summary>The request's organisation node (the hand-over is seen where the request is seen).</summary>
    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    /// <summary>
    /// Records a hand-over from <paramref name="current"/> to <paramref name="to"/>; returns the
    /// record and the new ownership. The note is required (a take-over without one says so).
    /// </summary>
    public static (Handover Record, Ownership Ownership) Record(RequestRef subject, Ownership current, Staff to, Guid? byStaffId, string? note,
        HandoverKind kind, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(current);
        var text = kind == HandoverKind.TakeOver && string.IsNullOrWhiteSpace(note) ? "—" : Ownership.RequireNote(note);
        var next = current.TransferTo(to, at);
        var record = new Handover
        {
            Id = Guid.CreateVersion7(),
            SubjectType = subject.Kind,
            SubjectId = subject.Id,
            SubjectNumber = subject.Number,
            Kind = kind,
            FromStaffId = current.OwnerStaffId,
            ToStaffId = to.Id,
            ByStaffId = byStaffId,
            Note = text,
            At = at,
            OrgNodeId = subject.OrgNodeId,
            OrgPath = subject.OrgPath,
        };
        return (record, next);
    }
}
