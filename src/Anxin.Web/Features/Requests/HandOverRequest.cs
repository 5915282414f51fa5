using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Requests;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Requests;

/// <summary>To whom (a named member of staff, any department), why, and the version of the request the caller read.</summary>
public sealed record HandOverRequest(Guid? ToStaffId, string? Note, long? Version);

/// <summary>
/// Hands a case or consultation to a named colleague (CC-05). Only the owner or a supervisor /
/// department manager whose scope covers the owner may; the colleague must exist and be active.
/// In one transaction: the hand-over record, the new owner on the request, a follow-up clock for
/// the new owner (the open reply clock follows them), their in-app notice and the audit event.
/// </summary>
public sealed class HandOverRequestHandler(AnxinDbContext db, CurrentUser me, ServiceClocks clocks, TimeProvider time)
{
    public async Task<Result<OwnershipView>> HandleAsync(RequestKind kind, Guid id, HandOverRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.ToStaffId is null)
        {
            errors.Add(nameof(request.ToStaffId), ValidationCodes.Required);
        }

        errors.Required(nameof(request.Note), request.Note);
        if (request.Version is null)
        {
            errors.Add(nameof(request.Version), "Validation.Version");
        }

        var subject = await OwnedRequest.LoadAsync(db, kind, id, ct);
        if (subject is null || !subject.IsVisibleTo(me))
        {
            return Result<OwnershipView>.NotFound();
        }

        var authority = subject.AuthorityOf(me);
        if (authority == RequestAuthority.None)
        {
            return Result<OwnershipView>.Forbidden();
        }

        if (errors.Any)
        {
            return Result<OwnershipView>.Invalid(errors.All);
        }

        if (subject.CheckVersion(db, request.Version) is { } stale)
        {
            return Result<OwnershipView>.Fail(stale);
        }

        var to = await db.Staff.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.Id == request.ToStaffId, ct);
        if (to is null)
        {
            return Result<OwnershipView>.Invalid(nameof(request.ToStaffId), "Ownership.UnknownStaff");
        }

        return await TransferAsync(subject, to, request.Note, HandoverKind.HandOver, authority, ct);
    }

    /// <summary>The change itself, shared with the take-over.</summary>
    internal async Task<Result<OwnershipView>> TransferAsync(OwnedRequest subject, Anxin.Domain.Organisation.Staff to, string? note, HandoverKind kind,
        RequestAuthority authority, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var from = subject.OwnerStaffId;
        Handover record;
        try
        {
            record = subject.HandOver(to, me.StaffId, note, kind, now);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<OwnershipView>.From(e);
        }

        db.Handovers.Add(record);
        var followUp = await RequestFollowUp.RestartAsync(db, clocks, subject, to.Id, ct);
        if (subject.Consultation is { IsOpen: true })
        {
            await clocks.ChangeOwnerAsync(subject.SubjectType, subject.SubjectId, Anxin.Domain.Clocks.DefaultClockRules.ConsultationReply.Code, to.Id, ct);
        }

        if (kind == HandoverKind.TakeOver)
        {
            var open = await db.Escalations.IgnoreQueryFilters()
                .Where(e => e.SubjectType == subject.Kind && e.SubjectId == subject.Id && e.Status == EscalationStatus.Open).ToListAsync(ct);
            open.ForEach(e => e.TakenOver(to.Id, now));
        }

        var cards = await StaffCards.LoadAsync(db, [from, me.StaffId], ct);
        var actor = me.StaffId is { } s && cards.TryGetValue(s, out var card) ? card.Display : me.DisplayName;
        if (kind == HandoverKind.HandOver)
        {
            await RequestFollowUp.NotifyStaffAsync(db, to.Id, "Request.HandedOver", new
            {
                number = subject.Number,
                kind = subject.SubjectType,
                subjectId = subject.SubjectId,
                from = actor,
                note = record.Note,
                followUpBy = RequestFollowUp.Local(followUp.DeadlineAt),
            }, subject, now, ct);
        }
        else if (from is { } previous)
        {
            await RequestFollowUp.NotifyStaffAsync(db, previous, "Request.TakenOver", new
            {
                number = subject.Number,
                kind = subject.SubjectType,
                subjectId = subject.SubjectId,
                by = actor,
            }, subject, now, ct);
        }

        var fromName = from is { } f && cards.TryGetValue(f, out var fromCard) ? fromCard.Display : "—";
        db.AddAuditEvent(kind == HandoverKind.TakeOver ? "RequestTakenOver" : "RequestHandedOver", subject.SubjectType, subject.Id,
            $"{subject.Number} {fromName} → {to.Name} ({to.WorkNumber}) by {actor} [{authority}]: {record.Note}", subject.OrgPath, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<OwnershipView>.Conflict();
        }

        var reloaded = await OwnedRequest.LoadAsync(db, subject.Kind, subject.Id, ct);
        return await GetOwnershipHandler.ViewAsync(db, reloaded!, reloaded!.AuthorityOf(me), now, ct);
    }
}

/// <summary>An optional note; the version read, when the caller has one.</summary>
public sealed record TakeOverRequest(string? Note, long? Version);

/// <summary>
/// A supervisor or department manager whose scope covers the owner takes a request over (CC-07):
/// they become the owner, the hand-over is recorded as a take-over, an open difficult-case
/// escalation is closed as taken over, and the previous owner is told.
/// </summary>
public sealed class TakeOverRequestHandler(AnxinDbContext db, CurrentUser me, HandOverRequestHandler handOver)
{
    public async Task<Result<OwnershipView>> HandleAsync(RequestKind kind, Guid id, TakeOverRequest request, CancellationToken ct)
    {
        var subject = await OwnedRequest.LoadAsync(db, kind, id, ct);
        if (subject is null || !subject.IsVisibleTo(me))
        {
            return Result<OwnershipView>.NotFound();
        }

        var authority = subject.AuthorityOf(me);
        if (authority != RequestAuthority.Supervisor || me.StaffId is not { } staffId)
        {
            return authority == RequestAuthority.Owner
                ? Result<OwnershipView>.Invalid("ToStaffId", "Ownership.SameOwner")
                : Result<OwnershipView>.Forbidden();
        }

        if (request.Version is not null && subject.CheckVersion(db, request.Version) is { } stale)
        {
            return Result<OwnershipView>.Fail(stale);
        }

        var supervisor = await db.Staff.IgnoreQueryFilters().SingleAsync(s => s.Id == staffId, ct);
        return await handOver.TransferAsync(subject, supervisor, request.Note, HandoverKind.TakeOver, authority, ct);
    }
}
