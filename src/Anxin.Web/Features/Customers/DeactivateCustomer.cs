using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Customers;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Customers;

public sealed record DeactivateCustomerRequest(long? Version);

/// <summary>Marks a customer inactive (e.g. a duplicate record); it no longer blocks a registration.</summary>
public sealed class DeactivateCustomerHandler(AnxinDbContext db, TimeProvider time)
{
    public async Task<Result> HandleAsync(Guid id, DeactivateCustomerRequest request, CancellationToken ct)
    {
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null)
        {
            return Result.NotFound();
        }

        if (request.Version is null)
        {
            return Result.Invalid(nameof(request.Version), "Validation.Version");
        }

        if (!db.IsAtVersion(customer, request.Version.Value))
        {
            return Result.Conflict();
        }

        try
        {
            customer.Deactivate();
            db.AddAuditEvent("CustomerDeactivated", nameof(Customer), customer.Id, customer.Number, customer.OrgPath, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result.From(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Conflict();
        }

        return Result.Ok();
    }
}
