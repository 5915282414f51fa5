using System.Runtime.CompilerServices;
using System.Text.Json;
using Anxin.Data;
using Anxin.Data.Bulk;
using Anxin.Data.Interceptors;
using Anxin.Domain.Administration;
using Anxin.Domain.Calls;
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
using Microsoft.EntityFrameworkCore.Metadata;
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
/// Registers a loss report and issues its case number at once (CC-03): validates every field
/// (and every attached photo), finds the policy (by number, or for motor by plate) within the
/// insurer's partition and checks cover; a report on a policy that cannot be found is accepted
/// unverified (CC-10). In the same transaction: the attachments, the dispatch clock, the link from
/// the call the report came in on, the reporter's SMS with the case number and the required
/// documents (CC-09), the audit rows (the events and every field, as the save pipeline writes
/// them) and, with an Idempotency-Key, the completed idempotency record. A report naming a
/// customer may leave the reporter's name and mobile blank: the customer's are used.
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

    public Task<Result<CaseDetail>> HandleAsync(ReportLossRequest request, CancellationToken ct, IReadOnlyList<AttachmentUpload>? attachments = null) =>
        HandleAsync(request, null, ct, attachments);

    /// <param name="idempotency">With an Idempotency-Key: the completed record is written with the case, in one transaction.</param>
    public async Task<Result<CaseDetail>> HandleAsync(ReportLossRequest request, IdempotencyClaim? idempotency, CancellationToken ct,
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
        var insurers = await cache.GetAsync(InsurersKey, c => db.Insurers.IgnoreQueryFilters().AsNoTracking().ToListAsync(c), ct);
        var insurerId = PolicyLookup.ResolveInsurer(insurers, me.InsurerScope, request.InsurerCode, errors, nameof(request.InsurerCode));
        var files = await AttachmentUploads.ReadAsync(attachments ?? [], errors, ct);
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
        LinkedCall? call = null;
        try
        {
            policy = await PolicyLookup.FindAsync(db, insurerId, report.PolicyNumber, report.Plate, report.LossAt, ct);
            customerId ??= policy?.CustomerId ?? await FindCustomerByMobileAsync(report.ReporterMobile, ct);
            owner = me.StaffId is { } staffId ? (await StaffNames.LoadAsync(db, [staffId], ct)).GetValueOrDefault(staffId) : null;
            if (request.CallId is { } callId)
            {
                call = await db.Calls.AsNoTracking().Where(c => c.Id == callId).Select(c => new LinkedCall(c.Id, c.CaseId, c.OrgPath)).FirstOrDefaultAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        Case @case;
        List<CaseAttachment> stored;
        try
        {
            @case = Case.Register(await numbers.NextAsync(Case.NumberPrefix, ct), report, policy, insurerId, customerId, request.CallId,
                me.StaffId, node, now);
            stored = [.. files.Select(f => CaseAttachment.Create(@case, AttachmentKind.Intake, f.FileName, f.Content, me.StaffId))];
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

        // The same event as CaseMessages.Queue writes: the case timeline finds the SMS by it.
        var queued = AuditEntry.Event(now, CaseMessages.QueuedEvent, nameof(Case), @case.Id.ToString(), CaseMessages.Detail(sms), actor, @case.OrgPath);

        var insurer = insurers.FirstOrDefault(i => i.Id == @case.InsurerId);
        var detail = CaseDetail.From(@case, insurer?.Code, insurer?.Name, owner, node.Name);

        var rows = new List<object>(64) { @case, clock, sms, clockStarted, reported, queued };
        AuditSaveChangesInterceptor.StampAdded(@case, now);
        AuditSaveChangesInterceptor.StampAdded(clock, now);
        rows.AddRange(AuditSaveChangesInterceptor.ForAdded(db.Model.FindEntityType(typeof(Case))!, @case, actor, now));
        rows.AddRange(AuditSaveChangesInterceptor.ForAdded(db.Model.FindEntityType(typeof(ServiceClock))!, clock, actor, now));
        foreach (var attachment in stored)
        {
            AuditSaveChangesInterceptor.StampAdded(attachment, now);
            rows.Add(attachment);
        }

        List<RowUpdate>? updates = null;
        if (call is not null)
        {
            // The call the report came in on now shows the case, and the case timeline shows the call (CC-01).
            updates = [new RowUpdate(typeof(Call), call.Id, [new(nameof(Call.CaseId), @case.Id)], now)];
            rows.AddRange(AuditSaveChangesInterceptor.ForModified(db.Model.FindEntityType(typeof(Call))!, call.Id, call.OrgPath,
                nameof(Call.CaseId), call.CaseId, @case.Id, actor, now));
        }

        if (idempotency is not null)
        {
            rows.Add(idempotency.Complete(StatusCodes.Status201Created, JsonSerializer.Serialize(detail, json.Value.SerializerOptions),
                "application/json; charset=utf-8", Location(@case.Id), now));
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(@case.ReportedAt, WorkingCalendar.ChinaTime).DateTime);
        try
        {
            await writer.WriteAsync(new RowSet(rows, [CaseDayCount.Create(day, @case.InsurerId, node.Id, node.Path, 1)], updates), ct);
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

    /// <summary>The one active customer with this mobile (as first or second number) in the caller's scope, if exactly one.</summary>
    private async Task<Guid?> FindCustomerByMobileAsync(string mobile, CancellationToken ct)
    {
        Guid? found = null;
        await foreach (var id in CustomersByMobile.GetValue(db.Model, _ => CompileCustomersByMobile())(db, mobile).WithCancellation(ct))
        {
            if (found is not null)
            {
                return null;
            }

            found = id;
        }

        return found;
    }

    /// <summary>Compiled per EF model (a compiled query serves one model; tests run two providers in one process).</summary>
    private static readonly ConditionalWeakTable<IModel, Func<AnxinDbContext, string, IAsyncEnumerable<Guid>>> CustomersByMobile = new();

    private static Func<AnxinDbContext, string, IAsyncEnumerable<Guid>> CompileCustomersByMobile() => EF.CompileAsyncQuery(
        (AnxinDbContext db, string mobile) => db.Customers.Where(c => c.IsActive && (c.Mobile == mobile || c.Phone2 == mobile)).Select(c => c.Id).Take(2));

    private sealed record LinkedCall(Guid Id, Guid? CaseId, string OrgPath);
}
