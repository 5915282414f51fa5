using Anxin.Domain.Common;

namespace Anxin.Domain.Claims;

public enum InvestigationTaskStatus
{
    Open = 1,
    Done = 2,
    Cancelled = 3,
}

/// <summary>
/// One investigation step of a claim (调查, CLM-03): a phone call, a site visit or a third-party
/// enquiry, with a due date and a later escalation date, and the findings when done. The claim is
/// under investigation while it has tasks; the handler concludes the investigation on the claim.
/// </summary>
public sealed class InvestigationTask : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    public const int MaxInstructionsLength = 1000;
    public const int MaxFindingsLength = 2000;

    private InvestigationTask()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    public InvestigationMethod Method { get; private set; }

    public string Instructions { get; private set; } = string.Empty;

    /// <summary>Who carries it out (the claim's handler when nobody else is named).</summary>
    public Guid AssigneeStaffId { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>When an open task goes to the handler's supervisor.</summary>
    public DateTimeOffset EscalateAt { get; private set; }

    public InvestigationTaskStatus Status { get; private set; }

    public string? Findings { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public Guid? CompletedBy { get; private set; }

    public Guid CreatedBy { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => Status == InvestigationTaskStatus.Open;

    public bool IsOverdue(DateTimeOffset now) => IsOpen && now > DueAt;

    public bool IsEscalated(DateTimeOffset now) => IsOpen && now >= EscalateAt;

    public static InvestigationTask Create(Claim claim, InvestigationMethod method, string? instructions, Guid? assignee, DateTimeOffset dueAt,
        DateTimeOffset? escalateAt, Guid createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Status == ClaimStatus.Closed)
        {
            throw new DomainException("Claim.Closed");
        }

        if (!Enum.IsDefined(method))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Method));
        }

        instructions = DomainText.Required(instructions, MaxInstructionsLength, nameof(Instructions));

        if (dueAt <= now)
        {
            throw new DomainException("Claim.Investigation.DueInPast", nameof(DueAt));
        }

        var escalate = escalateAt ?? dueAt.AddDays(1);
        if (escalate < dueAt)
        {
            throw new DomainException("Claim.Investigation.EscalateBeforeDue", nameof(EscalateAt));
        }

        return new InvestigationTask
        {
            Id = Guid.CreateVersion7(),
            ClaimId = claim.Id,
            Method = method,
            Instructions = instructions,
            AssigneeStaffId = assignee is { } a && a != Guid.Empty ? a : claim.HandlerStaffId,
            DueAt = dueAt,
            EscalateAt = escalate,
            Status = InvestigationTaskStatus.Open,
            CreatedBy = createdBy,
            OrgNodeId = claim.OrgNodeId,
            OrgPath = claim.OrgPath,
        };
    }

    public void Complete(string? findings, Guid by, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new DomainException("Claim.Investigation.TaskNotOpen");
        }

        findings = DomainText.Required(findings, MaxFindingsLength, nameof(Findings));

        Findings = findings;
        CompletedAt = at;
        CompletedBy = by;
        Status = InvestigationTaskStatus.Done;
    }

    public void Cancel(Guid by, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            throw new DomainException("Claim.Investigation.TaskNotOpen");
        }

        CompletedAt = at;
        CompletedBy = by;
        Status = InvestigationTaskStatus.Cancelled;
    }

    public void BumpVersion() => Version++;
}
