using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Dispatch;

/// <summary>The survey result: the assessed loss in yuan (two decimals at most) and notes.</summary>
public sealed record RecordAssessmentRequest(decimal? LossAmount, string? Notes);

/// <summary>
/// The assigned surveyor enters the survey and loss assessment (查勘定损): the task closes, the
/// case is assessed, and the surveyor's load goes down by one.
/// </summary>
public sealed class RecordAssessmentHandler(AnxinDbContext db, AssignedSurveyor assigned, TimeProvider time)
{
    public async Task<Result<AssignmentView>> HandleAsync(Guid assignmentId, RecordAssessmentRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Money amount = default;
        if (request.LossAmount is not { } value)
        {
            errors.Add(nameof(request.LossAmount), ValidationCodes.Required);
        }
        else if (Money.Create(value) is { IsValid: false } bad)
        {
            errors.Add(nameof(request.LossAmount), bad.ErrorCode);
        }
        else
        {
            amount = Money.Create(value).Value;
        }

        if (request.Notes is { Length: > Assignment.MaxNotesLength })
        {
            errors.Add(nameof(request.Notes), "Validation.TooLong");
        }

        var found = await assigned.LoadAsync(assignmentId, ct);
        if (found.Value is not { } assignment)
        {
            return Result<AssignmentView>.Fail(found);
        }

        if (errors.Any)
        {
            return Result<AssignmentView>.Invalid(errors.All);
        }

        var subject = await db.Cases.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).SingleAsync(c => c.Id == assignment.CaseId, ct);
        var profile = await db.SurveyorProfiles.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName])
            .SingleOrDefaultAsync(p => p.StaffId == assignment.SurveyorStaffId, ct);
        var now = time.GetUtcNow();
        try
        {
            assignment.Assess(amount, request.Notes, now);
            subject.MarkAssessed();
            profile?.ReleaseAssignment();
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return e.Field is null ? Result<AssignmentView>.Conflict(e.Code) : Result<AssignmentView>.Invalid(MapField(e), e.Code);
        }

        db.AddAuditEvent("LossAssessed", nameof(Assignment), assignment.Id,
            $"{assignment.CaseNumber} {amount.Amount.ToString("0.00", CultureInfo.InvariantCulture)}", assignment.OrgPath, now);
        return await FieldSave.SaveAsync(db, assignment, ct);
    }

    private static string MapField(DomainException e) => e.Field switch
    {
        nameof(Assignment.AssessedLossAmount) => nameof(RecordAssessmentRequest.LossAmount),
        nameof(Assignment.AssessmentNotes) => nameof(RecordAssessmentRequest.Notes),
        _ => e.Field ?? string.Empty,
    };
}
