using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Customers;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Customers;

public sealed record RevealCustomerPersonalDataRequest(string? Field, string? Reason);

public sealed record RevealedCustomerValue(string Field, string? Value);

/// <summary>
/// Shows one personal-data field of a customer in clear (X-04, PIPL): a permission, a stated
/// reason, and a PersonalDataRevealed audit event with the field and reason, never the value.
/// </summary>
public sealed class RevealCustomerPersonalDataHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public const int MaxReasonLength = 200;
    public static readonly IReadOnlyList<string> Fields = ["mobile", "phone2", "idNumber", "email", "address"];

    public async Task<Result<RevealedCustomerValue>> HandleAsync(Guid customerId, RevealCustomerPersonalDataRequest request, CancellationToken ct)
    {
        if (!me.Has(Permissions.PersonalData.Reveal))
        {
            return Result<RevealedCustomerValue>.Forbidden();
        }

        var errors = new FieldErrors();
        var field = Fields.FirstOrDefault(f => string.Equals(f, request.Field, StringComparison.OrdinalIgnoreCase));
        if (field is null)
        {
            errors.Add(nameof(request.Field), string.IsNullOrWhiteSpace(request.Field) ? "Validation.Required" : "Customer.RevealUnknownField");
        }

        var reason = request.Reason?.Trim();
        errors.Required(nameof(request.Reason), reason);
        if (reason is { Length: > MaxReasonLength })
        {
            errors.Add(nameof(request.Reason), "Validation.TooLong");
        }

        if (errors.Any)
        {
            return Result<RevealedCustomerValue>.Invalid(errors.All);
        }

        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null)
        {
            return Result<RevealedCustomerValue>.NotFound();
        }

        var value = field switch
        {
            "mobile" => customer.Mobile,
            "phone2" => customer.Phone2,
            "idNumber" => customer.IdNumber,
            "email" => customer.Email,
            _ => customer.Address,
        };
        db.AddAuditEvent("PersonalDataRevealed", nameof(Customer), customer.Id, $"{field}: {reason}", customer.OrgPath, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new RevealedCustomerValue(field!, value);
    }
}
