using System.Text.Json;
using Anxin.Data;
using Anxin.Data.Interceptors;
using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Messaging;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Data;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
/// required documents (CC-09) goes to the outbox, the audit rows (the event and every field, as
/// the save pipeline writes them) and, with an Idempotency-Key, the completed idempotency record.
/// <para>
/// Intake is the busiest write of the system, so the rows are not saved here: they go to the
/// node's <see cref="GroupCommitWriter"/>, which commits many reports per transaction; this
/// method returns only after that commit. Reference data (insurers, the node, the clock rule and
/// calendar, the documents list) comes from a short per-node cache; case numbers from reserved blocks.
/// </para>
/// </summary>
public sealed class ReportLossHandler(AnxinDbContext db, CurrentUser me, NumberBlocks numbers, ServiceClocks clocks,
    GetRequiredDocumentsHandler documents, GroupCommitWriter writer, ShortCache cache, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    IConfiguration config, TimeProvider time)
{
    public const string SubjectType = "Case";
    private const string InsurersKey = "intake:insurers";
    private const string NodeKey = "intake:node:";

    public Task<Result<CaseDetail>> HandleAsync(ReportLossRequest request, CancellationToken ct) => HandleAsync(request, null, ct);

    /// <param name="idempotency">With an Idempotency-Key: the completed record is written with the case, in one transaction.</param>
    public async Task<Result<CaseDetail>> HandleAsync(ReportLossRequest request, IdempotencyClaim? idempotency, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        var report = LossReportValidation.Validate(request, me.IsApiKey ? IntakeChannel.Api : IntakeChannel.Phone, now, errors);
        var insurers = await cache.GetAsync(InsurersKey, c => db.Insurers.IgnoreQueryFilters().AsNoTracking().ToListAsync(c), ct);
        var insurerId = ResolveInsurer(insurers, request.InsurerCode, errors);
        var customerId = request.CustomerId;
        if (customerId is { } cid && !await db.Customers.AnyAsync(c => c.Id == cid, ct))
        {
            errors.Add(nameof(request.CustomerId), "Case.UnknownCustomer");
        }

        if (errors.Any || report is null)
        {
            return Result<CaseDetail>.Invalid(errors.All);
        }

        var node = me.OrgNodeId is { } nodeId
            ? await cache.GetAsync(NodeKey + nodeId, c => db.OrgNodes.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(n => n.Id == nodeId, c), ct)
            : null;
        if (node is null)
        {
            return Result<CaseDetail>.Forbidden();
        }

        // One connection for the lookups (SQLite's connection pool takes a lock on every open and close).
        await db.Database.OpenConnectionAsync(ct);
        Policy? policy;
        string? owner;
        try
        {
            policy = await FindPolicyAsync(insurerId.Value, report, ct);
            customerId ??= policy?.CustomerId ?? await FindCustomerByMobileAsync(report.ReporterMobile, ct);
            owner = me.StaffId is { } staffId ? (await StaffNames.LoadAsync(db, [staffId], ct)).GetValueOrDefault(staffId) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

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

        var actor = me.Actor;
        var (clock, clockStarted) = await clocks.PrepareStartAsync(DefaultClockRules.DispatchSurveyor.Code, SubjectType, @case.Id.ToString(),
            node.Id, node.Path, null, actor, ct);
        var required = await documents.ForAsync(@case.InsurerId, @case.Line, @case.Injuries, ct);
        var sms = OutboxMessage.Create(MessageChannel.Sms, @case.ReporterMobile, "Case.Reported", JsonSerializer.Serialize(new
        {
            caseNumber = @case.Number,
            documents = string.Join("、", required.Zh),
            hotline = config["Service:Hotline"] ?? "95500",
        }), node.Id, node.Path, now);
        var reported = AuditEntry.Event(now, "CaseReported", nameof(Case), @case.Id.ToString(),
            $"{@case.Number} {@case.Line} {@case.CoverageOutcome} policyVerified={@case.PolicyVerified}", actor, @case.OrgPath);

        var insurer = insurers.FirstOrDefault(i => i.Id == @case.InsurerId);
        var detail = CaseDetail.From(@case, insurer?.Code, insurer?.Name, owner, node.Name);

        var rows = new List<object>(64) { @case, clock, sms, clockStarted, reported };
        AuditSaveChangesInterceptor.StampAdded(@case, now);
        AuditSaveChangesInterceptor.StampAdded(clock, now);
        rows.AddRange(AuditSaveChangesInterceptor.ForAdded(db.Model.FindEntityType(typeof(Case))!, @case, actor, now));
        rows.AddRange(AuditSaveChangesInterceptor.ForAdded(db.Model.FindEntityType(typeof(ServiceClock))!, clock, actor, now));
        if (idempotency is not null)
        {
            rows.Add(idempotency.Complete(StatusCodes.Status201Created, JsonSerializer.Serialize(detail, json.Value.SerializerOptions),
                "application/json; charset=utf-8", Location(@case.Id), now));
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(@case.ReportedAt, WorkingCalendar.ChinaTime).DateTime);
        try
        {
            await writer.WriteAsync(new RowSet(rows, [CaseDayCount.Create(day, @case.InsurerId, node.Id, node.Path, 1)]), ct);
        }
        catch (Exception e) when (idempotency is not null && DbErrors.IsUniqueViolation(e))
        {
            idempotency.LostToDuplicate = true;
            return Result<CaseDetail>.Conflict("Idempotency.InProgress");
        }

        if (idempotency is not null)
        {
            idempotency.Recorded = true;
        }

        return detail;
    }

    public static string Location(Guid id) => $"/api/v1/cases/{id}";

    /// <summary>The insurer's own users and keys report for their insurer only; others name it by code, or report for us.</summary>
    private InsurerChoice ResolveInsurer(IReadOnlyList<Insurer> insurers, string? code, FieldErrors errors)
    {
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
        Guid? byCode = null;
        if (code is not null)
        {
            byCode = insurers.FirstOrDefault(i => i.Code == code && i.IsActive)?.Id;
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
        var policies = db.Policies.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().Where(p => p.InsurerId == insurerId);
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
