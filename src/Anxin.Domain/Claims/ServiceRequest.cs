using Anxin.Domain.Common;

namespace Anxin.Domain.Claims;

/// <summary>Where a vendor's service request stands (CLM-09): quote → service → invoice.</summary>
public enum ServiceRequestStatus
{
    /// <summary>Sent to the vendor, waiting for a quote.</summary>
    Requested = 1,

    /// <summary>The vendor quoted; the handler accepts or rejects it.</summary>
    Quoted = 2,

    /// <summary>The quote is accepted: the vendor may do the work.</summary>
    Authorised = 3,

    /// <summary>The vendor reports the work done.</summary>
    ServiceDone = 4,

    /// <summary>The vendor's invoice is in; the request is finished.</summary>
    Invoiced = 5,

    Cancelled = 6,
}

/// <summary>One step or message in a service request's history.</summary>
public enum ServiceStepKind
{
    Requested = 1,
    Quoted = 2,
    QuoteAccepted = 3,
    QuoteRejected = 4,
    ServiceDone = 5,
    Invoiced = 6,
    Cancelled = 7,
    VendorMessage = 8,
    HandlerMessage = 9,
    Acknowledged = 10,
}

/// <summary>A step of a service request: who (the vendor, or a member of staff), what, and the amount when there is one.</summary>
public sealed class ServiceRequestStep
{
    private ServiceRequestStep()
    {
    }

    public Guid Id { get; private set; }

    public Guid ServiceRequestId { get; private set; }

    public ServiceStepKind Kind { get; private set; }

    public bool FromVendor { get; private set; }

    public string? Text { get; private set; }

    public decimal? Amount { get; private set; }

    /// <summary>Who recorded it (a claims handler taking a vendor's call, or the vendor system's key holder).</summary>
    public Guid? RecordedBy { get; private set; }

    public DateTimeOffset At { get; private set; }

    internal static ServiceRequestStep Create(Guid requestId, ServiceStepKind kind, bool fromVendor, string? text, decimal? amount, Guid? by,
        DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        ServiceRequestId = requestId,
        Kind = kind,
        FromVendor = fromVendor,
        Text = text,
        Amount = amount,
        RecordedBy = by,
        At = at,
    };
}

/// <summary>
/// A claim's service request to a vendor (CLM-09): a repair, a tow or an appraisal, moving quote →
/// service → invoice. Every step the vendor takes (a quote, the work done, an invoice, a message) is a
/// task for the claim's handler (<see cref="AwaitingHandler"/>) until the handler acts on it.
/// <para>Legal moves: Requested → Quoted (a new quote replaces the last) → Authorised (quote accepted) or back to
/// Requested (rejected) → ServiceDone → Invoiced (not above the accepted quote); Requested/Quoted/Authorised → Cancelled.</para>
/// </summary>
public sealed class ServiceRequest : IVersioned, IOrgOwned, IInsurerOwned, IAudited, IHasTimestamps
{
    public const int MaxTextLength = 1000;
    public const int MaxInvoiceNumberLength = 40;

    private readonly List<ServiceRequestStep> _steps = [];

    private ServiceRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    public string ClaimNumber { get; private set; } = string.Empty;

    public Guid VendorId { get; private set; }

    public string VendorName { get; private set; } = string.Empty;

    public VendorKind Kind { get; private set; }

    public string Description { get; private set; } = string.Empty;

    /// <summary>The claim's handler, whose task each vendor step is.</summary>
    public Guid HandlerStaffId { get; private set; }

    public Guid? InsurerId { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public ServiceRequestStatus Status { get; private set; }

    public decimal? QuotedAmount { get; private set; }

    public decimal? InvoicedAmount { get; private set; }

    public string? InvoiceNumber { get; private set; }

    /// <summary>A vendor step or message waits for the handler.</summary>
    public bool AwaitingHandler { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<ServiceRequestStep> Steps => _steps;

    public bool IsOpen => Status is ServiceRequestStatus.Requested or ServiceRequestStatus.Quoted or ServiceRequestStatus.Authorised
        or ServiceRequestStatus.ServiceDone;

    public static ServiceRequest Create(Claim claim, Vendor vendor, string? description, Guid by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(vendor);
        if (claim.Status == ClaimStatus.Closed)
        {
            throw new DomainException("Claim.Closed");
        }

        if (!vendor.IsActive)
        {
            throw new DomainException("Claim.Service.VendorInactive", nameof(VendorId));
        }

        var request = new ServiceRequest
        {
            Id = Guid.CreateVersion7(),
            ClaimId = claim.Id,
            ClaimNumber = claim.Number,
            VendorId = vendor.Id,
            VendorName = vendor.Name,
            Kind = vendor.Kind,
            Description = DomainText.Required(description, MaxTextLength, nameof(Description)),
            HandlerStaffId = claim.HandlerStaffId,
            InsurerId = claim.InsurerId,
            OrgNodeId = claim.OrgNodeId,
            OrgPath = claim.OrgPath,
            Status = ServiceRequestStatus.Requested,
            RequestedAt = at,
        };
        request.Add(ServiceStepKind.Requested, false, request.Description, null, by, at);
        return request;
    }

    /// <summary>The vendor's quote; a new quote before acceptance replaces the last one.</summary>
    public void Quote(Money amount, string? note, Guid? by, DateTimeOffset at)
    {
        Expect("Claim.Service.NotAwaitingQuote", ServiceRequestStatus.Requested, ServiceRequestStatus.Quoted);
        if (amount.Amount <= 0m)
        {
            throw new DomainException("Claim.Service.AmountPositive", nameof(QuotedAmount));
        }

        QuotedAmount = amount.Amount;
        Status = ServiceRequestStatus.Quoted;
        FromVendorStep(ServiceStepKind.Quoted, note, amount.Amount, by, at);
    }

    public void AcceptQuote(Guid by, DateTimeOffset at)
    {
        Expect("Claim.Service.NoQuote", ServiceRequestStatus.Quoted);
        Status = ServiceRequestStatus.Authorised;
        HandlerStep(ServiceStepKind.QuoteAccepted, null, QuotedAmount, by, at);
    }

    /// <summary>Back to the vendor for a new quote, with the reason.</summary>
    public void RejectQuote(string? reason, Guid by, DateTimeOffset at)
    {
        Expect("Claim.Service.NoQuote", ServiceRequestStatus.Quoted);
        var text = DomainText.Required(reason, MaxTextLength, "Reason");
        Status = ServiceRequestStatus.Requested;
        HandlerStep(ServiceStepKind.QuoteRejected, text, QuotedAmount, by, at);
    }

    public void ReportServiceDone(string? note, Guid? by, DateTimeOffset at)
    {
        Expect("Claim.Service.NotAuthorised", ServiceRequestStatus.Authorised);
        Status = ServiceRequestStatus.ServiceDone;
        FromVendorStep(ServiceStepKind.ServiceDone, note, null, by, at);
    }

    /// <summary>The invoice, after the work, never above the accepted quote (a dearer job needs a new request).</summary>
    public void Invoice(string? invoiceNumber, Money amount, Guid? by, DateTimeOffset at)
    {
        Expect("Claim.Service.NotDone", ServiceRequestStatus.ServiceDone);
        var number = DomainText.Required(invoiceNumber, MaxInvoiceNumberLength, nameof(InvoiceNumber));
        if (amount.Amount <= 0m)
        {
            throw new DomainException("Claim.Service.AmountPositive", nameof(InvoicedAmount));
        }

        if (amount.Amount > QuotedAmount)
        {
            throw new DomainException("Claim.Service.InvoiceAboveQuote", nameof(InvoicedAmount));
        }

        InvoiceNumber = number;
        InvoicedAmount = amount.Amount;
        Status = ServiceRequestStatus.Invoiced;
        FromVendorStep(ServiceStepKind.Invoiced, number, amount.Amount, by, at);
    }

    public void Cancel(string? reason, Guid by, DateTimeOffset at)
    {
        Expect("Claim.Service.CannotCancel", ServiceRequestStatus.Requested, ServiceRequestStatus.Quoted, ServiceRequestStatus.Authorised);
        var text = DomainText.Required(reason, MaxTextLength, "Reason");
        Status = ServiceRequestStatus.Cancelled;
        HandlerStep(ServiceStepKind.Cancelled, text, null, by, at);
    }

    public void AddVendorMessage(string? text, Guid? by, DateTimeOffset at)
    {
        EnsureNotCancelled();
        FromVendorStep(ServiceStepKind.VendorMessage, DomainText.Required(text, MaxTextLength, "Text"), null, by, at);
    }

    public void AddHandlerMessage(string? text, Guid by, DateTimeOffset at)
    {
        EnsureNotCancelled();
        HandlerStep(ServiceStepKind.HandlerMessage, DomainText.Required(text, MaxTextLength, "Text"), null, by, at);
    }

    /// <summary>The handler has seen the vendor's last step (a completion, an invoice, a message) and has nothing to decide.</summary>
    public void Acknowledge(Guid by, DateTimeOffset at)
    {
        if (!AwaitingHandler)
        {
            throw new DomainException("Claim.Service.NothingWaiting");
        }

        HandlerStep(ServiceStepKind.Acknowledged, null, null, by, at);
    }

    public void BumpVersion() => Version++;

    private void FromVendorStep(ServiceStepKind kind, string? text, decimal? amount, Guid? by, DateTimeOffset at)
    {
        Add(kind, true, DomainText.Optional(text, MaxTextLength, "Note"), amount, by, at);
        AwaitingHandler = true;
    }

    private void HandlerStep(ServiceStepKind kind, string? text, decimal? amount, Guid by, DateTimeOffset at)
    {
        Add(kind, false, text, amount, by, at);
        AwaitingHandler = false;
    }

    private void Add(ServiceStepKind kind, bool fromVendor, string? text, decimal? amount, Guid? by, DateTimeOffset at) =>
        _steps.Add(ServiceRequestStep.Create(Id, kind, fromVendor, text, amount, by, at));

    private void Expect(string code, params ServiceRequestStatus[] allowed)
    {
        EnsureNotCancelled();
        if (!allowed.Contains(Status))
        {
            throw new DomainException(code);
        }
    }

    private void EnsureNotCancelled()
    {
        if (Status == ServiceRequestStatus.Cancelled)
        {
            throw new DomainException("Claim.Service.Cancelled");
        }
    }
}
