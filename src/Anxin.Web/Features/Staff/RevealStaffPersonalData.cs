using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using StaffMember = Anxin.Domain.Organisation.Staff;

namespace Anxin.Web.Features.Staff;

public sealed record RevealStaffPersonalDataRequest(string? Field, string? Reason);

public sealed record RevealedValue(string Field, string? Value);

/// <summary>
/// Shows one personal-data field in clear (X-04, PIPL): a permission, a stated reason, and an
/// audit event that records the field and the reason, never the value.
/// </summary>
public sealed class RevealStaffPersonalDataHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public const int MaxReasonLength = 200;
    public static readonly IReadOnlyList<string> Fields = ["mobile", "idNumber", "email"];

    public async Task<Result<RevealedValue>> HandleAsync(Guid staffId, RevealStaffPersonalDataRequest request, CancellationToken ct)
    {
        if (!me.Has(Permissions.PersonalData.Reveal))
        {
            return Result<RevealedValue>.Forbidden();
        }

        var errors = new FieldErrors();
        var field = Fields.FirstOrDefault(f => string.Equals(f, request.Field, StringComparison.OrdinalIgnoreCase));
        if (field is null)
        {
            errors.Add(nameof(request.Field), string.IsNullOrWhiteSpace(request.Field) ? "Validation.Required" : "Staff.RevealUnknownField");
        }

        var reason = request.Reason?.Trim();
        errors.Required(nameof(request.Reason), reason);
        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add(nameof(request.Reason), "Validation.TooLong");
        }

        if (errors.Any)
        {
            return Result<RevealedValue>.Invalid(errors.All);
        }

        var staff = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is null)
        {
            return Result<RevealedValue>.NotFound();
        }

        var value = field switch
        {
            "mobile" => staff.Mobile,
            "idNumber" => staff.IdNumber,
            _ => staff.Email,
        };
        db.AddAuditEvent("PersonalDataRevealed", nameof(StaffMember), staff.Id, $"{field}: {reason}", staff.OrgPath, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new RevealedValue(field!, value);
    }
}
