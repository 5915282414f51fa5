using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Customers;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Customers;

public sealed record RegisterCustomerRequest(CustomerKind? Kind, string? Name, string? IdNumber, string? CreditCode, string? Mobile,
    string? Phone2, string? Email, string? Address, bool ConfirmDuplicateMobile = false);

/// <summary>An existing customer the new one may duplicate; personal data masked.</summary>
public sealed record CustomerMatch(Guid Id, string Number, string Name, string Mobile);

/// <summary>Either the registered customer, or the customers with the same mobile that need a confirmation.</summary>
public sealed record RegisterCustomerOutcome(CustomerDetail? Customer, IReadOnlyList<CustomerMatch> PossibleDuplicates)
{
    public bool NeedsConfirmation => Customer is null;
}

/// <summary>
/// Registers a customer (CUS-01) at the registering user's organisation node with a KH number.
/// The same ID number or credit code on an active customer the user can see is refused; the
/// same mobile needs <see cref="RegisterCustomerRequest.ConfirmDuplicateMobile"/>.
/// </summary>
public sealed class RegisterCustomerHandler(AnxinDbContext db, CurrentUser me, IBusinessNumberGenerator numbers, TimeProvider time)
{
    public const string DuplicateId = "Customer.DuplicateId";
    public const string DuplicateMobile = "Customer.DuplicateMobile";

    public async Task<Result<RegisterCustomerOutcome>> HandleAsync(RegisterCustomerRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Kind is null || !Enum.IsDefined(request.Kind.Value))
        {
            errors.Add(nameof(request.Kind), ValidationCodes.Required);
        }

        errors.Required(nameof(request.Name), request.Name);
        var idNumber = request.Kind == CustomerKind.Individual ? Validate(errors, nameof(request.IdNumber), request.IdNumber, ResidentIdNumber.Create) : null;
        var creditCode = request.Kind == CustomerKind.Organisation ? Validate(errors, nameof(request.CreditCode), request.CreditCode, UnifiedSocialCreditCode.Create) : null;
        var mobile = Validate(errors, nameof(request.Mobile), request.Mobile, MobileNumber.Create);
        if (errors.Any)
        {
            return Result<RegisterCustomerOutcome>.Invalid(errors.All);
        }

        var node = me.OrgNodeId is { } nodeId ? await db.OrgNodes.IgnoreQueryFilters().SingleOrDefaultAsync(n => n.Id == nodeId, ct) : null;
        if (node is null)
        {
            return Result<RegisterCustomerOutcome>.Forbidden();
        }

        // Duplicates among the active customers this user can see (the scope filter applies).
        var identifier = idNumber?.Value ?? creditCode!.Value;
        var existing = await db.Customers.AsNoTracking()
            .Where(c => c.IsActive && (idNumber != null ? c.IdNumber == identifier : c.CreditCode == identifier))
            .Select(c => c.Number).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            var field = idNumber is not null ? nameof(request.IdNumber) : nameof(request.CreditCode);
            return Result<RegisterCustomerOutcome>.Invalid([new FieldError(field, DuplicateId, existing)]);
        }

        if (!request.ConfirmDuplicateMobile)
        {
            var sameMobile = await db.Customers.AsNoTracking()
                .Where(c => c.IsActive && c.Mobile == mobile!.Value)
                .OrderBy(c => c.Number).Take(10)
                .Select(c => new { c.Id, c.Number, c.Name, c.Mobile })
                .ToListAsync(ct);
            if (sameMobile.Count > 0)
            {
                return new RegisterCustomerOutcome(null, [.. sameMobile.Select(c => new CustomerMatch(c.Id, c.Number, c.Name, Masking.Mobile(c.Mobile)))]);
            }
        }

        Customer customer;
        try
        {
            var number = await numbers.NextAsync(Customer.NumberPrefix, ct);
            customer = idNumber is not null
                ? Customer.RegisterIndividual(number, request.Name!, idNumber, mobile!, node)
                : Customer.RegisterOrganisation(number, request.Name!, creditCode!, mobile!, node);
            customer.UpdateContact(mobile!, request.Phone2, request.Email, request.Address);
        }
        catch (DomainException e)
        {
            return Result<RegisterCustomerOutcome>.From(e);
        }

        db.Customers.Add(customer);
        db.AddAuditEvent("CustomerRegistered", nameof(Customer), customer.Id, customer.Number, customer.OrgPath, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new RegisterCustomerOutcome(CustomerDetail.From(customer, node.Name), []);
    }

    private static T? Validate<T>(FieldErrors errors, string field, string? input, Func<string?, ValueResult<T>> create)
        where T : class
    {
        var result = create(input);
        if (!result.IsValid)
        {
            errors.Add(field, result.ErrorCode);
            return null;
        }

        return result.Value;
    }
}
