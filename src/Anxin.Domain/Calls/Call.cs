using Anxin.Domain.Common;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Calls;

public enum CallDirection
{
    Inbound = 1,
    Outbound = 2,
}

/// <summary>Ringing → Answered → Ended; Ended straight from Ringing is a missed (abandoned) call.</summary>
public enum CallState
{
    Ringing = 1,
    Answered = 2,
    Ended = 3,
}

/// <summary>What the call was about (CC-01), set by the agent.</summary>
public enum CallType
{
    Report = 1,
    Consultation = 2,
    Complaint = 3,
    Enquiry = 4,
    Callback = 5,

    /// <summary>Silent or nuisance call (无声/骚扰电话).</summary>
    Silent = 6,
}

/// <summary>The events a CTI (telephony) system reports for a call.</summary>
public enum CallEvent
{
    Ringing = 1,
    Answered = 2,
    Ended = 3,
}

public enum CallEventOutcome
{
    /// <summary>The event changed the call.</summary>
    Applied,

    /// <summary>The call already had this event: nothing changed (CTI systems resend).</summary>
    Duplicate,
}

/// <summary>
/// One inbound or outbound telephone call (CC-01), keyed by the CTI system's call id and owned
/// by the organisation node of the agent who took it. The state only moves forward through
/// <see cref="Answer"/> and <see cref="End"/>; <see cref="Record"/> applies CTI events on top
/// of them, accepting resent events and the late arrival of an earlier event.
/// </summary>
public sealed class Call : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    public const int MaxExternalIdLength = 64;
    public const int MaxNumberLength = 20;
    public const int MaxNotesLength = 2000;
    public const int MaxRecordingRefLength = 200;

    private Call()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The CTI system's call id (unique).</summary>
    public string ExternalId { get; private set; } = string.Empty;

    public CallDirection Direction { get; private set; }

    /// <summary>The calling number; null when withheld.</summary>
    [Sensitive(SensitiveKind.Mobile)]
    public string? CallerNumber { get; private set; }

    /// <summary>The called number (the hotline for inbound calls, the customer for outbound ones).</summary>
    [Sensitive(SensitiveKind.Mobile)]
    public string? CalleeNumber { get; private set; }

    public Guid AgentStaffId { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public CallState State { get; private set; }

    /// <summary>The earliest moment known of the call (ringing, else answered, else ended): the list's sort key.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? RingingAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public CallType? Type { get; private set; }

    public Guid? CustomerId { get; private set; }

    /// <summary>The case (loss report, request) opened or found during the call.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>Where the recording is kept (the CTI system's reference), when there is one.</summary>
    public string? RecordingRef { get; private set; }

    public string? Notes { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The customer's side of the line: the caller of an inbound call, the callee of an outbound one.</summary>
    public string? CustomerNumber => Direction == CallDirection.Inbound ? CallerNumber : CalleeNumber;

    /// <summary>Ended without ever being answered.</summary>
    public bool IsMissed => State == CallState.Ended && AnsweredAt is null;

    /// <summary>From answer to hang-up; null until both are known.</summary>
    public TimeSpan? TalkTime => AnsweredAt is { } a && EndedAt is { } e ? e - a : null;

    /// <summary>A call first heard of through <paramref name="firstEvent"/> (usually ringing) at <paramref name="at"/>.</summary>
    public static Call Open(string externalId, CallDirection direction, string? callerNumber, string? calleeNumber, Staff agent,
        CallEvent firstEvent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(agent);
        externalId = (externalId ?? string.Empty).Trim();
        if (externalId.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(ExternalId));
        }

        if (externalId.Length > MaxExternalIdLength)
        {
            throw new DomainException("Validation.TooLong", nameof(ExternalId));
        }

        if (!Enum.IsDefined(direction))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Direction));
        }

        if (!Enum.IsDefined(firstEvent))
        {
            throw new DomainException(ValidationCodes.Required, "Event");
        }

        var call = new Call
        {
            Id = Guid.CreateVersion7(),
            ExternalId = externalId,
            Direction = direction,
            CallerNumber = PhoneNumbers.Normalize(callerNumber, nameof(CallerNumber)),
            CalleeNumber = PhoneNumbers.Normalize(calleeNumber, nameof(CalleeNumber)),
            AgentStaffId = agent.Id,
            OrgNodeId = agent.OrgNodeId,
            OrgPath = agent.OrgPath,
            StartedAt = at,
        };
        switch (firstEvent)
        {
            case CallEvent.Ringing:
                call.State = CallState.Ringing;
                call.RingingAt = at;
                break;
            case CallEvent.Answered:
                call.State = CallState.Answered;
                call.AnsweredAt = at;
                break;
            default:
                call.State = CallState.Ended;
                call.EndedAt = at;
                break;
        }

        return call;
    }

    /// <summary>The agent picked up. Only a ringing call can be answered, and not before it rang.</summary>
    public void Answer(DateTimeOffset at)
    {
        if (State != CallState.Ringing)
        {
            throw new DomainException("Call.InvalidTransition", nameof(State));
        }

        EnsureNotBefore(at, RingingAt);
        AnsweredAt = at;
        State = CallState.Answered;
    }

    /// <summary>Hang-up: from Answered, or from Ringing (missed/abandoned). An ended call stays ended.</summary>
    public void End(DateTimeOffset at)
    {
        if (State == CallState.Ended)
        {
            throw new DomainException("Call.InvalidTransition", nameof(State));
        }

        EnsureNotBefore(at, AnsweredAt ?? RingingAt);
        EndedAt = at;
        State = CallState.Ended;
    }

    /// <summary>
    /// Applies a CTI event. An event the call already has is a <see cref="CallEventOutcome.Duplicate"/>
    /// (the first report wins). An earlier event arriving after a later one fills in its time when
    /// it fits (a late "answered" turns a call that looked missed into an answered one) and is
    /// refused with <c>Call.EventOutOfOrder</c> when its time contradicts what is known.
    /// </summary>
    public CallEventOutcome Record(CallEvent e, DateTimeOffset at)
    {
        switch (e)
        {
            case CallEvent.Ringing:
                if (RingingAt is not null)
                {
                    return CallEventOutcome.Duplicate;
                }

                EnsureNotAfter(at, AnsweredAt ?? EndedAt);
                RingingAt = at;
                break;
            case CallEvent.Answered:
                if (AnsweredAt is not null)
                {
                    return CallEventOutcome.Duplicate;
                }

                if (State == CallState.Ringing)
                {
                    Answer(at);
                }
                else
                {
                    // Ended before we heard of the answer: the call was answered after all.
                    EnsureNotBefore(at, RingingAt);
                    EnsureNotAfter(at, EndedAt);
                    AnsweredAt = at;
                }

                break;
            case CallEvent.Ended:
                if (EndedAt is not null)
                {
                    return CallEventOutcome.Duplicate;
                }

                End(at);
                break;
            default:
                throw new DomainException(ValidationCodes.Required, "Event");
        }

        if (at < StartedAt)
        {
            StartedAt = at;
        }

        return CallEventOutcome.Applied;
    }

    /// <summary>The agent says what the call was about, who the caller is, and notes (CC-01).</summary>
    public void Classify(CallType type, Guid? customerId, string? notes)
    {
        if (!Enum.IsDefined(type))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Type));
        }

        notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (notes is { Length: > MaxNotesLength })
        {
            throw new DomainException("Validation.TooLong", nameof(Notes));
        }

        Type = type;
        CustomerId = customerId;
        Notes = notes;
    }

    /// <summary>Links the case opened or found during the call.</summary>
    public void LinkCase(Guid caseId) => CaseId = caseId;

    public void AttachRecording(string? reference)
    {
        reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        if (reference is { Length: > MaxRecordingRefLength })
        {
            throw new DomainException("Validation.TooLong", nameof(RecordingRef));
        }

        RecordingRef = reference ?? RecordingRef;
    }

    public void BumpVersion() => Version++;

    private static void EnsureNotBefore(DateTimeOffset at, DateTimeOffset? earlier)
    {
        if (earlier is { } e && at < e)
        {
            throw new DomainException("Call.EventOutOfOrder", "At");
        }
    }

    private static void EnsureNotAfter(DateTimeOffset at, DateTimeOffset? later)
    {
        if (later is { } l && at > l)
        {
            throw new DomainException("Call.EventOutOfOrder", "At");
        }
    }
}

/// <summary>Telephone numbers as CTI systems send them: mobiles, landlines, service numbers.</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// A mobile becomes its bare 11 digits (a +86 prefix dropped); any other number keeps its digits
    /// (and a leading +), spaces and hyphens removed. Blank is null (a withheld number).
    /// </summary>
    public static string? Normalize(string? input, string field)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        if (MobileNumber.TryCreate(input, out var mobile))
        {
            return mobile.Value;
        }

        var value = string.Concat(input.Where(c => !char.IsWhiteSpace(c) && c != '-'));
        var digits = value.StartsWith('+') ? value[1..] : value;
        if (digits.Length is < 3 or > Call.MaxNumberLength || !digits.All(char.IsAsciiDigit))
        {
            throw new DomainException("Validation.Phone.Format", field);
        }

        return value;
    }

    /// <summary>Like <see cref="Normalize"/>, but null instead of an error for a malformed number (searches).</summary>
    public static string? TryNormalize(string? input)
    {
        try
        {
            return Normalize(input, string.Empty);
        }
        catch (DomainException)
        {
            return null;
        }
    }
}
