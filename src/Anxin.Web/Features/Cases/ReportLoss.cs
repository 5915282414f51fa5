using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Messaging;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

/// <summary>A loss report as the agent's form or an insurer's system sends it (CC-03).</summary>
public sealed record ReportLossRequest(
    string? InsurerCode = null,
    string? PolicyNumber = null,
    string? Plate = null,
    ProductLine? Line = null,
    string? ReporterName = null,
    string? ReporterMobile = null,
    string? ReporterIdNumber = null,
    string? ContactName = null,
    string? ContactMobile = null,
    DateTimeOffset? LossAt = null,
    string? LossPlace = null,
    double? Latitude = null,
    double? Longitude = null,
    Peril? Cause = null,
    string? Description = null,
    string? LossDescription = null,
    bool Injuries = false,
    string? InjuryDetails = null,
    string? ThirdParties = null,
    Guid? CallId = null,
    Guid? CustomerId = null);

/// <summary>
/// Registers a loss report and issues its case number at once (CC-03): validates every field
/// (and every attached photo), finds the policy (by number, or for motor by plate) within the
/// insurer's partition and checks cover; a report on a policy that cannot be found is accepted
/// unverified (CC-10). In the same transaction: the attachments, the dispatch clock, the
/// reporter's SMS with the case number and the required documents (CC-09), and the audit events.
/// A report naming a customer may leave the reporter's name and mobile blank: the customer's are used.
/// </summary>
public sealed class ReportLossHandler(AnxinDbContext db, CurrentUser me, IBusinessNumberGenerator numbers, ServiceClocks clocks,
    GetRequiredDocumentsHandler documents, IConfiguration config, TimeProvider time)
{
    public const string SubjectType = "Case";

    public async Task<Result<CaseDetail>> HandleAsync(ReportLossRequest request, CancellationToken ct,
        IReadOnlyList<AttachmentUpload>? attachments = null)
    {
        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        var customerId = request.CustomerId;
        if (customerId is { } cid)
        {
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == cid).Select(c => new { c.Name, c.Mobile }).SingleOrDefaultAsync(ct);
            if (customer is null)
            {
                errors.Add(nameof(request.CustomerId), "Case.UnknownCustomer");
            }
            else
            {
                request = request with
                {
                    ReporterName = string.IsNullOrWhiteSpace(request.ReporterName) ? customer.Name : request.ReporterName,
                    ReporterMobile = string.IsNullOrWhiteSpace(request.ReporterMobile) ? customer.Mobile : request.ReporterMobile,
                };
            }
        }

        var report = LossReportValidation.Validate(request, me.IsApiKey ? IntakeChannel.Api : IntakeChannel.Phone, now, errors);
        var insurerId = await PolicyLookup.ResolveInsurerAsync(db, me.InsurerScope, request.InsurerCode, errors, nameof(request.InsurerCode), ct);
        var files = await AttachmentUploads.ReadAsync(attachments ?? [], errors, ct);
        if (errors.Any || report is null)
        {
            return Result<CaseDetail>.Invalid(errors.All);
        }

        var node = me.OrgNodeId is { } nodeId ? await db.OrgNodes.IgnoreQueryFilters().SingleOrDefaultAsync(n => n.Id == nodeId, ct) : null;
        if (node is null)
        {
            return Result<CaseDetail>.Forbidden();
        }

        var policy = await PolicyLookup.FindAsync(db, insurerId, report.PolicyNumber, report.Plate, report.LossAt, ct);
        customerId ??= policy?.CustomerId ?? await FindCustomerByMobileAsync(report.ReporterMobile, ct);
        Case @case;
        try
        {
            @case = Case.Register(await numbers.NextAsync(Case.NumberPrefix, ct), report, policy, insurerId, customerId, request.CallId,
                me.StaffId, node, now);
            db.CaseAttachments.AddRange(files.Select(f => CaseAttachment.Create(@case, AttachmentKind.Intake, f.FileName, f.Content, me.StaffId)));
        }
        catch (DomainException e)
        {
            return Result<CaseDetail>.From(e);
        }

        db.Cases.Add(@case);
        if (request.CallId is { } callId && await db.Calls.FirstOrDefaultAsync(c => c.Id == callId, ct) is { } call)
        {
            // The call the report came in on now shows the case, and the case timeline shows the call (CC-01).
            call.LinkCase(@case.Id);
        }

        await clocks.StartAsync(DefaultClockRules.DispatchSurveyor.Code, SubjectType, @case.Id.ToString(), node.Id, null, ct);
        var required = await documents.ForAsync(@case.InsurerId, @case.Line, @case.Injuries, ct);
        db.AddAuditEvent("CaseReported", nameof(Case), @case.Id,
            $"{@case.Number} {@case.Line} {@case.CoverageOutcome} policyVerified={@case.PolicyVerified}", @case.OrgPath, now);
        CaseMessages.Queue(db, @case, OutboxMessage.Create(MessageChannel.Sms, @case.ReporterMobile, "Case.Reported", JsonSerializer.Serialize(new
        {
            caseNumber = @case.Number,
            documents = string.Join("、", required.Zh),
            hotline = config["Service:Hotline"] ?? "95500",
        }), node.Id, node.Path, now), now);
        await db.SaveChangesAsync(ct);
        return await CaseDetail.LoadAsync(db, @case.Id, ct) is { } detail ? detail : Result<CaseDetail>.NotFound();
    }

    private async Task<Guid?> FindCustomerByMobileAsync(string mobile, CancellationToken ct)
    {
        var matches = await db.Customers.Where(c => c.IsActive && (c.Mobile == mobile || c.Phone2 == mobile)).Select(c => c.Id).Take(2).ToListAsync(ct);
        return matches.Count == 1 ? matches[0] : null;
    }
}
