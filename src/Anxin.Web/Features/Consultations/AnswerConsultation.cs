using Anxin.Data;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Consultations;
using Anxin.Domain.Requests;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Features.Requests;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Consultations;

public sealed record AnswerConsultationRequest(string? Answer, long? Version);

/// <summary>
/// The owner (or a supervisor over the owner) records the reply given to the caller (CC-06): the
/// reply and follow-up clocks stop with their outcome, an open difficult-case escalation is resolved.
/// </summary>
public sealed class AnswerConsultationHandler(AnxinDbContext db, CurrentUser me, ServiceClocks clocks, TimeProvider time)
{
    public async Task<Result<ConsultationDetail>> HandleAsync(Guid id, AnswerConsultationRequest request, CancellationToken ct)
    {
        var subject = await OwnedRequest.LoadAsync(db, RequestKind.Consultation, id, ct);
        if (subject is null || !subject.IsVisibleTo(me))
        {
            return Result<ConsultationDetail>.NotFound();
        }

        if (subject.AuthorityOf(me) == RequestAuthority.None)
        {
            return Result<ConsultationDetail>.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(request.Answer))
        {
            return Result<ConsultationDetail>.Invalid(nameof(request.Answer), ValidationCodes.Required);
        }

        if (subject.CheckVersion(db, request.Version) is { } stale)
        {
            return Result<ConsultationDetail>.Fail(stale);
        }

        var consultation = subject.Consultation!;
        var now = time.GetUtcNow();
        try
        {
            consultation.AnswerWith(request.Answer, me.StaffId, now);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<ConsultationDetail>.From(e);
        }

        var subjectId = consultation.Id.ToString();
        var reply = await clocks.StopAsync(subject.SubjectType, subjectId, DefaultClockRules.ConsultationReply.Code, ct);
        await clocks.StopAsync(subject.SubjectType, subjectId, RequestFollowUp.RuleCode, ct);
        var open = await db.Escalations.IgnoreQueryFilters()
            .Where(e => e.SubjectType == RequestKind.Consultation && e.SubjectId == consultation.Id && e.Status == EscalationStatus.Open).ToListAsync(ct);
        open.ForEach(e => e.Resolved(now));
        db.AddAuditEvent("ConsultationAnswered", nameof(Consultation), consultation.Id,
            $"{consultation.Number} reply clock {(reply.IsOk ? reply.Value!.Outcome.ToString() : "none")}", consultation.OrgPath, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<ConsultationDetail>.Conflict();
        }

        return await ConsultationDetail.FromAsync(db, consultation, ct);
    }
}
