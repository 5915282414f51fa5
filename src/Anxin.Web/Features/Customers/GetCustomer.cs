using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Customers;

/// <summary>One customer as shown to staff: personal data masked .</summary>
public sealed record CustomerDetail(Guid Id, string Number, CustomerKind Kind, string Name, string IdNumber, string CreditCode,
    Gender? Gender, DateOnly? BirthDate, string Mobile, string Phone2, string Email, string Address,
    Guid OrgNodeId, string? OrgNodeName, bool IsActive, long Version, DateTimeOffset CreatedAt)
{
    public static CustomerDetail From(Customer c, string? orgNodeName) => new(c.Id, c.Number, c.Kind, c.Name,
        Masking.IdNumber(c.IdNumber), c.CreditCode ?? string.Empty, c.Gender, c.BirthDate,
        Masking.Mobile(c.Mobile), Masking.Mobile(c.Phone2), Masking.Email(c.Email), Masking.Address(c.Address),
        c.OrgNodeId, orgNodeName, c.IsActive, c.Version, c.CreatedAt);
}

public sealed class GetCustomerHandler(AnxinDbContext db)
{
    /// <summary>Null when the customer does not exist or lies outside the user's scope.</summary>
    public async Task<CustomerDetail?> HandleAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Customers.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { Customer = c, OrgNodeName = db.OrgNodes.Where(n => n.Id == c.OrgNodeId).Select(n => n.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : CustomerDetail.From(row.Customer, row.OrgNodeName);
    }
}
