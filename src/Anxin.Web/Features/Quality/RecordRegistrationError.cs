using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Common;
using Anxin.Domain.Consultations;
using Anxin.Domain.Quality;
using Anxin.Domain.Requests;
using Anxin.Web.Features.Requests;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Quality;

/// <summary>
/// A registration error QA found: the case (BA…) or consultation (ZX…) number, what was wrong,
/// and the agent responsible — by id or work number (工号); by default whoever registered it.
/// </summary>
public sealed record RecordRegistrationErrorRequest(string? SubjectNumber, RegistrationErrorCategory? Category, string? Description,
    Guid? ResponsibleStaffId = null, string? ResponsibleWorkNumber = null);

public sealed record RegistrationErrorView(Guid Id, RequestKind SubjectType, Guid SubjectId, string SubjectNumber, RegistrationErrorCategory Category,
    string Description, RegistrationErrorStatus Status, Guid ResponsibleStaffId, string? Responsible, string? RecordedBy, DateTimeOffset RecordedAt,
    int Month, string? CorrectionNote, string? CorrectedBy, DateTimeOffset? CorrectedAt, string? ConfirmedBy, DateTimeOffset? ConfirmedAt, long Version)
{
    public static async Task<RegistrationErrorView> FromAsync(AnxinDbContext db, RegistrationError e, CancellationToken ct)
    {
        var cards = await StaffCards.LoadAsync(db, [e.ResponsibleStaffId, e.RecordedByStaffId, e.CorrectedByStaffId, e.ConfirmedByStaffId], ct);
        return From(e, cards);
    }

    public static RegistrationErrorView From(RegistrationError e, IReadOnlyDictionary<Guid, StaffCards.Card> cards)
    {
        string? Name(Guid? staffId) => staffId is { } s && cards.TryGetValue(s, out var card) ? card.Display : null;
        return new RegistrationErrorView(e.Id, e.SubjectType, e.SubjectId, e.SubjectNumber, e.Category, e.Description, e.Status, e.ResponsibleStaffId,
            Name(e.ResponsibleStaffId), Name(e.RecordedByStaffId), e.RecordedAt, e.Month, e.CorrectionNote, Name(e.CorrectedByStaffId), e.CorrectedAt,
            Name(e.ConfirmedByStaffId), e.ConfirmedAt, e.Version);
    }
}

/// <summary>
/// QA records a registration error (CC-08) against the agent responsible, on a case or consultation
/// in QA's scope; the agent is told in-app and must correct it. Counts feed the agent's KPIs.
/// </summary>
public sealed class RecordRegistrationErrorHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<Result<RegistrationErrorView>> HandleAsync(RecordRegistrationErrorRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(request.SubjectNumber), request.SubjectNumber);
        if (request.Category is null || !Enum.IsDefined(request.Category.Value))
        {
            errors.Add(nameof(request.Category), ValidationCodes.Required);
        }

        if (string.IsNullOrWhiteSpace(request.Description))
        {
            errors.Add(nameof(request.Description), ValidationCodes.Required);
        }
        else if (request.Description.Trim().Length > RegistrationError.MaxDescriptionLength)
        {
            errors.Add(nameof(request.Description), "Validation.TooLong");
        }

        var number = request.SubjectNumber?.Trim().ToUpperInvariant() ?? string.Empty;
        var subject = number.Length is > 0 and <= 32 ? await FindSubjectAsync(number, ct) : null;
        if (subject is null && !string.IsNullOrWhiteSpace(request.SubjectNumber))
        {
            errors.Add(nameof(request.SubjectNumber), "RegistrationError.UnknownSubject");
        }

        var responsibleId = request.ResponsibleStaffId;
        if (responsibleId is null && !string.IsNullOrWhiteSpace(request.ResponsibleWorkNumber))
        {
            var workNumber = request.ResponsibleWorkNumber.Trim();
            responsibleId = workNumber.Length > 20 ? null
                : await db.Staff.IgnoreQueryFilters().Where(s => s.WorkNumber == workNumber).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            if (responsibleId is null)
            {
                errors.Add(nameof(request.ResponsibleWorkNumber), "Ownership.UnknownStaff");
            }
        }

        responsibleId ??= subject?.RegisteredBy;
        var responsible = responsibleId is { } rid
            ? await db.Staff.IgnoreQueryFilters().Where(s => s.Id == rid).Select(s => new { s.Id, s.OrgNodeId, s.OrgPath }).SingleOrDefaultAsync(ct)
            : null;
        if (responsible is null && subject is not null && !errors.All.Any(e => e.Field == nameof(request.ResponsibleWorkNumber)))
        {
            errors.Add(nameof(request.ResponsibleStaffId), responsibleId is null ? ValidationCodes.Required : "Ownership.UnknownStaff");
        }

        if (errors.Any)
        {
            return Result<RegistrationErrorView>.Invalid(errors.All);
        }

        var now = time.GetUtcNow();
        RegistrationError error;
        try
        {
            error = RegistrationError.Record(subject!.Ref, responsible!.Id, responsible.OrgNodeId, responsible.OrgPath, request.Category!.Value,
                request.Description, me.StaffId, now);
        }
        catch (DomainException e)
        {
            return Result<RegistrationErrorView>.From(e);
        }

        db.RegistrationErrors.Add(error);
        var recorder = me.DisplayName;
        await StaffInbox.QueueAsync(db, responsible.Id, "Quality.ErrorRecorded", new
        {
            number = error.SubjectNumber,
            errorId = error.Id,
            category = error.Category.ToString(),
            description = error.Description,
            qa = recorder,
        }, responsible.OrgNodeId, responsible.OrgPath, now, ct);

        db.AddAuditEvent("RegistrationErrorRecorded", nameof(RegistrationError), error.Id,
            $"{error.SubjectNumber} {error.Category} → {responsible.Id}", error.OrgPath, now);
        await db.SaveChangesAsync(ct);
        return await RegistrationErrorView.FromAsync(db, error, ct);
    }

    private sealed record Subject(RequestRef Ref, Guid? RegisteredBy);

    /// <summary>A case or consultation QA may see (organisation scope and insurer partition apply), by its number.</summary>
    private async Task<Subject?> FindSubjectAsync(string number, CancellationToken ct)
    {
        if (number.StartsWith(Case.NumberPrefix, StringComparison.Ordinal))
        {
            var c = await db.Cases.AsNoTracking().Where(x => x.Number == number)
                .Select(x => new { x.Id, x.Number, x.OrgNodeId, x.OrgPath, x.ReportedByStaffId }).SingleOrDefaultAsync(ct);
            return c is null ? null : new Subject(new RequestRef(RequestKind.Case, c.Id, c.Number, c.OrgNodeId, c.OrgPath), c.ReportedByStaffId);
        }

        if (number.StartsWith(Consultation.NumberPrefix, StringComparison.Ordinal))
        {
            var c = await db.Consultations.AsNoTracking().Where(x => x.Number == number)
                .Select(x => new { x.Id, x.Number, x.OrgNodeId, x.OrgPath, x.CreatedByStaffId }).SingleOrDefaultAsync(ct);
            return c is null ? null : new Subject(new RequestRef(RequestKind.Consultation, c.Id, c.Number, c.OrgNodeId, c.OrgPath), c.CreatedByStaffId);
        }

        return null;
    }
}
