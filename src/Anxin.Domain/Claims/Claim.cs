using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Claims;

/// <summary>The legal moves between claim states, in one place.</summary>
public static class ClaimTransitions
{
    private static readonly Dictionary<ClaimStatus, ClaimStatus[]> Allowed = new()
    {
        [ClaimStatus.Opened] = [ClaimStatus.AwaitingDocuments, ClaimStatus.DocumentsComplete, ClaimStatus.UnderInvestigation, ClaimStatus.Refused, ClaimStatus.Closed],
        [ClaimStatus.AwaitingDocuments] = [ClaimStatus.DocumentsComplete, ClaimStatus.UnderInvestigation, ClaimStatus.Refused, ClaimStatus.Closed],
        [ClaimStatus.DocumentsComplete] = [ClaimStatus.AwaitingDocuments, ClaimStatus.UnderInvestigation, ClaimStatus.Accepted, ClaimStatus.Refused, ClaimStatus.Closed],
        [ClaimStatus.UnderInvestigation] = [ClaimStatus.AwaitingDocuments, ClaimStatus.DocumentsComplete, ClaimStatus.Refused, ClaimStatus.Closed],
        [ClaimStatus.Accepted] = [ClaimStatus.Accepted, ClaimStatus.PendingApproval, ClaimStatus.Approved, ClaimStatus.Refused],
        [ClaimStatus.PendingApproval] = [ClaimStatus.Approved, ClaimStatus.Accepted],
        [ClaimStatus.Approved] = [ClaimStatus.Accepted, ClaimStatus.Paid],
        [ClaimStatus.Paid] = [ClaimStatus.Closed],
        [ClaimStatus.Refused] = [ClaimStatus.Closed],
        [ClaimStatus.Closed] = [ClaimStatus.AwaitingDocuments, ClaimStatus.DocumentsComplete],
    };

    public static bool CanMove(ClaimStatus from, ClaimStatus to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<ClaimStatus> Next(ClaimStatus from) => Allowed.TryGetValue(from, out var next) ? next : [];

    /// <summary>While documents are collected and the claim is not yet decided.</summary>
    public static bool IsDocumentPhase(ClaimStatus status) =>
        status is ClaimStatus.Opened or ClaimStatus.AwaitingDocuments or ClaimStatus.DocumentsComplete or ClaimStatus.UnderInvestigation;
}

/// <summary>
/// A claim (理赔, CLM-01…08): documents collected with a one-time missing-documents notice, optional
/// investigation, adjudication, tiered approval, payment (with advance payment) and a closed,
/// read-only file. Every state change is a guarded method; changes that affect a statutory service
/// clock queue a <see cref="ClaimClockAction"/> the handler applies (<see cref="TakeClockActions"/>).
/// </summary>
public sealed class Claim : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    public const string NumberPrefix = "LP";
    public const string SubjectType = "Claim";
    public const int MaxNameLength = 100;
    public const int MaxInsuredObjectLength = 100;
    public const int MaxArchiveNumberLength = 40;
    public const int MaxReasonLength = 500;
    public const int MaxRefusalReasonLength = 200;
    public const int MaxRefusalReasonsLength = 2000;
    public const int MaxFindingsLength = 2000;

    /// <summary>The reason recorded (a resource key) when closing releases the outstanding reserve.</summary>
    public const string ReserveReleasedReason = "Claim.ReserveReleased";

    /// <summary>The pause reason (a resource key) given to the decision clocks while waiting for documents.</summary>
    public const string WaitingForDocumentsReason = "Claim.WaitingForDocuments";

    private readonly List<ReserveChange> _reserveChanges = [];
    private readonly List<FraudFlag> _fraudFlags = [];
    private readonly List<ClaimDocument> _documents = [];
    private readonly List<DocumentNotice> _notices = [];
    private readonly List<ClaimApproval> _approvals = [];
    private readonly List<ClaimPayment> _payments = [];
    private readonly List<ClaimClockAction> _clockActions = [];

    private Claim()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>理赔号, e.g. <c>LP20261121000001</c>.</summary>
    public string Number { get; private set; } = string.Empty;

    public ClaimStatus Status { get; private set; }

    public ProductLine Line { get; private set; }

    public Guid? CaseId { get; private set; }

    public Guid? PolicyId { get; private set; }

    /// <summary>The policy was found and checked against the claim; no payment before.</summary>
    public bool PolicyVerified { get; private set; }

    public DateTimeOffset? PolicyVerifiedAt { get; private set; }

    public Guid? PolicyVerifiedBy { get; private set; }

    public Guid? InsurerId { get; private set; }

    public string? InsuredObject { get; private set; }

    [Sensitive(SensitiveKind.Name)]
    public string ClaimantName { get; private set; } = string.Empty;

    [Sensitive(SensitiveKind.Mobile)]
    public string ClaimantMobile { get; private set; } = string.Empty;

    /// <summary>A payee other than the claimant, named on a claim authorisation form (索赔授权书).</summary>
    [Sensitive(SensitiveKind.Name)]
    public string? AuthorisedPayeeName { get; private set; }

    public DateTimeOffset LossAt { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public DateTimeOffset ClaimedAt { get; private set; }

    public DateTimeOffset KnewOfLossAt { get; private set; }

    /// <summary>Reported more than the configured days after the loss (art. 21).</summary>
    public bool IsLateReport { get; private set; }

    /// <summary>Made after the limitation period (art. 26): a warning for the handler, not a refusal.</summary>
    public bool FiledAfterLimitation { get; private set; }

    public Guid HandlerStaffId { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    /// <summary>The current reserve (未决赔款准备金); its history is <see cref="ReserveChanges"/>.</summary>
    public decimal Reserve { get; private set; }

    /// <summary>When the claimant was given the document checklist (CLM-01).</summary>
    public DateTimeOffset? ChecklistGivenAt { get; private set; }

    /// <summary>The claimant's last document submission; a new notice round needs one after the last notice.</summary>
    public DateTimeOffset? LastSubmissionAt { get; private set; }

    public InvestigationMethod? InvestigationMethod { get; private set; }

    public DateTimeOffset? InvestigationStartedAt { get; private set; }

    public string? InvestigationFindings { get; private set; }

    public DateTimeOffset? InvestigationCompletedAt { get; private set; }

    /// <summary>The accepted amount (核定金额) while accepted; null when refused or not yet adjudicated.</summary>
    public decimal? AcceptedAmount { get; private set; }

    /// <summary>Refusal reasons, one per line.</summary>
    public string? RefusalReasons { get; private set; }

    public DateTimeOffset? AdjudicatedAt { get; private set; }

    public Guid? AdjudicatedBy { get; private set; }

    public DateTimeOffset? RefusalNoticeSentAt { get; private set; }

    /// <summary>When the amount was agreed with the claimant; payment is due 10 days later (art. 23).</summary>
    public DateTimeOffset? AgreedAt { get; private set; }

    public DateTimeOffset? DecisionClockStoppedAt { get; private set; }

    public DateTimeOffset? AdvanceClockStoppedAt { get; private set; }

    /// <summary>卷号: the file number of one case, one file (一案一卷), kept when reopened.</summary>
    public string? ArchiveNumber { get; private set; }

    public ClaimOutcome? Outcome { get; private set; }

    /// <summary>Why it was withdrawn (when <see cref="Outcome"/> is withdrawn).</summary>
    public string? CloseReason { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public Guid? ClosedBy { get; private set; }

    public int ReopenCount { get; private set; }

    public string? ReopenReason { get; private set; }

    public DateTimeOffset? ReopenedAt { get; private set; }

    public Guid? ReopenedBy { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<ReserveChange> ReserveChanges => _reserveChanges;

    public IReadOnlyList<FraudFlag> FraudFlags => _fraudFlags;

    public IReadOnlyList<ClaimDocument> Documents => _documents;

    public IReadOnlyList<DocumentNotice> Notices => _notices;

    public IReadOnlyList<ClaimApproval> Approvals => _approvals;

    public IReadOnlyList<ClaimPayment> Payments => _payments;

    public decimal PaidTotal => _payments.Sum(p => p.Amount);

    public bool HasBlockingFraudFlag => _fraudFlags.Any(f => f.BlocksPayment);

    public bool IsWaitingForClaimant => _notices.Any(n => n.IsOpen);

    public bool DecisionClockRunning => DecisionClockStoppedAt is null;

    public bool AdvancePaymentClockRunning => AdvanceClockStoppedAt is null;

    public static Claim Open(ClaimIntake intake, OrgNode ownedBy, DateTimeOffset openedAt, WorkingCalendar calendar, ClaimSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(ownedBy);
        ArgumentNullException.ThrowIfNull(intake.ClaimantMobile);
        settings ??= ClaimSettings.Default;
        if (string.IsNullOrWhiteSpace(intake.Number) || !intake.Number.StartsWith(NumberPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("A claim number starts with " + NumberPrefix, nameof(intake));
        }

        if (!Enum.IsDefined(intake.Line))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Line));
        }

        if (intake.HandlerStaffId == Guid.Empty)
        {
            throw new DomainException(ValidationCodes.Required, nameof(HandlerStaffId));
        }

        if (intake.LossAt > intake.ReportedAt)
        {
            throw new DomainException("Claim.ReportBeforeLoss", nameof(ReportedAt));
        }

        if (intake.ReportedAt > intake.ClaimedAt)
        {
            throw new DomainException("Claim.ClaimBeforeReport", nameof(ClaimedAt));
        }

        if (intake.ClaimedAt > openedAt)
        {
            throw new DomainException("Claim.InTheFuture", nameof(ClaimedAt));
        }

        var knewAt = intake.KnewOfLossAt ?? intake.LossAt;
        if (knewAt < intake.LossAt || knewAt > intake.ClaimedAt)
        {
            throw new DomainException("Claim.KnewOfLossOutOfRange", nameof(KnewOfLossAt));
        }

        var insuredObject = DomainText.Clean(intake.InsuredObject);
        if (insuredObject is { Length: > MaxInsuredObjectLength })
        {
            throw new DomainException("Validation.TooLong", nameof(InsuredObject));
        }

        var claim = new Claim
        {
            Id = Guid.CreateVersion7(),
            Number = intake.Number,
            Status = ClaimStatus.Opened,
            Line = intake.Line,
            CaseId = intake.CaseId,
            PolicyId = intake.PolicyId,
            InsurerId = intake.InsurerId,
            InsuredObject = insuredObject,
            ClaimantName = RequiredName(intake.ClaimantName, nameof(ClaimantName)),
            ClaimantMobile = intake.ClaimantMobile.Value,
            LossAt = intake.LossAt,
            ReportedAt = intake.ReportedAt,
            ClaimedAt = intake.ClaimedAt,
            KnewOfLossAt = knewAt,
            IsLateReport = ClaimDeadlines.IsLateReport(intake.LossAt, intake.ReportedAt, settings.LateReportDays),
            FiledAfterLimitation = ClaimDeadlines.IsFiledAfterLimitation(intake.Line, knewAt, intake.ClaimedAt, calendar),
            HandlerStaffId = intake.HandlerStaffId,
            OrgNodeId = ownedBy.Id,
            OrgPath = ownedBy.Path,
        };
        claim.Clock(DefaultClockRules.ClaimDecision, ClockActionKind.Start, intake.ClaimedAt);
        claim.Clock(DefaultClockRules.AdvancePayment, ClockActionKind.Start, intake.ClaimedAt);
        return claim;
    }

    /// <summary>What the handler must now do with the claim's service clocks; the queue is emptied.</summary>
    public IReadOnlyList<ClaimClockAction> TakeClockActions()
    {
        var actions = _clockActions.ToList();
        _clockActions.Clear();
        return actions;
    }

    /// <summary>The documents still required and not received, in the order they were required.</summary>
    public IReadOnlyList<ClaimDocument> MissingDocuments() => _documents.Where(d => d.IsMissing).OrderBy(d => d.AddedAt).ToList();

    /// <summary>The times spent waiting for the claimant after missing-documents notices (they do not count towards the decision).</summary>
    public IReadOnlyList<WaitInterval> DocumentWaits() => _notices.OrderBy(n => n.SentAt).Select(n => new WaitInterval(n.SentAt, n.EndedAt)).ToList();

    public ClaimApproval? PendingApproval() => _approvals.FirstOrDefault(a => a.IsPending);

    // ---- policy, handler, claimant -------------------------------------------------------------

    public void VerifyPolicy(Guid policyId, Guid? insurerId, Guid verifiedBy, DateTimeOffset at)
    {
        EnsureNotClosed();
        if (policyId == Guid.Empty)
        {
            throw new DomainException(ValidationCodes.Required, nameof(PolicyId));
        }

        PolicyId = policyId;
        InsurerId = insurerId ?? InsurerId;
        PolicyVerified = true;
        PolicyVerifiedAt = at;
        PolicyVerifiedBy = verifiedBy;
    }

    public void AssignHandler(Guid staffId)
    {
        EnsureNotClosed();
        if (staffId == Guid.Empty)
        {
            throw new DomainException(ValidationCodes.Required, nameof(HandlerStaffId));
        }

        HandlerStaffId = staffId;
    }

    /// <summary>Records a claim authorisation form naming another payee (or clears it with null).</summary>
    public void AuthorisePayee(string? payeeName)
    {
        EnsureNotClosed();
        EnsureNotPaid();
        AuthorisedPayeeName = string.IsNullOrWhiteSpace(payeeName) ? null : RequiredName(payeeName, nameof(AuthorisedPayeeName));
    }

    // ---- documents (CLM-01, CLM-02, art. 22) ----------------------------------------------------

    /// <summary>
    /// Adds required documents (the checklist told to the claimant at once). Nothing stops the insurer
    /// from noting a requirement later, but a notice may not ask for it unless a submission raised it
    /// (see <see cref="SendMissingDocumentsNotice"/>); such an item can only be waived or volunteered.
    /// </summary>
    public void RequireDocuments(IEnumerable<DocumentRequirement> requirements, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        EnsureNotClosed();
        EnsureDocumentPhase();
        foreach (var (code, name) in requirements.Select(r => ValidDocument(r.Code, r.Name)).ToList())
        {
            var existing = FindDocument(code);
            if (existing is null)
            {
                _documents.Add(new ClaimDocument(Id, code, name, true, DocumentSource.Checklist, null, at));
            }
            else
            {
                existing.Require();
            }
        }

        ChecklistGivenAt ??= at;
        AfterDocumentChange(at);
    }

    /// <summary>
    /// Records one submission by the claimant. A document may raise new requirements (injury evidence →
    /// medical records); those may be asked for in the next notice.
    /// </summary>
    public void ReceiveDocuments(IEnumerable<ReceivedDocument> documents, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(documents);
        EnsureNotClosed();
        EnsureDocumentPhase();
        var submitted = documents
            .Select(d => (Document: ValidDocument(d.Code, d.Name), Raises: (d.Raises ?? []).Select(r => ValidDocument(r.Code, r.Name)).ToList()))
            .ToList();
        if (submitted.Count == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(Documents));
        }

        foreach (var ((code, name), raises) in submitted)
        {
            var existing = FindDocument(code);
            if (existing is null)
            {
                existing = new ClaimDocument(Id, code, name, false, DocumentSource.Submitted, null, at);
                _documents.Add(existing);
            }

            existing.Receive(at);
            foreach (var (raisedCode, raisedName) in raises)
            {
                var target = FindDocument(raisedCode);
                if (target is null)
                {
                    _documents.Add(new ClaimDocument(Id, raisedCode, raisedName, true, DocumentSource.Raised, code, at));
                }
                else if (!target.IsRequired)
                {
                    target.Require();
                }
            }
        }

        LastSubmissionAt = at;
        AfterDocumentChange(at);
    }

    /// <summary>Stops requiring a document (for example one the insurer may no longer ask for).</summary>
    public void WaiveDocument(string code, string reason, DateTimeOffset at)
    {
        EnsureNotClosed();
        EnsureDocumentPhase();
        var document = FindDocument((code ?? string.Empty).Trim()) ?? throw new DomainException("Claim.DocumentNotFound", nameof(Documents));
        document.Waive(RequiredReason(reason, nameof(ClaimDocument.WaiveReason)), at);
        AfterDocumentChange(at);
    }

    /// <summary>
    /// Sends the one-time missing-documents notice (一次性通知, art. 22): it lists everything still
    /// missing, at most one per document round (a round ends with the claimant's next submission), and a
    /// later notice may not ask for anything the earlier ones did not, unless a submission raised it.
    /// The decision and advance-payment clocks pause until everything it lists has arrived.
    /// </summary>
    public DocumentNotice SendMissingDocumentsNotice(Guid sentBy, DateTimeOffset at)
    {
        EnsureNotClosed();
        EnsureDocumentPhase();
        var missing = MissingDocuments();
        if (missing.Count == 0)
        {
            throw new DomainException("Claim.NothingMissing");
        }

        var last = _notices.OrderBy(n => n.SentAt).LastOrDefault();
        if (last is not null)
        {
            if (LastSubmissionAt is null || LastSubmissionAt <= last.SentAt)
            {
                throw new DomainException("Claim.NoticeAlreadySent");
            }

            var askedBefore = _notices.SelectMany(n => n.Items()).ToHashSet(StringComparer.Ordinal);
            if (missing.Any(d => d.Source != DocumentSource.Raised && !askedBefore.Contains(d.Code)))
            {
                throw new DomainException("Claim.NoticeNotOneTime");
            }
        }

        var wasWaiting = IsWaitingForClaimant;
        foreach (var open in _notices.Where(n => n.IsOpen))
        {
            open.End(NoticeEnd.Superseded, at);
        }

        var notice = new DocumentNotice(Id, _notices.Count + 1, missing.Select(d => d.Code).ToList(), sentBy, at);
        _notices.Add(notice);
        if (!wasWaiting)
        {
            DecisionClocks(ClockActionKind.Pause, at, WaitingForDocumentsReason);
        }

        return notice;
    }

    // ---- investigation (CLM-03) ------------------------------------------------------------------

    public void StartInvestigation(InvestigationMethod method, DateTimeOffset at)
    {
        EnsureNotClosed();
        if (!Enum.IsDefined(method))
        {
            throw new DomainException(ValidationCodes.Required, nameof(InvestigationMethod));
        }

        MoveTo(ClaimStatus.UnderInvestigation);
        InvestigationMethod = method;
        InvestigationStartedAt = at;
        InvestigationFindings = null;
        InvestigationCompletedAt = null;
    }

    public void CompleteInvestigation(string findings, DateTimeOffset at)
    {
        EnsureNotClosed();
        if (Status != ClaimStatus.UnderInvestigation)
        {
            throw new DomainException("Claim.NotUnderInvestigation");
        }

        findings = (findings ?? string.Empty).Trim();
        if (findings.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(InvestigationFindings));
        }

        if (findings.Length > MaxFindingsLength)
        {
            throw new DomainException("Validation.TooLong", nameof(InvestigationFindings));
        }

        InvestigationFindings = findings;
        InvestigationCompletedAt = at;
        MoveTo(MissingDocuments().Count > 0 ? ClaimStatus.AwaitingDocuments : ClaimStatus.DocumentsComplete);
    }

    // ---- reserve (CLM-04, CLM-05) ----------------------------------------------------------------

    /// <summary>
    /// Changes the reserve: within the requester's reserve limit it applies at once, above it an approval
    /// step waits for an approver up the chain (<see cref="ApprovalRouting"/>).
    /// </summary>
    public ClaimApproval ChangeReserve(decimal amount, string reason, ApprovalRoute route, DateTimeOffset at)
    {
        EnsureNotClosed();
        reason = RequiredReason(reason, nameof(ReserveChange.Reason));
        if (amount < 0m || !Money.TryCreate(amount, out _))
        {
            throw new DomainException("Claim.AmountInvalid", nameof(Reserve));
        }

        var approval = StartApproval(ApprovalKind.Reserve, amount, reason, route, at);
        if (!approval.IsPending)
        {
            ApplyReserve(amount, reason, route.RequestedBy, approval.Id, at);
        }

        return approval;
    }

    // ---- adjudication (CLM-04) -----------------------------------------------------------------

    /// <summary>Accepts liability for <paramref name="amount"/> (e.g. <see cref="PayableResult.Total"/>); documents must be complete.</summary>
    public void Accept(decimal amount, Guid adjudicatedBy, DateTimeOffset at)
    {
        EnsureNotClosed();
        if (amount <= 0m)
        {
            throw new DomainException("Claim.AmountNotPositive", nameof(AcceptedAmount));
        }

        if (!Money.TryCreate(amount, out _))
        {
            throw new DomainException("Claim.AmountInvalid", nameof(AcceptedAmount));
        }

        if (Status is ClaimStatus.Opened or ClaimStatus.AwaitingDocuments or ClaimStatus.UnderInvestigation)
        {
            throw new DomainException("Claim.DocumentsMissing");
        }

        if (Status == ClaimStatus.Approved && AgreedAt is not null)
        {
            throw new DomainException("Claim.AlreadyAgreed");
        }

        if (amount <= PaidTotal)
        {
            throw new DomainException("Claim.AmountNotAbovePaid", nameof(AcceptedAmount));
        }

        MoveTo(ClaimStatus.Accepted);
        Adjudicated(adjudicatedBy, at);
        AcceptedAmount = amount;
        RefusalReasons = null;
    }

    /// <summary>Refuses the claim with reasons; the refusal notice is due within 3 days (art. 24).</summary>
    public void Refuse(IEnumerable<string> reasons, Guid adjudicatedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        EnsureNotClosed();
        var list = reasons.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
        if (list.Count == 0)
        {
            throw new DomainException("Claim.RefusalReasonsRequired", nameof(RefusalReasons));
        }

        var joined = string.Join('\n', list);
        if (list.Any(r => r.Length > MaxRefusalReasonLength) || joined.Length > MaxRefusalReasonsLength)
        {
            throw new DomainException("Validation.TooLong", nameof(RefusalReasons));
        }

        MoveTo(ClaimStatus.Refused);
        Adjudicated(adjudicatedBy, at);
        AcceptedAmount = null;
        RefusalReasons = joined;
        RefusalNoticeSentAt = null;
        Clock(DefaultClockRules.RefusalNotice, ClockActionKind.Start, at);
    }

    public IReadOnlyList<string> RefusalReasonList() => (RefusalReasons ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void RecordRefusalNoticeSent(DateTimeOffset at)
    {
        EnsureNotClosed();
        if (Status != ClaimStatus.Refused)
        {
            throw new DomainException("Claim.NotRefused");
        }

        if (RefusalNoticeSentAt is not null)
        {
            throw new DomainException("Claim.RefusalNoticeAlreadySent");
        }

        RefusalNoticeSentAt = at;
        Clock(DefaultClockRules.RefusalNotice, ClockActionKind.Stop, at);
    }

    // ---- approval (CLM-05) ---------------------------------------------------------------------

    /// <summary>
    /// Submits the accepted amount for approval along <paramref name="route"/>: approved at once when the
    /// requester's own limit covers it, otherwise pending with the nearest approver up the chain.
    /// </summary>
    public ClaimApproval SubmitForApproval(ApprovalRoute route, DateTimeOffset at)
    {
        EnsureNotClosed();
        if (Status != ClaimStatus.Accepted || AcceptedAmount is not { } amount)
        {
            throw new DomainException("Claim.NotAccepted");
        }

        var approval = StartApproval(ApprovalKind.Payment, amount, null, route, at);
        MoveTo(approval.IsPending ? ClaimStatus.PendingApproval : ClaimStatus.Approved);
        return approval;
    }

    /// <summary>Asks to pay the part that can already be determined (先予支付, art. 25) before the amount is fixed.</summary>
    public ClaimApproval RequestAdvancePayment(decimal amount, ApprovalRoute route, DateTimeOffset at)
    {
        EnsureNotClosed();
        if (Status is not (ClaimStatus.DocumentsComplete or ClaimStatus.UnderInvestigation or ClaimStatus.AwaitingDocuments) || ChecklistGivenAt is null)
        {
            throw new DomainException("Claim.AdvanceNotPossible");
        }

        if (amount <= 0m)
        {
            throw new DomainException("Claim.AmountNotPositive", nameof(ClaimPayment.Amount));
        }

        if (!Money.TryCreate(amount, out _))
        {
            throw new DomainException("Claim.AmountInvalid", nameof(ClaimPayment.Amount));
        }

        if (UnpaidAdvanceApproval() is not null)
        {
            throw new DomainException("Claim.AdvanceAlreadyApproved");
        }

        return StartApproval(ApprovalKind.AdvancePayment, amount, null, route, at);
    }

    /// <summary>
    /// Approves the pending step. Refused for the claim's handler and for the requester (no self-approval)
    /// and when the approver's own limit does not cover the amount (route it further up instead).
    /// </summary>
    public void Approve(Guid approverId, IAuthorityLimits approverAuthority, DateTimeOffset at, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(approverAuthority);
        EnsureNotClosed();
        var pending = PendingApproval() ?? throw new DomainException("Claim.NoPendingApproval");
        EnsureMayDecide(pending, approverId, approverAuthority);
        pending.Decide(ApprovalDecision.Approved, approverId, CleanNote(note), at);
        switch (pending.Kind)
        {
            case ApprovalKind.Reserve:
                ApplyReserve(pending.Amount, pending.Note ?? string.Empty, approverId, pending.Id, at);
                break;
            case ApprovalKind.Payment:
                MoveTo(ClaimStatus.Approved);
                break;
        }
    }

    /// <summary>Rejects the pending step; a rejected payment goes back to the adjudicator.</summary>
    public void RejectApproval(Guid approverId, IAuthorityLimits approverAuthority, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(approverAuthority);
        EnsureNotClosed();
        var pending = PendingApproval() ?? throw new DomainException("Claim.NoPendingApproval");
        EnsureMayDecide(pending, approverId, approverAuthority);
        pending.Decide(ApprovalDecision.Rejected, approverId, RequiredReason(reason, nameof(ClaimApproval.DecisionNote)), at);
        if (pending.Kind == ApprovalKind.Payment)
        {
            MoveTo(ClaimStatus.Accepted);
        }
    }

    /// <summary>Sends the pending step to other approvers (e.g. the routed one is away); the old step is kept as rerouted.</summary>
    public ClaimApproval Reroute(ApprovalRoute route, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(route);
        EnsureNotClosed();
        var pending = PendingApproval() ?? throw new DomainException("Claim.NoPendingApproval");
        if (route.Outcome != RouteOutcome.RouteUp)
        {
            throw new DomainException("Claim.NoApprover");
        }

        CheckRoute(route, pending.Kind, pending.Amount);
        pending.Decide(ApprovalDecision.Rerouted, null, null, at);
        var next = new ClaimApproval(Id, pending.Kind, pending.Amount, pending.Note, route, at);
        _approvals.Add(next);
        return next;
    }

    /// <summary>The amount is agreed with the claimant (赔偿协议); payment is due within 10 days (art. 23).</summary>
    public void RecordAgreement(DateTimeOffset at)
    {
        EnsureNotClosed();
        if (Status != ClaimStatus.Approved)
        {
            throw new DomainException("Claim.NotApproved");
        }

        if (AgreedAt is not null)
        {
            throw new DomainException("Claim.AlreadyAgreed");
        }

        AgreedAt = at;
        Clock(DefaultClockRules.ClaimPayment, ClockActionKind.Start, at);
    }

    // ---- payment (CLM-06) ------------------------------------------------------------------------

    /// <summary>Pays the approved advance (先予支付).</summary>
    public ClaimPayment PayAdvance(ClaimPayee payee, DateOnly expectedArrival, Guid paidBy, DateTimeOffset at)
    {
        EnsureNotClosed();
        if (!ClaimTransitions.IsDocumentPhase(Status))
        {
            throw new DomainException("Claim.AdvanceNotPossible");
        }

        var approval = UnpaidAdvanceApproval() ?? throw new DomainException("Claim.NoApprovedAdvance");
        var payment = RecordPayment(PaymentKind.Advance, approval, approval.Amount, payee, expectedArrival, paidBy, at);
        if (AdvancePaymentClockRunning)
        {
            AdvanceClockStoppedAt = at;
            Clock(DefaultClockRules.AdvancePayment, ClockActionKind.Stop, at);
        }

        return payment;
    }

    /// <summary>Pays the approved, agreed amount less everything paid before.</summary>
    public ClaimPayment Pay(ClaimPayee payee, DateOnly expectedArrival, Guid paidBy, DateTimeOffset at)
    {
        EnsureNotClosed();
        if (Status != ClaimStatus.Approved || AcceptedAmount is not { } accepted)
        {
            throw new DomainException("Claim.NotApproved");
        }

        if (AgreedAt is null)
        {
            throw new DomainException("Claim.NoAgreement");
        }

        var approval = _approvals.Last(a => a.Kind == ApprovalKind.Payment && a.Decision == ApprovalDecision.Approved);
        var payment = RecordPayment(PaymentKind.Settlement, approval, accepted - PaidTotal, payee, expectedArrival, paidBy, at);
        MoveTo(ClaimStatus.Paid);
        Clock(DefaultClockRules.ClaimPayment, ClockActionKind.Stop, at);
        return payment;
    }

    /// <summary>Why a payment to <paramref name="payee"/> would be refused now (null: it may go ahead).</summary>
    public DomainException? PaymentBlocker(ClaimPayee payee)
    {
        ArgumentNullException.ThrowIfNull(payee);
        if (!PolicyVerified)
        {
            return new DomainException("Claim.PolicyUnverified", nameof(PolicyVerified));
        }

        if (HasBlockingFraudFlag)
        {
            return new DomainException("Claim.FraudFlagOpen", nameof(FraudFlags));
        }

        if (!Enum.IsDefined(payee.Method))
        {
            return new DomainException(ValidationCodes.Required, nameof(ClaimPayment.Method));
        }

        var name = (payee.Name ?? string.Empty).Trim();
        if (name.Length == 0 || !(string.Equals(name, ClaimantName, StringComparison.Ordinal) || string.Equals(name, AuthorisedPayeeName, StringComparison.Ordinal)))
        {
            return new DomainException("Claim.PayeeMismatch", nameof(ClaimPayment.PayeeName));
        }

        if (payee.Method == PaymentMethod.BankTransfer && payee.Card is null)
        {
            return new DomainException(ValidationCodes.Required, nameof(ClaimPayment.BankCard));
        }

        return null;
    }

    // ---- fraud flags (CLM-08) --------------------------------------------------------------------

    /// <summary>Raises a fraud flag; the same rule with the same detail is not raised twice.</summary>
    public FraudFlag RaiseFraudFlag(string ruleCode, string detail, Guid? raisedBy, DateTimeOffset at)
    {
        EnsureNotClosed();
        ruleCode = (ruleCode ?? string.Empty).Trim();
        detail = (detail ?? string.Empty).Trim();
        if (ruleCode.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(FraudFlag.RuleCode));
        }

        if (ruleCode.Length > FraudFlag.MaxRuleCodeLength)
        {
            throw new DomainException("Validation.TooLong", nameof(FraudFlag.RuleCode));
        }

        if (detail.Length > FraudFlag.MaxDetailLength)
        {
            throw new DomainException("Validation.TooLong", nameof(FraudFlag.Detail));
        }

        var existing = _fraudFlags.FirstOrDefault(f => f.RuleCode == ruleCode && f.Detail == detail);
        if (existing is not null)
        {
            return existing;
        }

        var flag = new FraudFlag(Id, ruleCode, detail, raisedBy, at);
        _fraudFlags.Add(flag);
        return flag;
    }

    public IReadOnlyList<FraudFlag> RaiseFraudFlags(IEnumerable<FraudFinding> findings, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return findings.Select(f => RaiseFraudFlag(f.RuleCode, f.Detail, null, at)).ToList();
    }

    /// <summary>A reviewer (not the handler) finds the flag harmless; it no longer blocks payment.</summary>
    public void ClearFraudFlag(Guid flagId, Guid reviewerId, string note, DateTimeOffset at) => ReviewFraudFlag(flagId, FraudFlagStatus.Cleared, reviewerId, note, at);

    /// <summary>A reviewer (not the handler) confirms the suspicion; payment stays blocked.</summary>
    public void ConfirmFraudFlag(Guid flagId, Guid reviewerId, string note, DateTimeOffset at) => ReviewFraudFlag(flagId, FraudFlagStatus.Confirmed, reviewerId, note, at);

    // ---- closing (CLM-07) ------------------------------------------------------------------------

    /// <summary>
    /// Closes a paid claim, or a refused one whose refusal notice went out, into its file (一案一卷):
    /// the outstanding reserve is released and the claim becomes read-only. A reopened claim keeps its
    /// file number (pass null or the same number).
    /// </summary>
    public void Close(string? archiveNumber, Guid closedBy, DateTimeOffset at)
    {
        EnsureNotClosed();
        var outcome = Status switch
        {
            ClaimStatus.Paid => ClaimOutcome.Paid,
            ClaimStatus.Refused when RefusalNoticeSentAt is null => throw new DomainException("Claim.RefusalNoticeNotSent"),
            ClaimStatus.Refused => ClaimOutcome.Refused,
            _ => throw new DomainException("Claim.InvalidTransition"),
        };
        Archive(ValidArchiveNumber(archiveNumber), outcome, null, closedBy, at);
    }

    /// <summary>The claimant withdraws the claim before it is decided; nothing may have been paid.</summary>
    public void Withdraw(string reason, string? archiveNumber, Guid closedBy, DateTimeOffset at)
    {
        EnsureNotClosed();
        reason = RequiredReason(reason, nameof(CloseReason));
        if (!ClaimTransitions.IsDocumentPhase(Status))
        {
            throw new DomainException("Claim.InvalidTransition");
        }

        if (_payments.Count > 0)
        {
            throw new DomainException("Claim.HasPayments");
        }

        var file = ValidArchiveNumber(archiveNumber);
        StopDecisionClocks(at);
        WithdrawPendingPaymentApprovals(at);
        Archive(file, ClaimOutcome.Withdrawn, reason, closedBy, at);
    }

    /// <summary>Reopens a closed claim (the caller checks the permission); a reason is required. It is adjudicated again.</summary>
    public void Reopen(string reason, Guid reopenedBy, DateTimeOffset at)
    {
        if (Status != ClaimStatus.Closed)
        {
            throw new DomainException("Claim.NotClosed");
        }

        reason = (reason ?? string.Empty).Trim();
        if (reason.Length == 0)
        {
            throw new DomainException("Claim.ReopenReasonRequired", nameof(ReopenReason));
        }

        if (reason.Length > MaxReasonLength)
        {
            throw new DomainException("Validation.TooLong", nameof(ReopenReason));
        }

        MoveTo(MissingDocuments().Count > 0 ? ClaimStatus.AwaitingDocuments : ClaimStatus.DocumentsComplete);
        ReopenCount++;
        ReopenReason = reason;
        ReopenedAt = at;
        ReopenedBy = reopenedBy;
        Outcome = null;
        CloseReason = null;
        ClosedAt = null;
        ClosedBy = null;
        AcceptedAmount = null;
        RefusalReasons = null;
        RefusalNoticeSentAt = null;
        AdjudicatedAt = null;
        AdjudicatedBy = null;
        AgreedAt = null;
    }

    public void BumpVersion() => Version++;

    // ---- internals -----------------------------------------------------------------------------

    private void MoveTo(ClaimStatus next)
    {
        if (!ClaimTransitions.CanMove(Status, next))
        {
            throw new DomainException("Claim.InvalidTransition", nameof(Status));
        }

        Status = next;
    }

    private void EnsureNotClosed()
    {
        if (Status == ClaimStatus.Closed)
        {
            throw new DomainException("Claim.Closed");
        }
    }

    private void EnsureNotPaid()
    {
        if (Status == ClaimStatus.Paid)
        {
            throw new DomainException("Claim.InvalidTransition");
        }
    }

    private void EnsureDocumentPhase()
    {
        if (!ClaimTransitions.IsDocumentPhase(Status))
        {
            throw new DomainException("Claim.DocumentsFrozen");
        }
    }

    private ClaimDocument? FindDocument(string code) => _documents.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.Ordinal));

    private void AfterDocumentChange(DateTimeOffset at)
    {
        foreach (var notice in _notices.Where(n => n.IsOpen).ToList())
        {
            if (notice.Items().All(code => FindDocument(code) is not { IsMissing: true }))
            {
                notice.End(NoticeEnd.Satisfied, at);
                DecisionClocks(ClockActionKind.Resume, at, null);
            }
        }

        if (ChecklistGivenAt is null || Status is not (ClaimStatus.Opened or ClaimStatus.AwaitingDocuments or ClaimStatus.DocumentsComplete))
        {
            return;
        }

        var next = MissingDocuments().Count > 0 ? ClaimStatus.AwaitingDocuments : ClaimStatus.DocumentsComplete;
        if (next != Status)
        {
            MoveTo(next);
        }
    }

    private void Adjudicated(Guid by, DateTimeOffset at)
    {
        AdjudicatedAt = at;
        AdjudicatedBy = by;
        StopDecisionClocks(at);
        WithdrawPendingPaymentApprovals(at);
    }

    /// <summary>Ends the decision and advance-payment clocks (the amount is fixed, refused or withdrawn) and any open notice.</summary>
    private void StopDecisionClocks(DateTimeOffset at)
    {
        foreach (var notice in _notices.Where(n => n.IsOpen))
        {
            notice.End(NoticeEnd.ClaimDecided, at);
        }

        if (DecisionClockRunning)
        {
            DecisionClockStoppedAt = at;
            Clock(DefaultClockRules.ClaimDecision, ClockActionKind.Stop, at);
        }

        if (AdvancePaymentClockRunning)
        {
            AdvanceClockStoppedAt = at;
            Clock(DefaultClockRules.AdvancePayment, ClockActionKind.Stop, at);
        }
    }

    private void DecisionClocks(ClockActionKind kind, DateTimeOffset at, string? reason)
    {
        if (DecisionClockRunning)
        {
            Clock(DefaultClockRules.ClaimDecision, kind, at, reason);
        }

        if (AdvancePaymentClockRunning)
        {
            Clock(DefaultClockRules.AdvancePayment, kind, at, reason);
        }
    }

    private void Clock(ClockRule rule, ClockActionKind kind, DateTimeOffset at, string? reason = null) =>
        _clockActions.Add(new ClaimClockAction(rule.Code, kind, at, reason));

    private void WithdrawPendingPaymentApprovals(DateTimeOffset at)
    {
        foreach (var approval in _approvals.Where(a => a.IsPending && a.Kind == ApprovalKind.AdvancePayment))
        {
            approval.Decide(ApprovalDecision.Withdrawn, null, null, at);
        }
    }

    private ClaimApproval StartApproval(ApprovalKind kind, decimal amount, string? note, ApprovalRoute route, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(route);
        CheckRoute(route, kind, amount);
        if (PendingApproval() is not null)
        {
            throw new DomainException("Claim.ApprovalPending");
        }

        if (route.Outcome == RouteOutcome.NoneCanApprove)
        {
            throw new DomainException("Claim.NoApprover");
        }

        if (route.Outcome == RouteOutcome.ApproveDirectly && kind != ApprovalKind.Reserve && route.RequestedBy == HandlerStaffId)
        {
            throw new DomainException("Claim.SelfApproval");
        }

        var approval = new ClaimApproval(Id, kind, amount, note, route, at);
        if (route.Outcome == RouteOutcome.ApproveDirectly)
        {
            approval.Decide(ApprovalDecision.Approved, route.RequestedBy, null, at);
        }

        _approvals.Add(approval);
        return approval;
    }

    /// <summary>A route computed for another claim, kind or amount is a programming error, not a user error.</summary>
    private void CheckRoute(ApprovalRoute route, ApprovalKind kind, decimal amount)
    {
        if (route.Kind != kind.ToAuthorityKind() || route.Amount != amount || route.Line != Line || route.HandlerStaffId != HandlerStaffId)
        {
            throw new ArgumentException("The approval route was computed for another line, kind, amount or handler.", nameof(route));
        }
    }

    private void EnsureMayDecide(ClaimApproval pending, Guid approverId, IAuthorityLimits authority)
    {
        if (approverId == HandlerStaffId || approverId == pending.RequestedBy)
        {
            throw new DomainException("Claim.SelfApproval");
        }

        if (!authority.Covers(Line, pending.Kind.ToAuthorityKind(), pending.Amount))
        {
            throw new DomainException("Claim.AboveAuthority");
        }
    }

    private void ApplyReserve(decimal amount, string reason, Guid by, Guid? approvalId, DateTimeOffset at)
    {
        _reserveChanges.Add(new ReserveChange(Id, Reserve, amount, reason, by, approvalId, at));
        Reserve = amount;
    }

    private ClaimApproval? UnpaidAdvanceApproval() =>
        _approvals.FirstOrDefault(a => a.Kind == ApprovalKind.AdvancePayment && a.Decision == ApprovalDecision.Approved && a.PaymentId is null);

    private ClaimPayment RecordPayment(PaymentKind kind, ClaimApproval approval, decimal amount, ClaimPayee payee, DateOnly expectedArrival, Guid paidBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(payee);
        if (PaymentBlocker(payee) is { } blocker)
        {
            throw blocker;
        }

        if (expectedArrival < DateOnly.FromDateTime(at.DateTime))
        {
            throw new DomainException("Claim.ArrivalBeforePayment", nameof(ClaimPayment.ExpectedArrivalDate));
        }

        var payment = new ClaimPayment(Id, kind, approval.Id, payee with { Name = payee.Name.Trim() }, amount, expectedArrival, paidBy, at);
        _payments.Add(payment);
        approval.UsedBy(payment.Id);
        return payment;
    }

    private void ReviewFraudFlag(Guid flagId, FraudFlagStatus outcome, Guid reviewerId, string note, DateTimeOffset at)
    {
        EnsureNotClosed();
        var flag = _fraudFlags.FirstOrDefault(f => f.Id == flagId) ?? throw new DomainException("Claim.FraudFlagNotFound");
        if (reviewerId == HandlerStaffId)
        {
            throw new DomainException("Claim.SelfReview");
        }

        flag.Review(outcome, reviewerId, RequiredReason(note, nameof(FraudFlag.ReviewNote)), at);
    }

    private string ValidArchiveNumber(string? archiveNumber)
    {
        archiveNumber = DomainText.Clean(archiveNumber);
        if (ArchiveNumber is not null && archiveNumber is not null && archiveNumber != ArchiveNumber)
        {
            throw new DomainException("Claim.ArchiveNumberChanged", nameof(ArchiveNumber));
        }

        archiveNumber ??= ArchiveNumber;
        if (archiveNumber is null)
        {
            throw new DomainException(ValidationCodes.Required, nameof(ArchiveNumber));
        }

        if (archiveNumber.Length > MaxArchiveNumberLength)
        {
            throw new DomainException("Validation.TooLong", nameof(ArchiveNumber));
        }

        return archiveNumber;
    }

    private void Archive(string archiveNumber, ClaimOutcome outcome, string? reason, Guid closedBy, DateTimeOffset at)
    {
        if (Reserve != 0m)
        {
            ApplyReserve(0m, ReserveReleasedReason, closedBy, null, at);
        }

        MoveTo(ClaimStatus.Closed);
        ArchiveNumber = archiveNumber;
        Outcome = outcome;
        CloseReason = reason;
        ClosedAt = at;
        ClosedBy = closedBy;
    }

    private static (string Code, string Name) ValidDocument(string? code, string? name)
    {
        code = (code ?? string.Empty).Trim();
        name = (name ?? string.Empty).Trim();
        if (code.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(ClaimDocument.Code));
        }

        if (code.Length > ClaimDocument.MaxCodeLength || code.Any(char.IsWhiteSpace))
        {
            throw new DomainException("Claim.DocumentCodeInvalid", nameof(ClaimDocument.Code));
        }

        if (name.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(ClaimDocument.Name));
        }

        if (name.Length > ClaimDocument.MaxNameLength)
        {
            throw new DomainException("Validation.TooLong", nameof(ClaimDocument.Name));
        }

        return (code, name);
    }

    private static string RequiredName(string? name, string field)
    {
        name = (name ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, field);
        }

        if (name.Length > MaxNameLength)
        {
            throw new DomainException("Validation.TooLong", field);
        }

        return name;
    }

    private static string RequiredReason(string? reason, string field)
    {
        reason = (reason ?? string.Empty).Trim();
        if (reason.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, field);
        }

        if (reason.Length > MaxReasonLength)
        {
            throw new DomainException("Validation.TooLong", field);
        }

        return reason;
    }

    private static string? CleanNote(string? note)
    {
        note = DomainText.Clean(note);
        return note is { Length: > ClaimApproval.MaxNoteLength } ? throw new DomainException("Validation.TooLong", nameof(ClaimApproval.DecisionNote)) : note;
    }

}
