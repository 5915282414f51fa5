using Anxin.Data;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Dispatch;

/// <summary>The assigned surveyor is on site (the scene or the repair shop): the arrival clock stops.</summary>
public sealed class ReportArrivalHandler(AnxinDbContext db, AssignedSurveyor assigned, ServiceClocks clocks, TimeProvider time)
{
    public async Task<Result<AssignmentView>> HandleAsync(Guid assignmentId, CancellationToken ct)
    {
        var found = await assigned.LoadAsync(assignmentId, ct);
        if (found.Value is not { } assignment)
        {
            return Result<AssignmentView>.Fail(found);
        }

        var now = time.GetUtcNow();
        try
        {
            assignment.Arrive(now);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<AssignmentView>.Conflict(e.Code);
        }

        await clocks.StopAsync(AssignSurveyorHandler.SubjectType, assignment.CaseId.ToString(), DefaultClockRules.SurveyorArrival.Code, ct);
        db.AddAuditEvent("SurveyorArrived", nameof(Assignment), assignment.Id, assignment.CaseNumber, assignment.OrgPath, now);
        return await FieldSave.SaveAsync(db, assignment, ct);
    }
}
