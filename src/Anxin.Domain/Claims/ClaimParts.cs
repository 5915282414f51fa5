using Anxin.Domain.Common;

namespace Anxin.Domain.Claims;

/// <summary>One change of the claim's reserve (未决赔款准备金), kept as history.</summary>
public sealed class ReserveChange
{
    private ReserveChange()
    {
    }

    internal ReserveChange(Guid claimId, decimal previous, decimal amount, string reason, Guid changedBy, Guid? approvalId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ClaimId = claimId;
        Previous = previous;
        Amount = amount;
        Reason = reason;
        ChangedBy = changedBy;
        ApprovalId = approvalId;
        ChangedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    public decimal Previous { get; private set; }

    /// <summary>The reserve from this change on.</summary>
    public decimal Amount { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    /// <summary>Who set it (the approver when it needed approval).</summary>
    public Guid ChangedBy { get; private set; }

    /// <summary>The approval step that allowed it, when it went up the chain.</summary>
    public Guid? ApprovalId { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }
}

/// <summary>A fraud indicator on the claim (CLM-08); open and confirmed flags block payment.</summary>
public sealed class FraudFlag
{
    public const int MaxRuleCodeLength = 50;
    public const int MaxDetailLength = 500;

    private FraudFlag()
    {
    }

    internal FraudFlag(Guid claimId, string ruleCode, string detail, Guid? raisedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ClaimId = claimId;
        RuleCode = ruleCode;
        Detail = detail;
        RaisedBy = raisedBy;
        RaisedAt = at;
        Status = FraudFlagStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    /// <summary>The rule that raised it (<see cref="FraudRules"/> codes) or "Fraud.Manual".</summary>
    public string RuleCode { get; private set; } = string.Empty;

    public string Detail { get; private set; } = string.Empty;

    /// <summary>Null when raised by the system's rules.</summary>
    public Guid? RaisedBy { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public FraudFlagStatus Status { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewNote { get; private set; }

    public bool BlocksPayment => Status != FraudFlagStatus.Cleared;

    internal void Review(FraudFlagStatus outcome, Guid reviewer, string note, DateTimeOffset at)
    {
        Status = outcome;
        ReviewedBy = reviewer;
        ReviewNote = note;
        ReviewedAt = at;
    }
}

/// <summary>A document requirement to add to the checklist.</summary>
public sealed record DocumentRequirement(string Code, string Name);

/// <summary>A document handed in; it may raise new requirements (injury evidence → medical records).</summary>
public sealed record ReceivedDocument(string Code, string Name, IReadOnlyList<DocumentRequirement>? Raises = null);

/// <summary>A document of the claim: required (checklist or raised) and/or received.</summary>
public sealed class ClaimDocument
{
    public const int MaxCodeLength = 50;
    public const int MaxNameLength = 100;

    private ClaimDocument()
    {
    }

    internal ClaimDocument(Guid claimId, string code, string name, bool required, DocumentSource source, string? raisedByCode, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ClaimId = claimId;
        Code = code;
        Name = name;
        IsRequired = required;
        Source = source;
        RaisedByCode = raisedByCode;
        AddedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    /// <summary>Checklist code, e.g. <c>AccidentCertificate</c>; unique within the claim.</summary>
    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public bool IsRequired { get; private set; }

    public DocumentSource Source { get; private set; }

    /// <summary>The received document that raised this requirement.</summary>
    public string? RaisedByCode { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>When the insurer stopped requiring it (e.g. it may not be asked for again, art. 22).</summary>
    public DateTimeOffset? WaivedAt { get; private set; }

    public string? WaiveReason { get; private set; }

    public bool IsMissing => IsRequired && ReceivedAt is null;

    internal void Require()
    {
        IsRequired = true;
        WaivedAt = null;
        WaiveReason = null;
    }

    internal void Waive(string reason, DateTimeOffset at)
    {
        IsRequired = false;
        WaivedAt = at;
        WaiveReason = reason;
    }

    internal void Receive(DateTimeOffset at) => ReceivedAt ??= at;
}

/// <summary>
/// A one-time missing-documents notice (一次性通知, Insurance Law art. 22): everything still missing
/// when it was sent. While it waits the decision clock is paused.
/// </summary>
public sealed class DocumentNotice
{
    private const char Separator = '\n';

    private DocumentNotice()
    {
    }

    internal DocumentNotice(Guid claimId, int round, IReadOnlyList<string> itemCodes, Guid sentBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ClaimId = claimId;
        Round = round;
        ItemCodes = string.Join(Separator, itemCodes);
        SentBy = sentBy;
        SentAt = at;
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    /// <summary>1 for the first notice, 2 for the notice of the next document round, …</summary>
    public int Round { get; private set; }

    /// <summary>The codes of the documents it asked for, one per line.</summary>
    public string ItemCodes { get; private set; } = string.Empty;

    public Guid SentBy { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    /// <summary>When it stopped waiting (null while the claimant still owes something it listed).</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public NoticeEnd? EndReason { get; private set; }

    public bool IsOpen => EndedAt is null;

    public IReadOnlyList<string> Items() => ItemCodes.Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    internal void End(NoticeEnd reason, DateTimeOffset at)
    {
        EndedAt = at;
        EndReason = reason;
    }
}

/// <summary>One step of an approval: who asked, for how much, to whom it went, who decided what and when.</summary>
public sealed class ClaimApproval
{
    public const int MaxNoteLength = 500;

    private ClaimApproval()
    {
    }

    internal ClaimApproval(Guid claimId, ApprovalKind kind, decimal amount, string? note, ApprovalRoute route, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ClaimId = claimId;
        Kind = kind;
        Amount = amount;
        Note = note;
        RequestedBy = route.RequestedBy;
        RequestedAt = at;
        RoutedLevel = route.Level;
        RoutedToStaffId = route.Approvers.Count > 0 ? route.Approvers[0] : null;
        Decision = ApprovalDecision.Pending;
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    public ApprovalKind Kind { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>The requester's reason (e.g. why the reserve changes).</summary>
    public string? Note { get; private set; }

    public Guid RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>0: the requester's own authority; 1: one level up; 2: two levels up …</summary>
    public int RoutedLevel { get; private set; }

    /// <summary>The first approver offered by the routing; anyone at that level or above whose limit covers it may decide.</summary>
    public Guid? RoutedToStaffId { get; private set; }

    public ApprovalDecision Decision { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    /// <summary>For an approved advance payment: the payment that used it.</summary>
    public Guid? PaymentId { get; private set; }

    public bool IsPending => Decision == ApprovalDecision.Pending;

    internal void Decide(ApprovalDecision decision, Guid? by, string? note, DateTimeOffset at)
    {
        Decision = decision;
        DecidedBy = by;
        DecisionNote = note;
        DecidedAt = at;
    }

    internal void UsedBy(Guid paymentId) => PaymentId = paymentId;
}

/// <summary>Who receives a payment and how. The bank card is already Luhn-checked by <see cref="BankCardNumber"/>.</summary>
public sealed record ClaimPayee(string Name, PaymentMethod Method, BankCardNumber? Card);

/// <summary>A payment made on the claim (CLM-06).</summary>
public sealed class ClaimPayment
{
    private ClaimPayment()
    {
    }

    internal ClaimPayment(Guid claimId, PaymentKind kind, Guid approvalId, ClaimPayee payee, decimal amount, DateOnly expectedArrival, Guid paidBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ClaimId = claimId;
        Kind = kind;
        ApprovalId = approvalId;
        Method = payee.Method;
        PayeeName = payee.Name;
        BankCard = payee.Card?.Value;
        Amount = amount;
        ExpectedArrivalDate = expectedArrival;
        PaidBy = paidBy;
        PaidAt = at;
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    public PaymentKind Kind { get; private set; }

    public Guid ApprovalId { get; private set; }

    public PaymentMethod Method { get; private set; }

    [Sensitive(SensitiveKind.Name)]
    public string PayeeName { get; private set; } = string.Empty;

    [Sensitive(SensitiveKind.BankCard)]
    public string? BankCard { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>Told to the claimant with the result (CLM-06).</summary>
    public DateOnly ExpectedArrivalDate { get; private set; }

    public Guid PaidBy { get; private set; }

    public DateTimeOffset PaidAt { get; private set; }
}

public enum ClockActionKind
{
    Start = 1,
    Pause = 2,
    Resume = 3,
    Stop = 4,
}

/// <summary>
/// What the caller should do with the claim's service clock <see cref="RuleCode"/> (subject "Claim",
/// the claim id) after a state change: the domain decides, the handler applies it through ServiceClocks.
/// </summary>
public sealed record ClaimClockAction(string RuleCode, ClockActionKind Kind, DateTimeOffset At, string? Reason = null);

/// <summary>A time the claimant was being waited for (from a missing-documents notice until it ended); null To means still waiting.</summary>
public sealed record WaitInterval(DateTimeOffset From, DateTimeOffset? To);
