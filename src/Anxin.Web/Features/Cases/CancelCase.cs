using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Features.Dispatch;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

public sealed record CancelCaseRequest(string? Reason, long? Version);

/// <summary>
/// Withdraws a case (reported in error, or the reporter withdrew) before the survey starts; the
/// reason is audited and the dispatch clock stops, so nobody is chased for a case that is gone.
/// A surveyor already on the way is stood down: the assignment ends, their load drops, their
/// clocks stop and they get an in-app notice.
/// </summary>
public sealed class CancelCaseHandler(AnxinDbContext db, ServiceClocks clocks, CurrentUser me, TimeProvider time)
{
    public const int MaxReasonLength = 200;

    /// <summary>The surveyor's in-app notice when the case they were sent to is cancelled.</summary>
    public const string StandDownTemplate = "Dispatch.Cancelled";

    public async Task<Result<CaseDetail>> HandleAsync(Guid id, CancelCaseRequest request, CancellationToken ct)
    {
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return Result<CaseDetail>.NotFound();
        }

        var errors = new FieldErrors();
        var reason = request.Reason?.Trim();
        errors.Required(nameof(request.Reason), reason);
        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add(nameof(request.Reason), "Validation.TooLong");
        }

        if (request.Version is null)
        {
            errors.Add(nameof(request.Version), "Validation.Version");
        }

        if (errors.Any)
        {
            return Result<CaseDetail>.Invalid(errors.All);
        }

        if (!db.IsAtVersion(@case, request.Version!.Value))
        {
            return Result<CaseDetail>.Conflict();
        }

        try
        {
            var now = time.GetUtcNow();
            @case.Cancel();
            db.AddAuditEvent("CaseCancelled", nameof(Case), @case.Id, $"{@case.Number}: {reason}", @case.OrgPath, now);
            await clocks.StopAsync(ReportLossHandler.SubjectType, @case.Id.ToString(), DefaultClockRules.DispatchSurveyor.Code, ct);
            await StandDownSurveyorAsync(@case, reason!, now, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<CaseDetail>.From(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<CaseDetail>.Conflict();
        }

        return await CaseDetail.LoadAsync(db, id, ct) is { } detail ? detail : Result<CaseDetail>.NotFound();
    }

    private async Task StandDownSurveyorAsync(Case @case, string reason, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Assignments.OpenOf(@case.Id).SingleOrDefaultAsync(ct) is not { } open)
        {
            return;
        }

        open.Cancel(reason, now);
        var profile = await db.SurveyorProfiles.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName])
            .SingleOrDefaultAsync(p => p.StaffId == open.SurveyorStaffId, ct);
        profile?.ReleaseAssignment();
        var id = @case.Id.ToString();
        await clocks.StopAsync(ReportLossHandler.SubjectType, id, DefaultClockRules.SurveyorContact.Code, ct);
        await clocks.StopAsync(ReportLossHandler.SubjectType, id, DefaultClockRules.SurveyorArrival.Code, ct);
        await StaffInbox.QueueAsync(db, open.SurveyorStaffId, StandDownTemplate,
            new { caseNumber = @case.Number, plate = @case.Plate ?? "-", cancelledBy = me.DisplayName, reason }, @case.OrgNodeId, @case.OrgPath, now, ct);
    }
}
