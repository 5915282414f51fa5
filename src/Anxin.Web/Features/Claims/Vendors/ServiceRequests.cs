using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

public sealed record ServiceStepView(ServiceStepKind Kind, bool FromVendor, string? Text, decimal? Amount, string? RecordedBy, DateTimeOffset At);

public sealed record ServiceRequestView(Guid Id, Guid ClaimId, string ClaimNumber, Guid VendorId, string VendorName, VendorKind Kind, string Description,
    ServiceRequestStatus Status, decimal? QuotedAmount, decimal? InvoicedAmount, string? InvoiceNumber, bool AwaitingHandler, DateTimeOffset RequestedAt,
    IReadOnlyList<ServiceStepView> Steps, long Version);

public sealed record CreateServiceRequest(Guid? VendorId, string? Description);

/// <summary>A vendor's quote or invoice: the amount in yuan (two decimals at most); the invoice also has its number.</summary>
public sealed record VendorAmountRequest(decimal? Amount, string? Note = null, string? InvoiceNumber = null, long? Version = null);

/// <summary>A message, a reason, or nothing but the version.</summary>
public sealed record ServiceTextRequest(string? Text = null, long? Version = null);

/// <summary>
/// Service requests to vendors on a claim (CLM-09): the handler sends one, the vendor quotes, the
/// handler accepts or rejects the quote, the vendor reports the work done and invoices. Every vendor
/// step or message is a task for the claim's handler: the request waits for them (their work queue and
/// home tile count it), the step goes on the claim's timeline, and they get an in-app notice (unless
/// they recorded it themselves, taking the vendor's call). Handler steps need <c>Claims.Handle</c>,
/// vendor steps <c>Vendors.Report</c>; a stale version is 409.
/// </summary>
public sealed class ServiceRequestsHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    /// <summary>The claim's service requests; null when the caller cannot see the claim (404, not an empty list).</summary>
    public async Task<IReadOnlyList<ServiceRequestView>?> ForVisibleClaimAsync(Guid claimId, CancellationToken ct) =>
        await db.Claims.AnyAsync(c => c.Id == claimId, ct) ? await ForClaimAsync(claimId, ct) : null;

    public async Task<IReadOnlyList<ServiceRequestView>> ForClaimAsync(Guid claimId, CancellationToken ct) =>
        await DescribeAsync(await db.ServiceRequests.AsNoTracking().Include(r => r.Steps).Where(r => r.ClaimId == claimId)
            .OrderBy(r => r.RequestedAt).ToListAsync(ct), ct);

    public async Task<Result<ServiceRequestView>> CreateAsync(Guid claimId, CreateServiceRequest request, CancellationToken ct)
    {
        if (me.StaffId is not { } staffId)
        {
            return Result<ServiceRequestView>.Fail(Result.Forbidden());
        }

        var claim = await db.Claims.AsNoTracking().SingleOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null)
        {
            return Result<ServiceRequestView>.NotFound();
        }

        var vendor = request.VendorId is { } vendorId ? await db.Vendors.AsNoTracking().SingleOrDefaultAsync(v => v.Id == vendorId, ct) : null;
        if (vendor is null)
        {
            return Result<ServiceRequestView>.Invalid(nameof(request.VendorId), request.VendorId is null ? ValidationCodes.Required : "Claim.Service.UnknownVendor");
        }

        var now = time.GetUtcNow();
        ServiceRequest created;
        try
        {
            created = ServiceRequest.Create(claim, vendor, request.Description, staffId, now);
        }
        catch (DomainException e)
        {
            return e.Code == "Claim.Closed" ? Result<ServiceRequestView>.Conflict(e.Code) : Result<ServiceRequestView>.From(e);
        }

        db.ServiceRequests.Add(created);
        db.AddAuditEvent("Service.Requested", nameof(Claim), claim.Id, $"{vendor.Name}: {created.Description}", claim.OrgPath, now);
        await db.SaveChangesAsync(ct);
        return (await DescribeAsync([created], ct))[0];
    }

    public Task<Result<ServiceRequestView>> QuoteAsync(Guid id, VendorAmountRequest request, CancellationToken ct) =>
        WithAmount(request.Amount, nameof(request.Amount), out var amount) is { } invalid
            ? Task.FromResult(invalid)
            : ChangeAsync(id, request.Version, Permissions.Vendors.Report, (r, by, now) => r.Quote(amount, request.Note, by, now), ct);

    public Task<Result<ServiceRequestView>> ServiceDoneAsync(Guid id, ServiceTextRequest request, CancellationToken ct) =>
        ChangeAsync(id, request.Version, Permissions.Vendors.Report, (r, by, now) => r.ReportServiceDone(request.Text, by, now), ct);

    public Task<Result<ServiceRequestView>> InvoiceAsync(Guid id, VendorAmountRequest request, CancellationToken ct) =>
        WithAmount(request.Amount, nameof(request.Amount), out var amount) is { } invalid
            ? Task.FromResult(invalid)
            : ChangeAsync(id, request.Version, Permissions.Vendors.Report, (r, by, now) => r.Invoice(request.InvoiceNumber, amount, by, now), ct);

    public Task<Result<ServiceRequestView>> VendorMessageAsync(Guid id, ServiceTextRequest request, CancellationToken ct) =>
        ChangeAsync(id, request.Version, Permissions.Vendors.Report, (r, by, now) => r.AddVendorMessage(request.Text, by, now), ct);

    public Task<Result<ServiceRequestView>> AcceptQuoteAsync(Guid id, ServiceTextRequest request, CancellationToken ct) =>
        ChangeAsync(id, request.Version, Permissions.Claims.Handle, (r, by, now) => r.AcceptQuote(by!.Value, now), ct);

    public Task<Result<ServiceRequestView>> RejectQuoteAsync(Guid id, ServiceTextRequest request, CancellationToken ct) =>
        ChangeAsync(id, request.Version, Permissions.Claims.Handle, (r, by, now) => r.RejectQuote(request.Text, by!.Value, now), ct);

    public Task<Result<ServiceRequestView>> CancelAsync(Guid id, ServiceTextRequest request, CancellationToken ct) =>
        ChangeAsync(id, request.Version, Permissions.Claims.Handle, (r, by, now) => r.Cancel(request.Text, by!.Value, now), ct);

    public Task<Result<ServiceRequestView>> ReplyAsync(Guid id, ServiceTextRequest request, CancellationToken ct) =>
        ChangeAsync(id, request.Version, Permissions.Claims.Handle, (r, by, now) => r.AddHandlerMessage(request.Text, by!.Value, now), ct);

    public Task<Result<ServiceRequestView>> AcknowledgeAsync(Guid id, ServiceTextRequest request, CancellationToken ct) =>
        ChangeAsync(id, request.Version, Permissions.Claims.Handle, (r, by, now) => r.Acknowledge(by!.Value, now), ct);

    private static Result<ServiceRequestView>? WithAmount(decimal? value, string field, out Money amount)
    {
        amount = default;
        if (value is null)
        {
            return Result<ServiceRequestView>.Invalid(field, ValidationCodes.Required);
        }

        var money = Money.Create(value.Value);
        if (!money.IsValid)
        {
            return Result<ServiceRequestView>.Invalid(field, money.ErrorCode!);
        }

        amount = money.Value;
        return null;
    }

    private async Task<Result<ServiceRequestView>> ChangeAsync(Guid id, long? version, string permission, Action<ServiceRequest, Guid?, DateTimeOffset> change,
        CancellationToken ct)
    {
        // A vendor system's key may have no member of staff; a handler's step always has one.
        if (!me.Has(permission) || (permission == Permissions.Claims.Handle && me.StaffId is null))
        {
            return Result<ServiceRequestView>.Fail(Result.Forbidden());
        }

        var request = await db.ServiceRequests.Include(r => r.Steps).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Result<ServiceRequestView>.NotFound();
        }

        if (version is { } read && !db.IsAtVersion(request, read))
        {
            return Result<ServiceRequestView>.Conflict();
        }

        var now = time.GetUtcNow();
        var before = request.Steps.Count;
        try
        {
            change(request, me.StaffId, now);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return e.Field is null ? Result<ServiceRequestView>.Conflict(e.Code) : Result<ServiceRequestView>.From(Rename(e));
        }

        var step = request.Steps[^1];
        foreach (var added in request.Steps.Skip(before))
        {
            db.Entry(added).State = EntityState.Added;
        }

        var detail = Describe(request, step);
        db.AddAuditEvent("Service." + step.Kind, nameof(Claim), request.ClaimId, detail, request.OrgPath, now);
        if (step.FromVendor && me.StaffId != request.HandlerStaffId)
        {
            await StaffInbox.QueueAsync(db, request.HandlerStaffId, "Claim.VendorUpdate", new
            {
                claimId = request.ClaimId,
                claimNumber = request.ClaimNumber,
                vendor = request.VendorName,
                step = StepText(step.Kind),
                detail,
                link = $"/claims/{request.ClaimId}#vendors",
            }, request.OrgNodeId, request.OrgPath, now, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<ServiceRequestView>.Conflict();
        }

        return (await DescribeAsync([request], ct))[0];
    }

    /// <summary>The domain names the amounts after what they are; the API calls both "amount".</summary>
    private static DomainException Rename(DomainException e) => e.Field is nameof(ServiceRequest.QuotedAmount) or nameof(ServiceRequest.InvoicedAmount)
        ? new DomainException(e.Code, nameof(VendorAmountRequest.Amount))
        : e;

    private static string Describe(ServiceRequest request, ServiceRequestStep step) =>
        string.Join(" ", new[]
        {
            request.VendorName,
            step.Amount is { } amount ? amount.ToString("N2", CultureInfo.InvariantCulture) : null,
            step.Text,
        }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>The step in the notice (Chinese, like the other claim notices' parameters).</summary>
    private static string StepText(ServiceStepKind kind) => kind switch
    {
        ServiceStepKind.Quoted => "报价",
        ServiceStepKind.ServiceDone => "完工",
        ServiceStepKind.Invoiced => "开具发票",
        _ => "留言",
    };

    private async Task<List<ServiceRequestView>> DescribeAsync(IReadOnlyList<ServiceRequest> requests, CancellationToken ct)
    {
        var names = await StaffNames.LoadAsync(db, requests.SelectMany(r => r.Steps).Select(s => s.RecordedBy), ct);
        return requests.Select(r => new ServiceRequestView(r.Id, r.ClaimId, r.ClaimNumber, r.VendorId, r.VendorName, r.Kind, r.Description, r.Status,
            r.QuotedAmount, r.InvoicedAmount, r.InvoiceNumber, r.AwaitingHandler, r.RequestedAt,
            r.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new ServiceStepView(s.Kind, s.FromVendor, s.Text, s.Amount,
                s.RecordedBy is { } by ? names.GetValueOrDefault(by) : null, s.At)).ToList(),
            r.Version)).ToList();
    }
}
