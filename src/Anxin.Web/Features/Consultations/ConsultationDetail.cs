using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Consultations;
using Anxin.Domain.Requests;
using Anxin.Web.Features.Requests;
using Anxin.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Consultations;

/// <summary>A consultation as the API and the detail page show it; the caller's name and mobile masked.</summary>
public sealed record ConsultationDetail(
    Guid Id,
    string Number,
    ConsultationStatus Status,
    ConsultationCategory Category,
    string CallerName,
    string? CallerMobile,
    string Question,
    string? Answer,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? PromisedReplyAt,
    DateTimeOffset? AnsweredAt,
    string? AnsweredBy,
    Guid? CustomerId,
    Guid? CallId,
    string? InsurerCode,
    OwnerBadge Owner,
    string? CreatedBy,
    string OrgNodeName,
    bool Difficult,
    long Version)
{
    /// <summary>Loads a consultation the actor may see: in their scope, or they own or supervise it (the insurer partition applies).</summary>
    public static async Task<ConsultationDetail?> LoadAsync(AnxinDbContext db, CurrentUser me, Guid id, CancellationToken ct)
    {
        var request = await OwnedRequest.LoadAsync(db, RequestKind.Consultation, id, ct);
        if (request is null || !request.IsVisibleTo(me))
        {
            return null;
        }

        return await FromAsync(db, request.Consultation!, ct);
    }

    public static async Task<ConsultationDetail> FromAsync(AnxinDbContext db, Consultation c, CancellationToken ct)
    {
        var cards = await StaffCards.LoadAsync(db, [c.OwnerStaffId, c.AnsweredByStaffId, c.CreatedByStaffId], ct);
        string? Name(Guid? staffId) => staffId is { } s && cards.TryGetValue(s, out var card) ? card.Display : null;
        var owner = c.OwnerStaffId is { } o && cards.TryGetValue(o, out var ownerCard)
            ? new OwnerBadge(o, ownerCard.Name, ownerCard.WorkNumber, c.OwnerSince)
            : new OwnerBadge(null, null, null, null);
        var nodeName = await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == c.OrgNodeId).Select(n => n.Name).FirstOrDefaultAsync(ct);
        var insurer = c.InsurerId is { } insurerId
            ? await db.Insurers.IgnoreQueryFilters().Where(i => i.Id == insurerId).Select(i => i.Code).FirstOrDefaultAsync(ct)
            : null;
        var difficult = await db.Escalations.IgnoreQueryFilters()
            .AnyAsync(e => e.SubjectType == RequestKind.Consultation && e.SubjectId == c.Id && e.Status == EscalationStatus.Open, ct);
        return new ConsultationDetail(c.Id, c.Number, c.Status, c.Category, Masking.Name(c.CallerName),
            c.CallerMobile is null ? null : Masking.Mobile(c.CallerMobile), c.Question, c.Answer, c.ReceivedAt, c.PromisedReplyAt, c.AnsweredAt,
            Name(c.AnsweredByStaffId), c.CustomerId, c.CallId, insurer, owner, Name(c.CreatedByStaffId), nodeName ?? string.Empty, difficult, c.Version);
    }
}
