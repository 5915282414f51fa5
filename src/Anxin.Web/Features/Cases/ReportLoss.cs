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
/// Registers a loss report and issues its case number at once (CC-03): validates every field,
/// finds the policy (by number, or for motor by plate) within the insurer's partition and checks
/// cover; a report on a policy that cannot be found is accepted unverified (CC-10). In the same
/// transaction: the dispatch clock starts, the reporter's SMS with the case number and the
/// required documents (CC-09) goes to the outbox, and the audit event is written.
/// </summary>
public sealed class ReportLossHandler(AnxinDbContext db, CurrentUser me, IBusinessNumberGenerator numbers, ServiceClocks clocks,
    GetRequiredDocumentsHandler documents, IConfiguration config, TimeProvider time)
{
    public const string SubjectType = "Case";

    public async Task<Result<CaseDetail>> HandleAsync(ReportLossRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        var report = LossReportValidation.Validate(request, me.IsApiKey ? IntakeChannel.Api : IntakeChannel.Phone, now, errors);
        var insurerId = await ResolveInsurerAsync(request.InsurerCode, errors, ct);
        var customerId = request.CustomerId;
        if (customerId is { } cid && !await db.Customers.AnyAsync(c => c.Id == cid, ct))
        {
            errors.Add(nameof(request.CustomerId), "Case.UnknownCustomer");
        }

        if (errors.Any || report is null)
        {
            return Result<CaseDetail>.Invalid(errors.All);
        }

        var node = me.OrgNodeId is { } nodeId ? await db.OrgNodes.IgnoreQueryFilters().SingleOrDefaultAsync(n => n.Id == nodeId, ct) : null;
        if (node is null)
        {
            return Result<CaseDetail>.Forbidden();
        }

        var policy = await FindPolicyAsync(insurerId.Value, report, ct);
        customerId ??= policy?.CustomerId ?? await FindCustomerByMobileAsync(report.ReporterMobile, ct);
        Case @case;
        try
        {
            @case = Case.Register(await numbers.NextAsync(Case.NumberPrefix, ct), report, policy, insurerId.Value, customerId, request.CallId,
                me.StaffId, node, now);
        }
        catch (DomainException e)
        {
            return Result<CaseDetail>.From(e);
        }

        db.Cases.Add(@case);
        await clocks.StartAsync(DefaultClockRules.DispatchSurveyor.Code, SubjectType, @case.Id.ToString(), node.Id, null, ct);
        var required = await documents.ForAsync(@case.InsurerId, @case.Line, @case.Injuries, ct);
        db.Outbox.Add(OutboxMessage.Create(MessageChannel.Sms, @case.ReporterMobile, "Case.Reported", JsonSerializer.Serialize(new
        {
            caseNumber = @case.Number,
            documents = string.Join("、", required.Zh),
            hotline = config["Service:Hotline"] ?? "95500",
        }), node.Id, node.Path, now));
        db.AddAuditEvent("CaseReported", nameof(Case), @case.Id,
            $"{@case.Number} {@case.Line} {@case.CoverageOutcome} policyVerified={@case.PolicyVerified}", @case.OrgPath, now);
        await db.SaveChangesAsync(ct);
        return await CaseDetail.LoadAsync(db, @case.Id, ct) is { } detail ? detail : Result<CaseDetail>.NotFound();
    }

    /// <summary>The insurer's own users and keys report for their insurer only; others name it by code, or report for us.</summary>
    private async Task<InsurerChoice> ResolveInsurerAsync(string? code, FieldErrors errors, CancellationToken ct)
    {
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
        Guid? byCode = null;
        if (code is not null)
        {
            byCode = await db.Insurers.Where(i => i.Code == code && i.IsActive).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            if (byCode is null)
            {
                errors.Add(nameof(ReportLossRequest.InsurerCode), "Case.UnknownInsurer");
            }
        }

        if (me.InsurerScope is { } own)
        {
            if (byCode is not null && byCode != own)
            {
                errors.Add(nameof(ReportLossRequest.InsurerCode), "Case.OtherInsurer");
            }

            return new InsurerChoice(own);
        }

        return new InsurerChoice(byCode);
    }

    /// <summary>
    /// The policy inside the insurer's partition, whatever organisation node owns it: an agent must
    /// be able to check any policy of the insurer. By number first; for motor, by plate in force at the loss time.
    /// </summary>
    private async Task<Policy?> FindPolicyAsync(Guid? insurerId, LossReport report, CancellationToken ct)
    {
        var policies = db.Policies.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).Where(p => p.InsurerId == insurerId);
        if (report.PolicyNumber is { } number)
        {
            var normalized = number.Trim().ToUpperInvariant();
            return await policies.FirstOrDefaultAsync(p => p.Number == normalized, ct);
        }

        if (report.Plate is { } plate)
        {
            var lossAt = report.LossAt;
            return await policies.Where(p => p.Plate == plate && p.StartsAt <= lossAt)
                .OrderByDescending(p => p.StartsAt).FirstOrDefaultAsync(ct);
        }

        return null;
    }

    private async Task<Guid?> FindCustomerByMobileAsync(string mobile, CancellationToken ct)
    {
        var matches = await db.Customers.Where(c => c.IsActive && (c.Mobile == mobile || c.Phone2 == mobile)).Select(c => c.Id).Take(2).ToListAsync(ct);
        return matches.Count == 1 ? matches[0] : null;
    }

    private readonly record struct InsurerChoice(Guid? Value);
}
