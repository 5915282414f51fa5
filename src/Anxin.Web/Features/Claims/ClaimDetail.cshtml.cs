using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Claims;

/// <summary>
/// The claim page: documents and the one-time notice, investigation, adjudication (the amount step by
/// step), approval, payment, fraud flags, close and reopen, and the timeline. Every form posts the
/// claim version it showed; each calls the same handler as the API and comes back here (PRG).
/// </summary>
[HasPermission(Permissions.Claims.View)]
public sealed class ClaimDetailModel(
    GetClaimHandler get,
    GetClaimTimelineHandler timeline,
    ReceiveClaimDocumentsHandler receive,
    RequireClaimDocumentHandler require,
    WaiveClaimDocumentHandler waive,
    SendMissingDocumentsNoticeHandler notice,
    InvestigateClaimHandler investigate,
    ComputePayableHandler compute,
    AdjudicateClaimHandler adjudicate,
    DecideApprovalHandler decide,
    PayClaimHandler pay,
    ReviewFraudFlagHandler fraud,
    CloseClaimHandler close,
    ServiceRequestsHandler services,
    ListVendorsHandler vendors,
    CurrentUser me,
    IStringLocalizer<ClaimText> claimText,
    IStringLocalizer<SharedResource> sharedText) : PageModel
{
    /// <summary>The coverage rows of the adjudication form (prefilled from the policy).</summary>
    [BindProperty]
    public List<CoverageRow> Cov { get; set; } = [];

    public ClaimDetail Claim { get; private set; } = null!;

    public IReadOnlyList<ClaimTimelineEntry> Timeline { get; private set; } = [];

    public PayableResult? Preview { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public bool CanHandle => me.Has(Permissions.Claims.Handle);

    public bool CanApprove => me.Has(Permissions.Claims.Approve);

    public bool CanPay => me.Has(Permissions.Claims.Pay);

    public bool CanReopen => me.Has(Permissions.Claims.Reopen);

    public bool CanReviewFraud => me.Has(Permissions.Claims.ReviewFraud);

    /// <summary>May record what a vendor reports (a quote, the work done, an invoice, a message) on the vendor's behalf.</summary>
    public bool CanReportForVendor => me.Has(Permissions.Vendors.Report);

    /// <summary>The active vendors for a new service request.</summary>
    public IReadOnlyList<VendorView> Vendors { get; private set; } = [];

    public Guid? MyStaffId => me.StaffId;

    private ClaimLocalizer Text => new(claimText, sharedText);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Cov = DefaultRows();
        return Page();
    }

    // ---- documents -------------------------------------------------------------------------------

    public Task<IActionResult> OnPostReceiveAsync(Guid id, string[]? codes, string? extraName, string? raises, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "documents", () =>
        {
            var raised = Lines(raises);
            var documents = (codes ?? []).Select(c => new ReceivedDocumentInput(c)).ToList();
            if (!string.IsNullOrWhiteSpace(extraName))
            {
                documents.Add(new ReceivedDocumentInput(Name: extraName));
            }

            if (raised.Count > 0 && documents.Count > 0)
            {
                documents[^1] = documents[^1] with { Raises = raised };
            }

            return receive.HandleAsync(id, new ReceiveDocumentsRequest(documents, version), ct);
        }, ct);

    public Task<IActionResult> OnPostUploadAsync(Guid id, string? code, IFormFile? file, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "documents", async () =>
        {
            if (file is null || file.Length == 0)
            {
                return Result<ClaimDetail>.Invalid("File", Domain.Common.ValidationCodes.Required);
            }

            if (file.Length > ClaimAttachment.MaxBytes)
            {
                return Result<ClaimDetail>.Invalid("File", "Attachment.TooLarge");
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            return await receive.UploadAsync(id, code, null, file.FileName, file.ContentType, buffer.ToArray(), version, ct);
        }, ct);

    public Task<IActionResult> OnPostRequireAsync(Guid id, string? name, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "documents", () => require.HandleAsync(id, new RequireDocumentRequest(name, null, version), ct), ct);

    public Task<IActionResult> OnPostWaiveAsync(Guid id, string? code, string? reason, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "documents", () => waive.HandleAsync(id, code ?? string.Empty, new WaiveDocumentRequest(reason, version), ct), ct);

    public Task<IActionResult> OnPostNoticeAsync(Guid id, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "documents", () => notice.HandleAsync(id, new VersionRequest(version), ct), ct);

    // ---- investigation ---------------------------------------------------------------------------

    public Task<IActionResult> OnPostTaskAsync(Guid id, InvestigationMethod? method, string? instructions, DateTime? dueAt, DateTime? escalateAt,
        long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "investigation", () => investigate.CreateTaskAsync(id,
            new CreateInvestigationTaskRequest(method, instructions, null, Beijing(dueAt), Beijing(escalateAt), version), ct), ct);

    public Task<IActionResult> OnPostCompleteTaskAsync(Guid id, Guid taskId, string? findings, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "investigation", () =>
            investigate.CompleteTaskAsync(id, taskId, new CompleteInvestigationTaskRequest(findings, version), ct), ct);

    public Task<IActionResult> OnPostConcludeAsync(Guid id, string? findings, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "investigation", () => investigate.ConcludeAsync(id, new ConcludeInvestigationRequest(findings, version), ct), ct);

    // ---- adjudication ----------------------------------------------------------------------------

    public async Task<IActionResult> OnPostComputeAsync(Guid id, CancellationToken ct)
    {
        var result = compute.Handle(new ComputePayableRequest(Inputs()));
        ModelState.Clear();
        result.AddTo(ModelState, Text, "Cov");
        Preview = result.Value;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, decimal? amount, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "adjudication", () =>
        {
            var inputs = Inputs();
            return adjudicate.AcceptAsync(id, inputs.Count > 0 ? new AcceptClaimRequest(inputs, null, version) : new AcceptClaimRequest(null, amount, version), ct);
        }, ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, string? reasons, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "adjudication", () => adjudicate.RefuseAsync(id, new RefuseClaimRequest(Lines(reasons), version), ct), ct);

    public Task<IActionResult> OnPostRefusalNoticeAsync(Guid id, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "adjudication", () => adjudicate.RefusalNoticeSentAsync(id, new VersionRequest(version), ct), ct);

    public Task<IActionResult> OnPostReserveAsync(Guid id, decimal? amount, string? reason, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "adjudication", () => adjudicate.ChangeReserveAsync(id, new ChangeReserveRequest(amount, reason, version), ct), ct);

    // ---- approval --------------------------------------------------------------------------------

    public Task<IActionResult> OnPostSubmitAsync(Guid id, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "approval", () => adjudicate.SubmitAsync(id, new VersionRequest(version), ct), ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, string? note, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Approve, "approval", () => decide.ApproveAsync(id, new DecideApprovalRequest(note, version), ct), ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, string? note, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Approve, "approval", () => decide.RejectAsync(id, new DecideApprovalRequest(note, version), ct), ct);

    public Task<IActionResult> OnPostAdvanceAsync(Guid id, decimal? amount, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "approval", () => decide.RequestAdvanceAsync(id, new RequestAdvancePaymentRequest(amount, version), ct), ct);

    // ---- payment ---------------------------------------------------------------------------------

    public Task<IActionResult> OnPostVerifyPolicyAsync(Guid id, string? policyNumber, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "payment", () => pay.VerifyPolicyAsync(id, new VerifyClaimPolicyRequest(policyNumber, version), ct), ct);

    public Task<IActionResult> OnPostPayeeAsync(Guid id, string? payeeName, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "payment", () => pay.AuthorisePayeeAsync(id, new AuthorisePayeeRequest(payeeName, version), ct), ct);

    public Task<IActionResult> OnPostAgreementAsync(Guid id, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Pay, "payment", () => pay.RecordAgreementAsync(id, new VersionRequest(version), ct), ct);

    public Task<IActionResult> OnPostPayAsync(Guid id, string? payeeName, PaymentMethod? method, string? bankCard, DateOnly? expectedArrival, bool advance,
        long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Pay, "payment", () =>
            pay.PayAsync(id, new PayClaimRequest(payeeName, method, bankCard, expectedArrival, advance, version), ct), ct);

    // ---- fraud -----------------------------------------------------------------------------------

    public Task<IActionResult> OnPostFlagAsync(Guid id, string? detail, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "fraud", () => fraud.RaiseAsync(id, new RaiseFraudFlagRequest(detail, version), ct), ct);

    public Task<IActionResult> OnPostClearFlagAsync(Guid id, Guid flagId, string? note, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.ReviewFraud, "fraud", () => fraud.ClearAsync(id, flagId, new ReviewFraudFlagRequest(note, version), ct), ct);

    public Task<IActionResult> OnPostConfirmFlagAsync(Guid id, Guid flagId, string? note, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.ReviewFraud, "fraud", () => fraud.ConfirmAsync(id, flagId, new ReviewFraudFlagRequest(note, version), ct), ct);

    // ---- close -----------------------------------------------------------------------------------

    public Task<IActionResult> OnPostCloseAsync(Guid id, string? archiveNumber, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "close", () => close.CloseAsync(id, new CloseClaimRequest(archiveNumber, version), ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Handle, "close", () => close.WithdrawAsync(id, new WithdrawClaimRequest(reason, null, version), ct), ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, string? reason, long? version, CancellationToken ct) =>
        DoAsync(id, Permissions.Claims.Reopen, "close", () => close.ReopenAsync(id, new ReopenClaimRequest(reason, version), ct), ct);

    // ---- vendors (CLM-09) -------------------------------------------------------------------------

    public Task<IActionResult> OnPostServiceRequestAsync(Guid id, Guid? vendorId, string? description, CancellationToken ct) =>
        DoServiceAsync(id, Permissions.Claims.Handle, () => services.CreateAsync(id, new CreateServiceRequest(vendorId, description), ct), ct);

    /// <summary>One step of a service request: <paramref name="step"/> names it (quote, service-done, invoice, vendor-message, accept-quote, reject-quote, cancel, reply, acknowledge).</summary>
    public Task<IActionResult> OnPostServiceStepAsync(Guid id, Guid requestId, string? step, decimal? amount, string? invoiceNumber, string? text, long? version,
        CancellationToken ct) => step switch
    {
        "quote" => DoServiceAsync(id, Permissions.Vendors.Report, () => services.QuoteAsync(requestId, new VendorAmountRequest(amount, text, null, version), ct), ct),
        "service-done" => DoServiceAsync(id, Permissions.Vendors.Report, () => services.ServiceDoneAsync(requestId, new ServiceTextRequest(text, version), ct), ct),
        "invoice" => DoServiceAsync(id, Permissions.Vendors.Report,
            () => services.InvoiceAsync(requestId, new VendorAmountRequest(amount, null, invoiceNumber, version), ct), ct),
        "vendor-message" => DoServiceAsync(id, Permissions.Vendors.Report, () => services.VendorMessageAsync(requestId, new ServiceTextRequest(text, version), ct), ct),
        "accept-quote" => DoServiceAsync(id, Permissions.Claims.Handle, () => services.AcceptQuoteAsync(requestId, new ServiceTextRequest(null, version), ct), ct),
        "reject-quote" => DoServiceAsync(id, Permissions.Claims.Handle, () => services.RejectQuoteAsync(requestId, new ServiceTextRequest(text, version), ct), ct),
        "cancel" => DoServiceAsync(id, Permissions.Claims.Handle, () => services.CancelAsync(requestId, new ServiceTextRequest(text, version), ct), ct),
        "reply" => DoServiceAsync(id, Permissions.Claims.Handle, () => services.ReplyAsync(requestId, new ServiceTextRequest(text, version), ct), ct),
        "acknowledge" => DoServiceAsync(id, Permissions.Claims.Handle, () => services.AcknowledgeAsync(requestId, new ServiceTextRequest(null, version), ct), ct),
        _ => Task.FromResult<IActionResult>(BadRequest()),
    };

    private async Task<IActionResult> DoServiceAsync(Guid id, string permission, Func<Task<Result<ServiceRequestView>>> step, CancellationToken ct)
    {
        if (!me.Has(permission))
        {
            return Forbid();
        }

        var result = await step();
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.IsOk)
        {
            Message = Text["Claim.Done.vendors"];
            return Redirect($"/claims/{id}#vendors");
        }

        ModelState.Clear();
        result.AddTo(ModelState, Text, "vendors");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /// <summary>Checks the permission, runs the step, and shows the claim again: at the section on success, with the errors otherwise.</summary>
    private async Task<IActionResult> DoAsync(Guid id, string permission, string section, Func<Task<Result<ClaimDetail>>> step, CancellationToken ct)
    {
        if (!me.Has(permission))
        {
            return Forbid();
        }

        var result = await step();
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.IsOk)
        {
            Message = Text["Claim.Done." + section];
            return Redirect($"/claims/{id}#{section}");
        }

        ModelState.Clear();
        result.AddTo(ModelState, Text, section);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } claim)
        {
            return false;
        }

        Claim = claim;
        Timeline = await timeline.HandleAsync(id, ct) ?? [];
        Vendors = CanHandle && !claim.IsClosed ? await vendors.ActiveAsync(ct) : [];
        if (Cov.Count == 0)
        {
            Cov = DefaultRows();
        }

        return true;
    }

    /// <summary>
    /// One row per policy coverage, with its terms; the surveyor's assessed loss (CC-04) is offered as the
    /// first coverage's assessed loss, and the handler changes or adds the others.
    /// </summary>
    private List<CoverageRow> DefaultRows()
    {
        List<CoverageRow> rows = Claim.Policy is { } policy && policy.Coverages.Count > 0
            ? policy.Coverages.Select(c => new CoverageRow
            {
                Coverage = c.Code,
                Name = c.Name,
                SumInsured = c.SumInsured,
                DeductibleAmount = c.Deductible == 0m ? null : c.Deductible,
                DeductiblePercent = c.DeductibleRate,
                PerEventLimit = c.PerEventLimit,
            }).ToList()
            : [new CoverageRow()];
        rows[0].AssessedLoss = Claim.Assessment?.AssessedLoss;
        return rows;
    }

    private List<CoverageInput> Inputs() => Cov
        .Where(r => r.AssessedLoss is not null)
        .Select(r => new CoverageInput(r.Coverage, r.AssessedLoss, r.DeductibleAmount, r.DeductiblePercent, r.Combination, r.SumInsured, r.PaidBefore,
            r.PerEventLimit, r.InsuredValue, r.LiabilitySharePercent))
        .ToList();

    private static List<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static DateTimeOffset? Beijing(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Unspecified), TimeSpan.FromHours(8)) : null;

    public sealed class CoverageRow
    {
        public string? Coverage { get; set; }

        public string? Name { get; set; }

        public decimal? AssessedLoss { get; set; }

        public decimal? DeductibleAmount { get; set; }

        public decimal? DeductiblePercent { get; set; }

        public DeductibleCombination? Combination { get; set; }

        public decimal? SumInsured { get; set; }

        public decimal? PaidBefore { get; set; }

        public decimal? PerEventLimit { get; set; }

        public decimal? InsuredValue { get; set; }

        public decimal? LiabilitySharePercent { get; set; }
    }
}
