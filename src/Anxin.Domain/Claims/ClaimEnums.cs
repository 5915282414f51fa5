namespace Anxin.Domain.Claims;

/// <summary>Where a claim is in its life (CLM-01…07). The legal moves are in <see cref="ClaimTransitions"/>.</summary>
public enum ClaimStatus
{
    /// <summary>Registered; no document checklist yet.</summary>
    Opened = 1,

    /// <summary>Required documents are missing.</summary>
    AwaitingDocuments = 2,

    /// <summary>Every required document is in; ready to adjudicate.</summary>
    DocumentsComplete = 3,

    /// <summary>Being investigated (调查) by phone, site visit or a third party.</summary>
    UnderInvestigation = 4,

    /// <summary>Adjudicated (核定): liable, with an amount.</summary>
    Accepted = 5,

    /// <summary>Adjudicated: refused, with reasons; a refusal notice is due within 3 days.</summary>
    Refused = 6,

    /// <summary>The accepted amount is above the requester's authority and waits for an approver up the chain.</summary>
    PendingApproval = 7,

    /// <summary>The amount is approved; payment follows the agreement with the claimant.</summary>
    Approved = 8,

    /// <summary>The accepted amount is paid in full.</summary>
    Paid = 9,

    /// <summary>Archived under a file number (一案一卷); read-only until reopened.</summary>
    Closed = 10,
}

/// <summary>How a closed claim ended.</summary>
public enum ClaimOutcome
{
    Paid = 1,
    Refused = 2,
    Withdrawn = 3,
}

public enum InvestigationMethod
{
    Phone = 1,
    SiteVisit = 2,
    ThirdParty = 3,
}

public enum PaymentMethod
{
    BankTransfer = 1,
    Cash = 2,
    Cheque = 3,
}

public enum PaymentKind
{
    /// <summary>先予支付: the part that can be determined, paid before the amount is fixed (art. 25).</summary>
    Advance = 1,

    /// <summary>The accepted amount less everything paid before.</summary>
    Settlement = 2,
}

/// <summary>What an approval step is for.</summary>
public enum ApprovalKind
{
    Reserve = 1,
    AdvancePayment = 2,
    Payment = 3,
}

public enum ApprovalDecision
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,

    /// <summary>Routed elsewhere before anyone decided (e.g. the approver is away); a new step follows.</summary>
    Rerouted = 4,

    /// <summary>No longer needed: the claim was adjudicated or withdrawn before anyone decided.</summary>
    Withdrawn = 5,
}

public enum FraudFlagStatus
{
    /// <summary>Raised and not yet reviewed: blocks payment.</summary>
    Open = 1,

    /// <summary>Reviewed and found harmless.</summary>
    Cleared = 2,

    /// <summary>Reviewed and the suspicion stands: blocks payment.</summary>
    Confirmed = 3,
}

public enum DocumentSource
{
    /// <summary>On the checklist given when the claim was made.</summary>
    Checklist = 1,

    /// <summary>Required because a document the claimant handed in raised it (e.g. injury evidence → medical records).</summary>
    Raised = 2,

    /// <summary>Handed in without being required.</summary>
    Submitted = 3,
}

/// <summary>Why a missing-documents notice stopped waiting.</summary>
public enum NoticeEnd
{
    /// <summary>Everything it listed has arrived.</summary>
    Satisfied = 1,

    /// <summary>A later notice (listing everything still missing) took over.</summary>
    Superseded = 2,

    /// <summary>The claim was decided or withdrawn while it was open.</summary>
    ClaimDecided = 3,
}

public static class ApprovalKinds
{
    public static AuthorityKind ToAuthorityKind(this ApprovalKind kind) => kind == ApprovalKind.Reserve ? AuthorityKind.Reserve : AuthorityKind.Payment;
}
