using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Cases;
using Anxin.Web.Features.Clocks;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

public sealed record ClaimAttachmentView(Guid Id, string FileName, string ContentType, int Size, DateTimeOffset UploadedAt);

public sealed record ClaimDocumentView(string Code, string Name, bool IsRequired, bool IsMissing, DocumentSource Source, string? RaisedByCode,
    DateTimeOffset AddedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? WaivedAt, string? WaiveReason, IReadOnlyList<ClaimAttachmentView> Attachments);

public sealed record NoticeItemView(string Code, string Name);

public sealed record DocumentNoticeView(Guid Id, int Round, IReadOnlyList<NoticeItemView> Items, string? SentBy, DateTimeOffset SentAt,
    DateTimeOffset? EndedAt, NoticeEnd? EndReason);

public sealed record ApprovalView(Guid Id, ApprovalKind Kind, decimal Amount, string? Note, string? RequestedBy, DateTimeOffset RequestedAt,
    int RoutedLevel, Guid? RoutedToStaffId, string? RoutedTo, ApprovalDecision Decision, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote);

public sealed record PaymentView(Guid Id, PaymentKind Kind, PaymentMethod Method, string PayeeName, string? BankCard, decimal Amount,
    DateOnly ExpectedArrivalDate, string? PaidBy, DateTimeOffset PaidAt);

public sealed record ReserveView(decimal Previous, decimal Amount, string Reason, string? ChangedBy, DateTimeOffset ChangedAt);

public sealed record FraudFlagView(Guid Id, string RuleCode, string Detail, string? RaisedBy, DateTimeOffset RaisedAt, FraudFlagStatus Status,
    string? ReviewedBy, DateTimeOffset? ReviewedAt, string? ReviewNote, bool BlocksPayment);

public sealed record InvestigationTaskView(Guid Id, InvestigationMethod Method, string Instructions, Guid AssigneeStaffId, string? Assignee,
    DateTimeOffset DueAt, DateTimeOffset EscalateAt, InvestigationTaskStatus Status, string? Findings, DateTimeOffset? CompletedAt,
    bool Overdue, bool Escalated, long Version);

public sealed record CalculationView(DateTimeOffset CalculatedAt, string? CalculatedBy, IReadOnlyList<CoverageLoss> Inputs, PayableResult Result);

public sealed record ClaimClockView(string RuleCode, ClockState State, DateTimeOffset StartedAt, DateTimeOffset DeadlineAt, DateTimeOffset? PausedAt,
    DateTimeOffset? StoppedAt, ClockOutcome? Outcome);

/// <summary>What the case (CC-03/CC-04) says about the loss: the survey and assessment flow into the claim from here.</summary>
public sealed record ClaimCaseView(Guid Id, string Number, CaseStatus Status, string LossPlace, Peril Cause, string Description, string? LossDescription,
    bool Injuries, string? InjuryDetails, string? ThirdParties, string? Plate);

/// <summary>A survey photo of the case, served through the claim (<c>GET /api/v1/claims/{id}/survey-photos/{photoId}</c>).</summary>
public sealed record SurveyPhotoView(Guid Id, string FileName);

/// <summary>
/// The contact centre's survey and loss assessment (查勘定损, CC-04) of the claim's case, as the
/// surveyor recorded it on their phone: who, when, the assessed loss, notes and photos.
/// </summary>
public sealed record ClaimSurveyView(Guid AssignmentId, AssignmentState State, string? Surveyor, DateTimeOffset AssignedAt, DateTimeOffset? ArrivedAt,
    DateTimeOffset? AssessedAt, decimal? AssessedLoss, string? Notes, IReadOnlyList<SurveyPhotoView> Photos)
{
    public int PhotoCount => Photos.Count;
}

/// <summary>The claim's review (CLM-10): why it was picked, and what the beneficiary said on the callback.</summary>
public sealed record ClaimReviewView(Guid Id, SampleReason Reason, DateTimeOffset SampledAt, BeneficiaryCheckStatus Status, bool? RepairDone, bool? AskedToPay,
    decimal? AmountAskedFor, string? Notes, DateTimeOffset? AnsweredAt, bool ProblemFound);

public sealed record PolicyCoverageView(string Code, string Name, decimal SumInsured, decimal Deductible, decimal? DeductibleRate, decimal? PerEventLimit);

public sealed record ClaimPolicyView(Guid Id, string Number, PolicyStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    IReadOnlyList<PolicyCoverageView> Coverages);

/// <summary>A claim as the API and the claim page show it; personal data masked.</summary>
public sealed record ClaimDetail(
    Guid Id,
    string Number,
    ClaimStatus Status,
    ProductLine Line,
    Guid? InsurerId,
    string? InsurerCode,
    string? InsurerName,
    bool PolicyVerified,
    ClaimPolicyView? Policy,
    ClaimCaseView? Case,
    IReadOnlyList<ClaimSurveyView> Surveys,
    string? InsuredObject,
    string ClaimantName,
    string ClaimantMobile,
    string? AuthorisedPayeeName,
    DateTimeOffset LossAt,
    DateTimeOffset ReportedAt,
    DateTimeOffset ClaimedAt,
    DateTimeOffset KnewOfLossAt,
    bool IsLateReport,
    bool FiledAfterLimitation,
    Guid HandlerStaffId,
    string? HandlerName,
    string OrgNodeName,
    decimal Reserve,
    DateTimeOffset? ChecklistGivenAt,
    bool WaitingForClaimant,
    InvestigationMethod? InvestigationMethod,
    string? InvestigationFindings,
    DateTimeOffset? InvestigationCompletedAt,
    decimal? AcceptedAmount,
    IReadOnlyList<string> RefusalReasons,
    DateTimeOffset? AdjudicatedAt,
    string? AdjudicatedBy,
    DateTimeOffset? RefusalNoticeSentAt,
    DateTimeOffset? AgreedAt,
    decimal PaidTotal,
    bool PaymentBlockedByFraud,
    string? ArchiveNumber,
    ClaimOutcome? Outcome,
    string? CloseReason,
    DateTimeOffset? ClosedAt,
    int ReopenCount,
    string? ReopenReason,
    DateTimeOffset? ReopenedAt,
    ClaimDueDates DueDates,
    IReadOnlyList<ClaimDocumentView> Documents,
    IReadOnlyList<DocumentNoticeView> Notices,
    IReadOnlyList<InvestigationTaskView> InvestigationTasks,
    CalculationView? Calculation,
    IReadOnlyList<ReserveView> Reserves,
    IReadOnlyList<ApprovalView> Approvals,
    IReadOnlyList<PaymentView> Payments,
    IReadOnlyList<FraudFlagView> FraudFlags,
    IReadOnlyList<ClaimClockView> Clocks,
    ClaimReviewView? Review,
    IReadOnlyList<ServiceRequestView> ServiceRequests,
    long Version)
{
    public bool IsClosed => Status == ClaimStatus.Closed;

    public ApprovalView? PendingApproval => Approvals.FirstOrDefault(a => a.Decision == ApprovalDecision.Pending);

    public IEnumerable<ClaimDocumentView> MissingDocuments => Documents.Where(d => d.IsMissing);

    /// <summary>The latest survey with an assessed loss: the default assessed loss for adjudication.</summary>
    public ClaimSurveyView? Assessment => Surveys.Where(s => s.AssessedLoss is not null).MaxBy(s => s.AssessedAt);
}

public sealed class GetClaimHandler(AnxinDbContext db, ICalendarProvider calendars, GetRequiredDocumentsHandler checklists, ServiceRequestsHandler services,
    TimeProvider time)
{
    /// <summary>Null when the claim does not exist or lies outside the user's scope or insurer.</summary>
    public async Task<ClaimDetail?> HandleAsync(Guid id, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking()
            .Include(c => c.Documents).Include(c => c.Notices).Include(c => c.Approvals).Include(c => c.Payments)
            .Include(c => c.ReserveChanges).Include(c => c.FraudFlags)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        return claim is null ? null : await DescribeAsync(claim, ct);
    }

    public async Task<ClaimDetail> DescribeAsync(Claim c, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var insurer = c.InsurerId is { } insurerId
            ? await db.Insurers.AsNoTracking().Where(i => i.Id == insurerId).Select(i => new { i.Code, i.Name }).FirstOrDefaultAsync(ct)
            : null;

        // The case and policy may lie outside the claim handler's organisation scope (the hotline took the report): read them
        // by id in queries of their own, keeping the insurer partition.
        var @case = c.CaseId is { } caseId
            ? await db.Cases.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().Where(x => x.Id == caseId)
                .Select(x => new ClaimCaseView(x.Id, x.Number, x.Status, x.LossPlace, x.Cause, x.Description, x.LossDescription, x.Injuries,
                    x.InjuryDetails, x.ThirdParties, x.Plate))
                .FirstOrDefaultAsync(ct)
            : null;
        var policy = c.PolicyId is { } policyId
            ? await db.Policies.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().Where(p => p.Id == policyId).FirstOrDefaultAsync(ct)
            : null;
        var surveys = c.CaseId is { } surveyed ? await SurveysAsync(surveyed, ct) : [];
        var surveyIds = surveys.Select(a => a.Id).ToList();
        var photos = surveyIds.Count == 0
            ? []
            : await db.AssignmentPhotos.AsNoTracking().Where(p => surveyIds.Contains(p.AssignmentId)).OrderBy(p => p.UploadedAt)
                .Select(p => new { p.Id, p.AssignmentId, p.FileName }).ToListAsync(ct);
        var tasks = await db.InvestigationTasks.AsNoTracking().Where(t => t.ClaimId == c.Id).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        var attachments = await db.ClaimAttachments.AsNoTracking().Where(a => a.ClaimId == c.Id).OrderBy(a => a.CreatedAt)
            .Select(a => new { a.Id, a.DocumentCode, a.FileName, a.ContentType, a.Size, a.CreatedAt }).ToListAsync(ct);
        var calculation = await db.ClaimCalculations.AsNoTracking().Where(x => x.ClaimId == c.Id).OrderByDescending(x => x.CalculatedAt)
            .FirstOrDefaultAsync(ct);
        var subject = c.Id.ToString();
        var clocks = await db.ServiceClocks.IgnoreQueryFilters().AsNoTracking()
            .Where(k => k.SubjectType == Claim.SubjectType && k.SubjectId == subject)
            .OrderBy(k => k.StartedAt)
            .Select(k => new ClaimClockView(k.RuleCode, k.State, k.StartedAt, k.DeadlineAt, k.PausedAt, k.StoppedAt, k.Outcome))
            .ToListAsync(ct);
        var names = await StaffNames.LoadAsync(db,
            new Guid?[] { c.HandlerStaffId, c.AdjudicatedBy, calculation?.CalculatedBy }
                .Concat(c.Approvals.SelectMany(a => new[] { (Guid?)a.RequestedBy, a.RoutedToStaffId, a.DecidedBy }))
                .Concat(c.Payments.Select(p => (Guid?)p.PaidBy))
                .Concat(c.ReserveChanges.Select(r => (Guid?)r.ChangedBy))
                .Concat(c.FraudFlags.SelectMany(f => new[] { f.RaisedBy, f.ReviewedBy }))
                .Concat(c.Notices.Select(n => (Guid?)n.SentBy))
                .Concat(tasks.Select(t => (Guid?)t.AssigneeStaffId))
                .Concat(surveys.Select(a => (Guid?)a.SurveyorStaffId)),
            ct);
        string? Name(Guid? staffId) => staffId is { } s ? names.GetValueOrDefault(s) : null;
        var nodeName = await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == c.OrgNodeId).Select(n => n.Name).FirstOrDefaultAsync(ct);
        var calendar = await calendars.ForNodeAsync(c.OrgPath, ct);
        var documentNames = c.Documents.ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);

        // Documents in the order of the insurer's checklist (the order the claimant was told), then the others as they came.
        var checklist = (await checklists.ForAsync(c.InsurerId, c.Line, injuries: true, ct)).Zh
            .Select((name, index) => (Code: DocumentCodes.For(name), index)).DistinctBy(x => x.Code).ToDictionary(x => x.Code, x => x.index);
        int Position(string code) => checklist.TryGetValue(code, out var index) ? index : int.MaxValue;

        return new ClaimDetail(
            c.Id, c.Number, c.Status, c.Line, c.InsurerId, insurer?.Code, insurer?.Name, c.PolicyVerified,
            policy is null ? null : new ClaimPolicyView(policy.Id, policy.Number, policy.Status, policy.StartsAt, policy.EndsAt,
                policy.Coverages.Select(v => new PolicyCoverageView(v.Code, v.Name, v.SumInsured, v.Deductible, v.DeductibleRate, v.PerEventLimit)).ToList()),
            @case,
            surveys.Select(a => new ClaimSurveyView(a.Id, a.State, Name(a.SurveyorStaffId), a.AssignedAt, a.ArrivedAt, a.AssessedAt, a.AssessedLossAmount,
                a.AssessmentNotes, photos.Where(p => p.AssignmentId == a.Id).Select(p => new SurveyPhotoView(p.Id, p.FileName)).ToList())).ToList(),
            c.InsuredObject, Masking.Name(c.ClaimantName), Masking.Mobile(c.ClaimantMobile),
            c.AuthorisedPayeeName is null ? null : Masking.Name(c.AuthorisedPayeeName),
            c.LossAt, c.ReportedAt, c.ClaimedAt, c.KnewOfLossAt, c.IsLateReport, c.FiledAfterLimitation,
            c.HandlerStaffId, Name(c.HandlerStaffId), nodeName ?? string.Empty, c.Reserve, c.ChecklistGivenAt, c.IsWaitingForClaimant,
            c.InvestigationMethod, c.InvestigationFindings, c.InvestigationCompletedAt, c.AcceptedAmount, c.RefusalReasonList(), c.AdjudicatedAt,
            Name(c.AdjudicatedBy), c.RefusalNoticeSentAt, c.AgreedAt, c.PaidTotal, c.HasBlockingFraudFlag, c.ArchiveNumber, c.Outcome, c.CloseReason,
            c.ClosedAt, c.ReopenCount, c.ReopenReason, c.ReopenedAt,
            ClaimDeadlines.For(c, calendar),
            c.Documents.OrderBy(d => Position(d.Code)).ThenBy(d => d.AddedAt).ThenBy(d => d.Name, StringComparer.Ordinal).Select(d => new ClaimDocumentView(d.Code, d.Name, d.IsRequired, d.IsMissing, d.Source,
                d.RaisedByCode, d.AddedAt, d.ReceivedAt, d.WaivedAt, d.WaiveReason,
                attachments.Where(a => a.DocumentCode == d.Code).Select(a => new ClaimAttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.CreatedAt)).ToList()))
                .ToList(),
            c.Notices.OrderBy(n => n.Round).Select(n => new DocumentNoticeView(n.Id, n.Round,
                n.Items().OrderBy(Position).Select(code => new NoticeItemView(code, documentNames.GetValueOrDefault(code, code))).ToList(),
                Name(n.SentBy), n.SentAt, n.EndedAt, n.EndReason)).ToList(),
            tasks.Select(t => new InvestigationTaskView(t.Id, t.Method, t.Instructions, t.AssigneeStaffId, Name(t.AssigneeStaffId), t.DueAt, t.EscalateAt,
                t.Status, t.Findings, t.CompletedAt, t.IsOverdue(now), t.IsEscalated(now), t.Version)).ToList(),
            calculation?.ReadResult() is { } result
                ? new CalculationView(calculation.CalculatedAt, Name(calculation.CalculatedBy), calculation.ReadInputs(), result)
                : null,
            c.ReserveChanges.OrderBy(r => r.ChangedAt).ThenBy(r => r.Id).Select(r => new ReserveView(r.Previous, r.Amount, r.Reason, Name(r.ChangedBy), r.ChangedAt)).ToList(),
            c.Approvals.OrderBy(a => a.RequestedAt).ThenBy(a => a.Id).Select(a => new ApprovalView(a.Id, a.Kind, a.Amount, a.Note, Name(a.RequestedBy), a.RequestedAt,
                a.RoutedLevel, a.RoutedToStaffId, Name(a.RoutedToStaffId), a.Decision, Name(a.DecidedBy), a.DecidedAt, a.DecisionNote)).ToList(),
            c.Payments.OrderBy(p => p.PaidAt).Select(p => new PaymentView(p.Id, p.Kind, p.Method, Masking.Name(p.PayeeName),
                p.BankCard is null ? null : Masking.BankCard(p.BankCard), p.Amount, p.ExpectedArrivalDate, Name(p.PaidBy), p.PaidAt)).ToList(),
            c.FraudFlags.OrderBy(f => f.RaisedAt).Select(f => new FraudFlagView(f.Id, f.RuleCode, f.Detail, Name(f.RaisedBy), f.RaisedAt, f.Status,
                Name(f.ReviewedBy), f.ReviewedAt, f.ReviewNote, f.BlocksPayment)).ToList(),
            clocks,
            await ReviewAsync(c.Id, ct),
            await services.ForClaimAsync(c.Id, ct),
            c.Version);
    }

    /// <summary>The claim's beneficiary check, kept by the callback team (outside the claims department's scope): by claim id, in a query of its own.</summary>
    private Task<ClaimReviewView?> ReviewAsync(Guid claimId, CancellationToken ct) =>
        db.BeneficiaryChecks.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().Where(b => b.ClaimId == claimId)
            .Select(b => new ClaimReviewView(b.Id, b.Reason, b.SampledAt, b.Status, b.RepairDone, b.AskedToPay, b.AmountAskedFor, b.Notes, b.AnsweredAt,
                b.ProblemFound))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The case's surveys that stand (not reassigned or cancelled), newest first. The hotline's case lies outside the
    /// claims department's organisation scope: read by case id in a query of its own, keeping the insurer partition.
    /// </summary>
    private Task<List<Assignment>> SurveysAsync(Guid caseId, CancellationToken ct) =>
        db.Assignments.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking()
            .Where(a => a.CaseId == caseId && a.State != AssignmentState.Reassigned && a.State != AssignmentState.Cancelled)
            .OrderByDescending(a => a.AssignedAt).ThenByDescending(a => a.Id)
            .ToListAsync(ct);

    /// <summary>A survey photo of the claim's case, when the claim is visible to the user.</summary>
    public async Task<AssignmentPhoto?> SurveyPhotoAsync(Guid claimId, Guid photoId, CancellationToken ct)
    {
        var caseId = await db.Claims.AsNoTracking().Where(c => c.Id == claimId).Select(c => c.CaseId).FirstOrDefaultAsync(ct);
        if (caseId is null)
        {
            return null;
        }

        var photo = await db.AssignmentPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId, ct);
        return photo is not null && (await SurveysAsync(caseId.Value, ct)).Any(a => a.Id == photo.AssignmentId) ? photo : null;
    }
}
