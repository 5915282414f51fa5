using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Domain.Messaging;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Cases;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

/// <summary>
/// Opens a claim (CLM-01): from a case (<see cref="CaseId"/>: line, insurer, policy, loss and report
/// times and claimant come from the case; the claimant may be named differently), or at the counter
/// (the fields given here).
/// </summary>
public sealed record OpenClaimRequest(
    Guid? CaseId = null,
    ProductLine? Line = null,
    string? InsurerCode = null,
    string? PolicyNumber = null,
    string? ClaimantName = null,
    string? ClaimantMobile = null,
    DateTimeOffset? LossAt = null,
    DateTimeOffset? ReportedAt = null,
    DateTimeOffset? ClaimedAt = null,
    DateTimeOffset? KnewOfLossAt = null,
    string? InsuredObject = null,
    bool Injuries = false,
    Guid? HandlerStaffId = null);

/// <summary>A case as the "open claim" form shows it (masked), and the open claim it already has, if any.</summary>
public sealed record CasePreview(Guid Id, string Number, ProductLine Line, string? InsurerCode, string? PolicyNumber, bool PolicyVerified,
    string ReporterName, string ReporterMobile, string? Plate, DateTimeOffset LossAt, DateTimeOffset ReportedAt, string LossPlace, string Description,
    bool Injuries, Guid? OpenClaimId);

/// <summary>
/// Opens the claim with its number at once, gives the claimant the checklist for the insurer and
/// line (and the process) by SMS, starts the statutory decision and advance-payment clocks, flags a
/// late report (art. 21) and a claim after the limitation period (art. 26), runs the fraud rules that
/// need no payment data, and writes the audit event — in one transaction.
/// </summary>
public sealed class OpenClaimHandler(AnxinDbContext db, CurrentUser me, IBusinessNumberGenerator numbers, ServiceClocks clocks,
    GetRequiredDocumentsHandler checklists, GetClaimHandler details, ICalendarProvider calendars, IConfiguration config, TimeProvider time)
{
    public async Task<Result<ClaimDetail>> HandleAsync(OpenClaimRequest request, CancellationToken ct)
    {
        if (me.StaffId is not { } actingStaffId)
        {
            return Result<ClaimDetail>.Fail(Result.Forbidden());
        }

        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        var source = request.CaseId is { } caseId ? await FromCaseAsync(caseId, request, errors, ct) : await AtCounterAsync(request, errors, ct);
        if (source is { Conflict: { } conflict })
        {
            return Result<ClaimDetail>.Conflict(conflict);
        }

        var handlerId = request.HandlerStaffId ?? actingStaffId;
        var handler = await db.Staff.AsNoTracking().Where(s => s.Id == handlerId && s.IsActive).Select(s => new { s.Id, s.OrgNodeId }).FirstOrDefaultAsync(ct);
        if (handler is null)
        {
            errors.Add(nameof(request.HandlerStaffId), "Claim.UnknownHandler");
        }

        if (errors.Any || source is null || handler is null)
        {
            return Result<ClaimDetail>.Invalid(errors.All);
        }

        var node = await db.OrgNodes.IgnoreQueryFilters().SingleAsync(n => n.Id == handler.OrgNodeId, ct);
        var calendar = await calendars.ForNodeAsync(node.Path, ct);
        Claim claim;
        IReadOnlyList<FraudFlag> flags;
        RequiredDocumentItems checklist;
        try
        {
            claim = Claim.Open(new ClaimIntake
            {
                Number = await numbers.NextAsync(Claim.NumberPrefix, ct),
                Line = source.Line,
                ClaimantName = source.ClaimantName,
                ClaimantMobile = source.ClaimantMobile,
                LossAt = source.LossAt,
                ReportedAt = source.ReportedAt,
                ClaimedAt = request.ClaimedAt ?? now,
                KnewOfLossAt = request.KnewOfLossAt,
                HandlerStaffId = handler.Id,
                CaseId = source.CaseId,
                PolicyId = source.Policy?.Id,
                InsurerId = source.InsurerId,
                InsuredObject = source.InsuredObject,
            }, node, now, calendar, ClaimSettings.Create(config.GetValue("Claims:LateReportDays", ClaimSettings.Default.LateReportDays)));
            if (source.Policy is { } policy && source.PolicyVerified)
            {
                claim.VerifyPolicy(policy.Id, source.InsurerId, actingStaffId, now);
            }

            checklist = await checklists.ForAsync(source.InsurerId, source.Line, source.Injuries, ct);
            if (checklist.Zh.Count > 0)
            {
                claim.RequireDocuments(checklist.Zh.Select(DocumentCodes.Requirement), now);
            }

            flags = claim.RaiseFraudFlags(FraudRules.Evaluate(Facts(claim, source.Policy?.StartsAt), await OtherClaimsAsync(claim, ct)), now);
        }
        catch (DomainException e)
        {
            return Result<ClaimDetail>.From(e);
        }

        db.Claims.Add(claim);
        await ClaimClocks.ApplyAsync(clocks, claim, ct);
        db.Outbox.Add(OutboxMessage.Create(MessageChannel.Sms, claim.ClaimantMobile, "Claim.Opened", JsonSerializer.Serialize(new
        {
            claimNumber = claim.Number,
            documents = string.Join("、", checklist.Zh),
            hotline = config["Service:Hotline"] ?? "95500",
        }), node.Id, node.Path, now));
        var flagged = (claim.IsLateReport ? " · 报案迟延 late report" : string.Empty) + (claim.FiledAfterLimitation ? " · 超过诉讼时效 after limitation" : string.Empty);
        db.AddAuditEvent("ClaimOpened", nameof(Claim), claim.Id, $"{claim.Number}{(source.CaseNumber is { } n ? " ← " + n : string.Empty)}{flagged}",
            claim.OrgPath, now);
        foreach (var flag in flags)
        {
            db.AddAuditEvent("FraudFlagRaised", nameof(Claim), claim.Id, $"{flag.RuleCode} {flag.Detail}", claim.OrgPath, now);
        }

        await db.SaveChangesAsync(ct);
        return await details.DescribeAsync(claim, ct);
    }

    /// <summary>What the "open claim" form shows of a case the user may open a claim on; null otherwise.</summary>
    public async Task<CasePreview?> PreviewCaseAsync(Guid caseId, CancellationToken ct)
    {
        var @case = await db.Cases.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null || !await MayWorkOnAsync(@case.OrgPath, ct))
        {
            return null;
        }

        var insurer = @case.InsurerId is { } insurerId ? await db.Insurers.Where(i => i.Id == insurerId).Select(i => i.Code).FirstOrDefaultAsync(ct) : null;
        var open = await db.Claims.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName])
            .Where(c => c.CaseId == caseId && c.Status != ClaimStatus.Closed).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return new CasePreview(@case.Id, @case.Number, @case.Line, insurer, @case.PolicyNumber, @case.PolicyVerified, Masking.Name(@case.ReporterName),
            Masking.Mobile(@case.ReporterMobile), @case.Plate, @case.LossAt, @case.ReportedAt, @case.LossPlace, @case.Description, @case.Injuries, open);
    }

    private static ClaimFacts Facts(Claim claim, DateTimeOffset? coverStartsAt) =>
        new(claim.Id, claim.Number, claim.ClaimantMobile, claim.InsuredObject, null, claim.LossAt, coverStartsAt);

    /// <summary>Earlier claims on the same insured object, wherever they are handled (the insurer partition still applies).</summary>
    private async Task<IReadOnlyList<ClaimFacts>> OtherClaimsAsync(Claim claim, CancellationToken ct)
    {
        if (claim.InsuredObject is not { } insured)
        {
            return [];
        }

        var rows = await db.Claims.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking()
            .Where(c => c.InsuredObject == insured)
            .Select(c => new { c.Id, c.Number, c.ClaimantMobile, c.InsuredObject, c.LossAt })
            .Take(200)
            .ToListAsync(ct);
        return rows.Select(r => new ClaimFacts(r.Id, r.Number, r.ClaimantMobile, r.InsuredObject, null, r.LossAt, null)).ToList();
    }

    private async Task<Source?> FromCaseAsync(Guid caseId, OpenClaimRequest request, FieldErrors errors, CancellationToken ct)
    {
        // Claims staff work the cases of their branch, whoever took the report: the case is read outside the
        // organisation scope (never outside the insurer partition) and then checked against the branch.
        var @case = await db.Cases.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null || !await MayWorkOnAsync(@case.OrgPath, ct))
        {
            errors.Add(nameof(request.CaseId), "Claim.CaseNotFound");
            return null;
        }

        if (@case.Status == Domain.Cases.CaseStatus.Cancelled)
        {
            errors.Add(nameof(request.CaseId), "Claim.CaseCancelled");
            return null;
        }

        if (await db.Claims.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AnyAsync(c => c.CaseId == caseId && c.Status != ClaimStatus.Closed, ct))
        {
            return new Source { Conflict = "Claim.CaseHasClaim" };
        }

        var mobile = errors.Optional(nameof(request.ClaimantMobile), request.ClaimantMobile, MobileNumber.Create)
            ?? MobileNumber.Create(@case.ReporterMobile).Value;
        var policy = @case.PolicyId is { } policyId
            ? await db.Policies.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().SingleOrDefaultAsync(p => p.Id == policyId, ct)
            : null;
        return new Source
        {
            CaseId = @case.Id,
            CaseNumber = @case.Number,
            Line = @case.Line,
            InsurerId = @case.InsurerId,
            Policy = policy,
            PolicyVerified = @case.PolicyVerified,
            ClaimantName = string.IsNullOrWhiteSpace(request.ClaimantName) ? @case.ReporterName : request.ClaimantName,
            ClaimantMobile = mobile ?? MobileNumber.Create(@case.ReporterMobile).Value,
            LossAt = @case.LossAt,
            ReportedAt = @case.ReportedAt,
            InsuredObject = string.IsNullOrWhiteSpace(request.InsuredObject) ? @case.Plate ?? policy?.Plate ?? policy?.ObjectAddress : request.InsuredObject,
            Injuries = @case.Injuries || request.Injuries,
        };
    }

    private async Task<Source?> AtCounterAsync(OpenClaimRequest request, FieldErrors errors, CancellationToken ct)
    {
        if (request.Line is not { } line || !Enum.IsDefined(line))
        {
            errors.Add(nameof(request.Line), ValidationCodes.Required);
        }

        errors.Required(nameof(request.ClaimantName), request.ClaimantName);
        errors.Required(nameof(request.ClaimantMobile), request.ClaimantMobile);
        var mobile = errors.Optional(nameof(request.ClaimantMobile), request.ClaimantMobile, MobileNumber.Create);
        if (request.LossAt is null)
        {
            errors.Add(nameof(request.LossAt), ValidationCodes.Required);
        }

        var insurerId = await ResolveInsurerAsync(request.InsurerCode, errors, ct);
        if (errors.Any || mobile is null)
        {
            return null;
        }

        Policy? policy = null;
        if (!string.IsNullOrWhiteSpace(request.PolicyNumber))
        {
            var number = request.PolicyNumber.Trim().ToUpperInvariant();
            policy = await db.Policies.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking()
                .FirstOrDefaultAsync(p => p.InsurerId == insurerId && p.Number == number, ct);
        }

        return new Source
        {
            Line = policy?.Line ?? request.Line!.Value,
            InsurerId = insurerId,
            Policy = policy,
            PolicyVerified = policy is not null,
            ClaimantName = request.ClaimantName!,
            ClaimantMobile = mobile,
            LossAt = request.LossAt!.Value,
            ReportedAt = request.ReportedAt ?? request.ClaimedAt ?? time.GetUtcNow(),
            InsuredObject = string.IsNullOrWhiteSpace(request.InsuredObject) ? policy?.Plate ?? policy?.ObjectAddress : request.InsuredObject,
            Injuries = request.Injuries,
        };
    }

    /// <summary>Inside the user's scope, or inside the branch (second level of the tree) the user works in.</summary>
    private async Task<bool> MayWorkOnAsync(string orgPath, CancellationToken ct)
    {
        if (me.CanSee(orgPath))
        {
            return true;
        }

        var own = me.OrgNodeId is { } nodeId ? await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == nodeId).Select(n => n.Path).FirstOrDefaultAsync(ct) : null;
        var branch = own is null ? null : OrgChain.Prefixes(own).Take(2).LastOrDefault();
        return branch is not null && orgPath.StartsWith(branch, StringComparison.Ordinal);
    }

    private async Task<Guid?> ResolveInsurerAsync(string? code, FieldErrors errors, CancellationToken ct)
    {
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
        Guid? byCode = null;
        if (code is not null)
        {
            byCode = await db.Insurers.Where(i => i.Code == code && i.IsActive).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            if (byCode is null)
            {
                errors.Add(nameof(OpenClaimRequest.InsurerCode), "Case.UnknownInsurer");
            }
        }

        if (me.InsurerScope is { } own)
        {
            if (byCode is not null && byCode != own)
            {
                errors.Add(nameof(OpenClaimRequest.InsurerCode), "Case.OtherInsurer");
            }

            return own;
        }

        return byCode;
    }

    private sealed class Source
    {
        public string? Conflict { get; init; }

        public Guid? CaseId { get; init; }

        public string? CaseNumber { get; init; }

        public ProductLine Line { get; init; }

        public Guid? InsurerId { get; init; }

        public Policy? Policy { get; init; }

        public bool PolicyVerified { get; init; }

        public string ClaimantName { get; init; } = string.Empty;

        public MobileNumber ClaimantMobile { get; init; } = null!;

        public DateTimeOffset LossAt { get; init; }

        public DateTimeOffset ReportedAt { get; init; }

        public string? InsuredObject { get; init; }

        public bool Injuries { get; init; }
    }
}
