using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

public sealed record CancelCaseRequest(string? Reason, long? Version);

/// <summary>
/// Withdraws a case (reported in error, or the reporter withdrew) before the survey starts; the
/// reason is audited and the dispatch clock stops, so nobody is chased for a case that is gone.
/// </summary>
public sealed class CancelCaseHandler(AnxinDbContext db, ServiceClocks clocks, TimeProvider time)
{
    public const int MaxReasonLength = 200;

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
            @case.Cancel();
            db.AddAuditEvent("CaseCancelled", nameof(Case), @case.Id, $"{@case.Number}: {reason}", @case.OrgPath, time.GetUtcNow());
            await clocks.StopAsync(ReportLossHandler.SubjectType, @case.Id.ToString(), DefaultClockRules.DispatchSurveyor.Code, ct);
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
}
