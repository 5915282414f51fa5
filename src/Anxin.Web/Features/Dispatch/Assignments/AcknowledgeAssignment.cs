using Anxin.Data;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Dispatch;

/// <summary>
/// The assigned surveyor acknowledges the task, which means they have called the customer
/// (联系客户): the surveyor-contact clock stops, the case is being surveyed, and the arrival clock
/// starts with the insurer's arrival limit.
/// </summary>
public sealed class AcknowledgeAssignmentHandler(AnxinDbContext db, AssignedSurveyor assigned, ServiceClocks clocks, TimeProvider time)
{
    public async Task<Result<AssignmentView>> HandleAsync(Guid assignmentId, CancellationToken ct)
    {
        var found = await assigned.LoadAsync(assignmentId, ct);
        if (found.Value is not { } assignment)
        {
            return Result<AssignmentView>.Fail(found);
        }

        var subject = await db.Cases.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).SingleAsync(c => c.Id == assignment.CaseId, ct);
        var now = time.GetUtcNow();
        try
        {
            assignment.Acknowledge(now);
            subject.MarkSurveying();
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<AssignmentView>.Conflict(e.Code);
        }

        var id = subject.Id.ToString();
        await clocks.StopAsync(AssignSurveyorHandler.SubjectType, id, DefaultClockRules.SurveyorContact.Code, ct);
        var rule = subject.InsurerId is { } insurerId
            ? await db.InsurerDispatchRules.AsNoTracking().SingleOrDefaultAsync(r => r.InsurerId == insurerId, ct)
            : null;
        await clocks.StartAsync(DefaultClockRules.SurveyorArrival.Code, AssignSurveyorHandler.SubjectType, id, subject.OrgNodeId,
            assignment.SurveyorStaffId, rule?.ArrivalLimitMinutes, ct);
        db.AddAuditEvent("AssignmentAcknowledged", nameof(Assignment), assignment.Id, $"{assignment.CaseNumber} customer contacted", assignment.OrgPath, now);
        return await FieldSave.SaveAsync(db, assignment, ct);
    }
}

/// <summary>Saves a field step; a concurrent change of the same task is a 409.</summary>
internal static class FieldSave
{
    public static async Task<Result<AssignmentView>> SaveAsync(AnxinDbContext db, Assignment assignment, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<AssignmentView>.Conflict();
        }

        return await AssignmentView.LoadAsync(db, assignment, ct);
    }
}
