using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Messaging;
using Anxin.Web.Features.Cases;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Dispatch;

/// <summary>Assigns <see cref="SurveyorStaffId"/>; on a case that already has a surveyor this is a reassignment and needs a <see cref="Reason"/>.</summary>
public sealed record AssignSurveyorRequest(Guid? SurveyorStaffId, string? Reason = null);

/// <summary>
/// Sends a surveyor to a case (CC-04), or another one in place of the current one (the old
/// assignment ends as Reassigned with the reason; the history stays). The surveyor must be
/// eligible by the same rules the recommendation applies (presence, skills, load cap, the
/// insurer's rules); the load counts on their profile, whose version guards against two
/// dispatchers filling the last place at once. In one transaction: the case's dispatch clock
/// stops, the surveyor-contact clock starts, the surveyor gets the SMS (Dispatch.Assigned) and
/// an in-app notification, and the audit event is written.
/// </summary>
public sealed class AssignSurveyorHandler(AnxinDbContext db, CurrentUser me, DispatchPlanner planner, ServiceClocks clocks, TimeProvider time)
{
    public const string SubjectType = ReportLossHandler.SubjectType;
    public const string SmsTemplate = "Dispatch.Assigned";

    public async Task<Result<AssignmentView>> HandleAsync(Guid caseId, AssignSurveyorRequest request, CancellationToken ct)
    {
        var subject = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (subject is null)
        {
            return Result<AssignmentView>.NotFound();
        }

        if (!subject.IsDispatchable)
        {
            return Result<AssignmentView>.Conflict("Case.NotDispatchable");
        }

        var current = await db.Assignments.OpenOf(caseId).SingleOrDefaultAsync(ct);
        var errors = new FieldErrors();
        if (request.SurveyorStaffId is not { } surveyorId || surveyorId == Guid.Empty)
        {
            errors.Add(nameof(request.SurveyorStaffId), ValidationCodes.Required);
            return Result<AssignmentView>.Invalid(errors.All);
        }

        if (current is not null)
        {
            errors.Required(nameof(request.Reason), request.Reason);
            if (request.Reason is { Length: > Assignment.MaxReasonLength })
            {
                errors.Add(nameof(request.Reason), "Validation.TooLong");
            }

            if (current.SurveyorStaffId == surveyorId)
            {
                errors.Add(nameof(request.SurveyorStaffId), "Dispatch.Assignment.SameSurveyor");
            }
        }

        var plan = await planner.PlanAsync(subject, current?.SurveyorStaffId, ct);
        if (!plan.Members.ContainsKey(surveyorId))
        {
            errors.Add(nameof(request.SurveyorStaffId), "Dispatch.Surveyor.NotInArea");
        }

        if (errors.Any)
        {
            return Result<AssignmentView>.Invalid(errors.All);
        }

        // The same eligibility as the recommendation: whatever excludes the surveyor there refuses the assignment here.
        var ranking = plan.Rank(DispatchRanker.MaxTop, explain: true);
        if (ranking.Excluded.FirstOrDefault(e => e.StaffId == surveyorId) is { } excluded)
        {
            return Result<AssignmentView>.Invalid([.. excluded.Reasons.Select(r => new FieldError(nameof(request.SurveyorStaffId), "Dispatch.Excluded." + r.Code))]);
        }

        var ranked = ranking.Candidates.FirstOrDefault(c => c.StaffId == surveyorId);
        var profile = await db.SurveyorProfiles.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).SingleAsync(p => p.StaffId == surveyorId, ct);
        var surveyor = await db.Staff.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().SingleAsync(s => s.Id == surveyorId, ct);
        var now = time.GetUtcNow();
        Assignment assignment;
        try
        {
            if (current is not null)
            {
                current.EndByReassignment(request.Reason, now);
                var previous = await db.SurveyorProfiles.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName])
                    .SingleOrDefaultAsync(p => p.StaffId == current.SurveyorStaffId, ct);
                previous?.ReleaseAssignment();
            }

            profile.TakeAssignment();
            assignment = Assignment.Create(new DispatchedCase(subject.Id, subject.Number, subject.InsurerId, subject.OrgNodeId, subject.OrgPath),
                surveyorId, me.StaffId, me.DisplayName, now, current?.Id, ranked?.Rank, ranked?.EtaMinutes, ranked?.DistanceKm);
            subject.MarkDispatched();
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return e.Field is null ? Result<AssignmentView>.Conflict(e.Code) : Result<AssignmentView>.From(e);
        }

        db.Assignments.Add(assignment);
        await RestartClocksAsync(subject, current, surveyorId, ct);
        await NotifyAsync(subject, assignment, surveyor, ct);
        db.AddAuditEvent(current is null ? "SurveyorAssigned" : "SurveyorReassigned", nameof(Assignment), assignment.Id,
            $"{subject.Number} → {surveyor.Name} ({surveyor.WorkNumber}) rank {ranked?.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"
            + (current is null ? string.Empty : $"; was {current.Id}: {current.EndReason}"), subject.OrgPath, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another dispatcher assigned this case or this surveyor's last place first.
            db.ChangeTracker.Clear();
            return Result<AssignmentView>.Conflict();
        }

        return await AssignmentView.LoadAsync(db, assignment, ct);
    }

    private async Task RestartClocksAsync(Case subject, Assignment? replaced, Guid surveyorId, CancellationToken ct)
    {
        var id = subject.Id.ToString();
        if (replaced is null)
        {
            // Started when the case was reported; a case reported before the clock existed has none.
            await clocks.StopAsync(SubjectType, id, DefaultClockRules.DispatchSurveyor.Code, ct);
        }
        else
        {
            await clocks.StopAsync(SubjectType, id, DefaultClockRules.SurveyorContact.Code, ct);
            await clocks.StopAsync(SubjectType, id, DefaultClockRules.SurveyorArrival.Code, ct);
        }

        await clocks.StartAsync(DefaultClockRules.SurveyorContact.Code, SubjectType, id, subject.OrgNodeId, surveyorId, ct);
    }

    /// <summary>
    /// The surveyor's SMS carries the case number, plate and place, the contact's name masked and
    /// the contact's number in full: calling it within five minutes is the task, and the message
    /// goes only to the assigned surveyor's own phone. The in-app notice carries no phone number.
    /// </summary>
    private async Task NotifyAsync(Case subject, Assignment assignment, Domain.Organisation.Staff surveyor, CancellationToken ct)
    {
        var users = await db.Users.Where(u => u.StaffId == surveyor.Id).Select(u => new { u.Id, u.PreferredCulture }).ToListAsync(ct);
        var culture = users.Select(u => u.PreferredCulture).FirstOrDefault(c => c is not null) is { } preferred && preferred.StartsWith("en", StringComparison.Ordinal)
            ? "en"
            : "zh-CN";
        var now = time.GetUtcNow();
        var common = new
        {
            caseNumber = subject.Number,
            plate = subject.Plate ?? "-",
            place = subject.LossPlace,
            assignedBy = assignment.AssignedByName,
            assignmentId = assignment.Id,
        };
        if (surveyor.Mobile is { Length: > 0 } mobile)
        {
            CaseMessages.Queue(db, subject, OutboxMessage.Create(MessageChannel.Sms, mobile, SmsTemplate, JsonSerializer.Serialize(new
            {
                common.caseNumber,
                common.plate,
                common.place,
                contactName = Masking.Name(subject.ContactName ?? subject.ReporterName),
                contactMobile = subject.ContactMobile ?? subject.ReporterMobile,
            }), subject.OrgNodeId, subject.OrgPath, now, culture), now);
        }

        foreach (var user in users)
        {
            CaseMessages.Queue(db, subject, OutboxMessage.Create(MessageChannel.InApp, user.Id.ToString(), SmsTemplate, JsonSerializer.Serialize(common),
                subject.OrgNodeId, subject.OrgPath, now, culture), now);
        }
    }
}
