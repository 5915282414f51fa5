using Anxin.Domain.Common;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Requests;

/// <summary>
/// Who owns a customer request now and since when (CC-05): the first member of staff who took
/// it, until it is resolved or explicitly handed to a named colleague.
/// </summary>
public sealed record Ownership(Guid? OwnerStaffId, DateTimeOffset Since)
{
    public const int MaxNoteLength = 500;

    /// <summary>
    /// The ownership after a hand-over to <paramref name="to"/>: a named, active member of staff
    /// (any department) other than the current owner.
    /// </summary>
    public Ownership TransferTo(Staff to, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (!to.IsActive)
        {
            throw new DomainException("Ownership.TargetInactive", "ToStaffId");
        }

        if (to.Id == OwnerStaffId)
        {
            throw new DomainException("Ownership.SameOwner", "ToStaffId");
        }

        return new Ownership(to.Id, at);
    }

    /// <summary>The hand-over note: required, trimmed, at most <see cref="MaxNoteLength"/> characters.</summary>
    public static string RequireNote(string? note, string field = "Note")
    {
        note = note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            throw new DomainException(ValidationCodes.Required, field);
        }

        if (note.Length > MaxNoteLength)
        {
            throw new DomainException("Validation.TooLong", field);
        }

        return note;
    }
}
