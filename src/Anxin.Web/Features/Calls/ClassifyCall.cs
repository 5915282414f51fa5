using Anxin.Data;
using Anxin.Domain.Calls;
using Anxin.Domain.Common;
using Anxin.Domain.Customers;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Calls;

/// <summary>
/// What the call was about and who called: <paramref name="CustomerId"/> or <paramref name="CustomerNumber"/>
/// (客户号, e.g. KH20261121000001) links a customer, neither unlinks. <paramref name="Version"/> is the version read.
/// </summary>
public sealed record ClassifyCallRequest(CallType? Type, Guid? CustomerId, string? CustomerNumber, string? Notes, long? Version);

/// <summary>
/// The agent classifies a call (CC-01): type, linked customer, notes. The call and the customer
/// must lie in the user's scope; someone else's change in between is a 409. Linking a customer
/// puts the call on the customer's timeline.
/// </summary>
public sealed class ClassifyCallHandler(AnxinDbContext db, GetCallHandler get, TimeProvider time)
{
    public async Task<Result<CallDetail>> HandleAsync(Guid id, ClassifyCallRequest request, CancellationToken ct)
    {
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return Result<CallDetail>.NotFound();
        }

        var errors = new FieldErrors();
        if (request.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add(nameof(request.Type), ValidationCodes.Required);
        }

        if (request.Version is null)
        {
            errors.Add(nameof(request.Version), "Validation.Version");
        }

        Customer? customer = null;
        var number = request.CustomerNumber?.Trim().ToUpperInvariant();
        if (request.CustomerId is { } customerId)
        {
            customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, ct);
        }
        else if (!string.IsNullOrEmpty(number) && number.Length <= 32)
        {
            customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number, ct);
        }

        if (customer is null && (request.CustomerId is not null || !string.IsNullOrEmpty(number)))
        {
            errors.Add(request.CustomerId is null ? nameof(request.CustomerNumber) : nameof(request.CustomerId), "Call.CustomerUnknown");
        }

        if (errors.Any)
        {
            return Result<CallDetail>.Invalid(errors.All);
        }

        if (call.Version != request.Version)
        {
            return Result<CallDetail>.Conflict();
        }

        var linkedBefore = call.CustomerId;
        try
        {
            call.Classify(request.Type!.Value, customer?.Id, request.Notes);
            if (customer is not null && customer.Id != linkedBefore)
            {
                db.AddAuditEvent("CallLinked", nameof(Customer), customer.Id, $"{call.ExternalId} {call.Type}", customer.OrgPath, time.GetUtcNow());
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<CallDetail>.From(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<CallDetail>.Conflict();
        }

        return await get.DescribeAsync(call, ct);
    }
}
