using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;
using Anxin.Domain.Requests;

namespace Anxin.Domain.Consultations;

/// <summary>What a caller asked about (客户咨询: 险种、理赔流程、理赔原则…).</summary>
public enum ConsultationCategory
{
    Product = 1,
    ClaimProcess = 2,
    ClaimPrinciple = 3,
    CaseProgress = 4,
    PolicyService = 5,
    Documents = 6,
    Other = 9,
}

public enum ConsultationStatus
{
    /// <summary>Registered with a promised reply time and a reply clock.</summary>
    Pending = 1,

    Answered = 2,
}

/// <summary>The caller's question as the agent took it down.</summary>
public sealed record ConsultationDraft(string CallerName, MobileNumber? CallerMobile, ConsultationCategory Category, string Question,
    Guid? CustomerId = null, Guid? CallId = null, Guid? InsurerId = null);

/// <summary>
/// A consultation (咨询, CC-06): answered at once when possible, otherwise registered with a
/// promised reply time (by default one working day) and a reply clock. The agent who took it
/// owns it (首问负责, CC-05) until it is answered or handed to a named colleague.
/// </summary>
public sealed class Consultation : IVersioned, IOrgOwned, IInsurerOwned, IAudited, IHasTimestamps
{
    public const string NumberPrefix = "ZX";
    public const int MaxNameLength = 100;
    public const int MaxQuestionLength = 2000;
    public const int MaxAnswerLength = 2000;

    private Consultation()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>咨询号, e.g. <c>ZX20261122000001</c>.</summary>
    public string Number { get; private set; } = string.Empty;

    public Guid? InsurerId { get; private set; }

    public Guid? CustomerId { get; private set; }

    public Guid? CallId { get; private set; }

    [Sensitive(SensitiveKind.Name)]
    public string CallerName { get; private set; } = string.Empty;

    [Sensitive(SensitiveKind.Mobile)]
    public string? CallerMobile { get; private set; }

    public ConsultationCategory Category { get; private set; }

    public string Question { get; private set; } = string.Empty;

    public ConsultationStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>When the caller was promised a reply (pending consultations).</summary>
    public DateTimeOffset? PromisedReplyAt { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public Guid? AnsweredByStaffId { get; private set; }

    /// <summary>The agent who took the call (null through the API).</summary>
    public Guid? CreatedByStaffId { get; private set; }

    /// <summary>首问负责人: who owns the consultation now.</summary>
    public Guid? OwnerStaffId { get; private set; }

    public DateTimeOffset OwnerSince { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => Status == ConsultationStatus.Pending;

    public Ownership Ownership => new(OwnerStaffId, OwnerSince);

    /// <summary>The default promise: the reply rule's time from <paramref name="now"/> on the business calendar (1 working day).</summary>
    public static DateTimeOffset DefaultReplyBy(DateTimeOffset now, ClockRule replyRule, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(replyRule);
        return DeadlineCalculator.Deadline(now, replyRule.Amount, replyRule.Unit, calendar).ToUniversalTime();
    }

    /// <summary>A consultation answered during the call.</summary>
    public static Consultation AnsweredAtOnce(string number, ConsultationDraft draft, string? answer, Guid? agentStaffId, OrgNode node, DateTimeOffset now)
    {
        var consultation = New(number, draft, agentStaffId, node, now);
        consultation.Answer = RequireAnswer(answer);
        consultation.Status = ConsultationStatus.Answered;
        consultation.AnsweredAt = now;
        consultation.AnsweredByStaffId = agentStaffId;
        return consultation;
    }

    /// <summary>
    /// A consultation to answer later: promised by <paramref name="promisedReplyAt"/> (the agent may
    /// pick a time before <paramref name="latestReplyAt"/>, the default), never in the past.
    /// The caller must leave a mobile number to be called back on.
    /// </summary>
    public static Consultation RegisterForReply(string number, ConsultationDraft draft, DateTimeOffset? promisedReplyAt, DateTimeOffset latestReplyAt,
        Guid? agentStaffId, OrgNode node, DateTimeOffset now)
    {
        var consultation = New(number, draft, agentStaffId, node, now);
        if (draft.CallerMobile is null)
        {
            throw new DomainException(ValidationCodes.Required, nameof(CallerMobile));
        }

        var promised = (promisedReplyAt ?? latestReplyAt).ToUniversalTime();
        if (promised <= now)
        {
            throw new DomainException("Consultation.PromiseInPast", nameof(PromisedReplyAt));
        }

        if (promised > latestReplyAt)
        {
            throw new DomainException("Consultation.PromiseTooLate", nameof(PromisedReplyAt));
        }

        consultation.Status = ConsultationStatus.Pending;
        consultation.PromisedReplyAt = promised;
        return consultation;
    }

    /// <summary>Records the reply given to the caller; the reply clock stops with it.</summary>
    public void AnswerWith(string? answer, Guid? byStaffId, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new DomainException("Consultation.AlreadyAnswered");
        }

        Answer = RequireAnswer(answer);
        Status = ConsultationStatus.Answered;
        AnsweredAt = at;
        AnsweredByStaffId = byStaffId;
    }

    /// <summary>Hands the open consultation to a named, active colleague (CC-05); returns the hand-over record.</summary>
    public Handover HandOver(Staff to, Guid? byStaffId, string? note, HandoverKind kind, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new DomainException("Consultation.AlreadyAnswered");
        }

        var (record, next) = Handover.Record(ToRef(), Ownership, to, byStaffId, note, kind, at);
        OwnerStaffId = next.OwnerStaffId;
        OwnerSince = next.Since;
        return record;
    }

    public RequestRef ToRef() => new(RequestKind.Consultation, Id, Number, OrgNodeId, OrgPath);

    public void BumpVersion() => Version++;

    private static Consultation New(string number, ConsultationDraft draft, Guid? agentStaffId, OrgNode node, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(node);
        if (string.IsNullOrWhiteSpace(number) || !number.StartsWith(NumberPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("A consultation number starts with " + NumberPrefix, nameof(number));
        }

        var name = draft.CallerName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new DomainException(ValidationCodes.Required, nameof(CallerName));
        }

        if (name.Length > MaxNameLength)
        {
            throw new DomainException("Validation.TooLong", nameof(CallerName));
        }

        var question = draft.Question?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Question));
        }

        if (question.Length > MaxQuestionLength)
        {
            throw new DomainException("Validation.TooLong", nameof(Question));
        }

        if (!Enum.IsDefined(draft.Category))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Category));
        }

        return new Consultation
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            InsurerId = draft.InsurerId,
            CustomerId = draft.CustomerId,
            CallId = draft.CallId,
            CallerName = name,
            CallerMobile = draft.CallerMobile?.Value,
            Category = draft.Category,
            Question = question,
            ReceivedAt = now,
            CreatedByStaffId = agentStaffId,
            OwnerStaffId = agentStaffId,
            OwnerSince = now,
            OrgNodeId = node.Id,
            OrgPath = node.Path,
        };
    }

    private static string RequireAnswer(string? answer)
    {
        answer = answer?.Trim();
        if (string.IsNullOrEmpty(answer))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Answer));
        }

        if (answer.Length > MaxAnswerLength)
        {
            throw new DomainException("Validation.TooLong", nameof(Answer));
        }

        return answer;
    }
}
