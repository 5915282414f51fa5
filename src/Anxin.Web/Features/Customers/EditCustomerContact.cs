using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Customers;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Customers;

/// <summary>
/// New contact details. The stored values are shown masked, so null keeps a value and an empty
/// string clears it (the mobile cannot be cleared). <see cref="Version"/> is the version read.
/// </summary>
public sealed record EditCustomerContactRequest(string? Mobile, string? Phone2, string? Email, string? Address, long? Version);

/// <summary>Changes how a customer is reached; refuses to overwrite someone else's change (409).</summary>
public sealed class EditCustomerContactHandler(AnxinDbContext db)
{
    public async Task<Result<CustomerDetail>> HandleAsync(Guid id, EditCustomerContactRequest request, CancellationToken ct)
    {
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null)
        {
            return Result<CustomerDetail>.NotFound();
        }

        var errors = new FieldErrors();
        if (request.Version is null)
        {
            errors.Add(nameof(request.Version), "Validation.Version");
        }

        MobileNumber? mobile = null;
        if (request.Mobile is not null)
        {
            var parsed = MobileNumber.Create(request.Mobile);
            if (parsed.IsValid)
            {
                mobile = parsed.Value;
            }
            else
            {
                errors.Add(nameof(request.Mobile), parsed.ErrorCode);
            }
        }

        if (errors.Any)
        {
            return Result<CustomerDetail>.Invalid(errors.All);
        }

        if (!db.IsAtVersion(customer, request.Version!.Value))
        {
            return Result<CustomerDetail>.Conflict();
        }

        try
        {
            customer.UpdateContact(
                mobile ?? MobileNumber.Create(customer.Mobile).Value,
                request.Phone2 ?? customer.Phone2,
                request.Email ?? customer.Email,
                request.Address ?? customer.Address);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<CustomerDetail>.From(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<CustomerDetail>.Conflict();
        }

        var nodeName = await db.OrgNodes.Where(n => n.Id == customer.OrgNodeId).Select(n => n.Name).FirstOrDefaultAsync(ct);
        return CustomerDetail.From(customer, nodeName);
    }
}
