using Anxin.Web.Infrastructure.Lists;
using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Customers;
using Anxin.Web.Features.Staff;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Customers;

/// <summary>Search and filters shared by the list and the export.</summary>
public sealed record CustomerFilter(string? Q = null, CustomerKind? Kind = null, bool? Active = null);

public sealed record ListCustomersRequest(CustomerFilter Filter, string? After = null, int? PageSize = null);

public sealed record CustomerListItem(Guid Id, string Number, CustomerKind Kind, string Name, string IdNumber, string CreditCode,
    string Mobile, string? OrgNodeName, bool IsActive);

public sealed record CustomerPage(IReadOnlyList<CustomerListItem> Items, string? NextCursor, int Total);

/// <summary>
/// Customers the user may see (scope filter), sorted by name then id and keyset-paged. A full ID
/// number, credit code or mobile in the search box finds by exact (unmasked) value, though
/// the rows show it masked.
/// </summary>
public sealed class ListCustomersHandler(AnxinDbContext db)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<Result<CustomerPage>> HandleAsync(ListCustomersRequest request, CancellationToken ct)
    {
        var query = Filter(request.Filter);
        var total = await query.CountAsync(ct);
        if (request.After is { Length: > 0 } after)
        {
            if (!KeysetCursor.TryDecode(after, out string name, out Guid id))
            {
                return Result<CustomerPage>.Invalid("After", KeysetCursor.InvalidCode);
            }

            query = query.Where(c => c.Name.CompareTo(name) > 0 || (c.Name == name && c.Id.CompareTo(id) > 0));
        }

        var size = Math.Clamp(request.PageSize ?? DefaultPageSize, 1, MaxPageSize);
        var rows = await query.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(size + 1)
            .Select(c => new
            {
                c.Id, c.Number, c.Kind, c.Name, c.IdNumber, c.CreditCode, c.Mobile, c.IsActive,
                OrgNodeName = db.OrgNodes.Where(n => n.Id == c.OrgNodeId).Select(n => n.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var page = rows.Take(size).ToList();
        var items = page.Select(r => new CustomerListItem(r.Id, r.Number, r.Kind, r.Name, Masking.IdNumber(r.IdNumber),
            r.CreditCode ?? string.Empty, Masking.Mobile(r.Mobile), r.OrgNodeName, r.IsActive)).ToList();
        var next = rows.Count > size ? KeysetCursor.Encode(page[^1].Name, page[^1].Id) : null;
        return new CustomerPage(items, next, total);
    }

    /// <summary>The filtered query, inside the user's scope (the global filter is never bypassed).</summary>
    public IQueryable<Customer> Filter(CustomerFilter filter)
    {
        IQueryable<Customer> query = db.Customers.AsNoTracking();
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            q = q.Length > 100 ? q[..100] : q;
            if (ResidentIdNumber.TryCreate(q, out var id))
            {
                var value = id.Value;
                query = query.Where(c => c.IdNumber == value);
            }
            else if (UnifiedSocialCreditCode.TryCreate(q, out var code))
            {
                var value = code.Value;
                query = query.Where(c => c.CreditCode == value);
            }
            else if (MobileNumber.TryCreate(q, out var mobile))
            {
                var value = mobile.Value;
                query = query.Where(c => c.Mobile == value || c.Phone2 == value);
            }
            else
            {
                var number = q.ToUpperInvariant();
                query = query.Where(c => c.Name.Contains(q) || c.Number.StartsWith(number));
            }
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(c => c.IsActive == active);
        }

        return query;
    }
}
