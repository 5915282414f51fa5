using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

public sealed record RevealCasePersonalDataRequest(string? Field, string? Reason);

public sealed record RevealedCaseValue(string Field, string? Value);

/// <summary>
/// Shows one personal-data field of a case in clear (X-04, PIPL), like the customer page: a
/// permission, a stated reason, and a PersonalDataRevealed audit event with the field and reason, never the value.
/// </summary>
public sealed class RevealCasePersonalDataHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public const int MaxReasonLength = 200;
    public static readonly IReadOnlyList<string> Fields = ["reporterName", "reporterMobile", "reporterIdNumber", "contactName", "contactMobile"];

    public async Task<Result<RevealedCaseValue>> HandleAsync(Guid caseId, RevealCasePersonalDataRequest request, CancellationToken ct)
    {
        if (!me.Has(Permissions.PersonalData.Reveal))
        {
            return Result<RevealedCaseValue>.Forbidden();
        }

        var errors = new FieldErrors();
        var field = Fields.FirstOrDefault(f => string.Equals(f, request.Field, StringComparison.OrdinalIgnoreCase));
        if (field is null)
        {
            errors.Add(nameof(request.Field), string.IsNullOrWhiteSpace(request.Field) ? "Validation.Required" : "Case.RevealUnknownField");
        }

        var reason = request.Reason?.Trim();
        errors.Required(nameof(request.Reason), reason);
        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add(nameof(request.Reason), "Validation.TooLong");
        }

        if (errors.Any)
        {
            return Result<RevealedCaseValue>.Invalid(errors.All);
        }

        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null)
        {
            return Result<RevealedCaseValue>.NotFound();
        }

        var value = field switch
        {
            "reporterName" => c.ReporterName,
            "reporterMobile" => c.ReporterMobile,
            "reporterIdNumber" => c.ReporterIdNumber,
            "contactName" => c.ContactName,
            _ => c.ContactMobile,
        };
        db.AddAuditEvent("PersonalDataRevealed", nameof(Case), c.Id, $"{field}: {reason}", c.OrgPath, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new RevealedCaseValue(field!, value);
    }
}
