using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Claims;

public sealed record VendorFilter(VendorKind? Kind = null, string? Q = null, bool? Active = true);

/// <summary>A vendor as lists, pages and the API show it: the contact's mobile masked.</summary>
public sealed record VendorView(Guid Id, VendorKind Kind, string Name, string CreditCode, string ContactName, string ContactMobile, string? Address,
    bool IsActive, int OpenRequests, long Version);

public sealed record SaveVendorRequest(VendorKind? Kind, string? Name, string? CreditCode, string? ContactName, string? ContactMobile, string? Address,
    bool IsActive = true, long? Version = null);

/// <summary>The vendor register (CLM-09): repair shops, towing and appraisal, found by name or credit code, paged by name.</summary>
public sealed class ListVendorsHandler(AnxinDbContext db)
{
    public async Task<Result<ListPage<VendorView>>> HandleAsync(VendorFilter filter, string? after, int? pageSize, CancellationToken ct)
    {
        var query = Filter(filter);
        var total = await query.CountAsync(ct);
        if (after is { Length: > 0 })
        {
            if (!KeysetCursor.TryDecode(after, out string name, out Guid id))
            {
                return Result<ListPage<VendorView>>.Invalid("After", KeysetCursor.InvalidCode);
            }

            query = query.Where(v => string.Compare(v.Name, name) > 0 || (v.Name == name && v.Id.CompareTo(id) > 0));
        }

        var size = Paging.Size(pageSize);
        var probe = await query.OrderBy(v => v.Name).ThenBy(v => v.Id).Take(size + 1).ToListAsync(ct);
        var (page, next) = Paging.Cut(probe, size, v => KeysetCursor.Encode(v.Name, v.Id));
        return new ListPage<VendorView>(await DescribeAsync(page, ct), next, total);
    }

    public async IAsyncEnumerable<VendorView> RowsAsync(VendorFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = await Filter(filter).OrderBy(v => v.Name).ThenBy(v => v.Id).ToListAsync(ct);
        foreach (var row in await DescribeAsync(rows, ct))
        {
            yield return row;
        }
    }

    public async Task<VendorView?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Vendors.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct) is { } vendor ? (await DescribeAsync([vendor], ct))[0] : null;

    /// <summary>Active vendors for a service request's picker.</summary>
    public async Task<IReadOnlyList<VendorView>> ActiveAsync(CancellationToken ct) =>
        await DescribeAsync(await db.Vendors.AsNoTracking().Where(v => v.IsActive).OrderBy(v => v.Kind).ThenBy(v => v.Name).Take(500).ToListAsync(ct), ct);

    private IQueryable<Vendor> Filter(VendorFilter filter)
    {
        IQueryable<Vendor> query = db.Vendors.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(v => v.Kind == kind);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(v => v.IsActive == active);
        }

        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            q = q.Length > 40 ? q[..40] : q;
            var upper = q.ToUpperInvariant();
            query = query.Where(v => v.Name.Contains(q) || v.CreditCode == upper);
        }

        return query;
    }

    /// <summary>With the number of open service requests each has (in the user's scope).</summary>
    private async Task<List<VendorView>> DescribeAsync(IReadOnlyList<Vendor> vendors, CancellationToken ct)
    {
        var ids = vendors.Select(v => v.Id).ToList();
        var open = await db.ServiceRequests.AsNoTracking()
            .Where(r => ids.Contains(r.VendorId) && r.Status != ServiceRequestStatus.Invoiced && r.Status != ServiceRequestStatus.Cancelled)
            .GroupBy(r => r.VendorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return vendors.Select(v => new VendorView(v.Id, v.Kind, v.Name, v.CreditCode, v.ContactName, Masking.Mobile(v.ContactMobile), v.Address, v.IsActive,
            open.GetValueOrDefault(v.Id), v.Version)).ToList();
    }
}

/// <summary>Registers or changes a vendor: the credit code checked (format and check character) and unique; a stale version is 409.</summary>
public sealed class SaveVendorHandler(AnxinDbContext db, ListVendorsHandler vendors, TimeProvider time)
{
    public async Task<Result<VendorView>> HandleAsync(Guid? id, SaveVendorRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = UnifiedSocialCreditCode.Create(request.CreditCode);
        if (id is null && !code.IsValid)
        {
            errors.Add(nameof(request.CreditCode), code.ErrorCode!);
        }

        var mobile = MobileNumber.Create(request.ContactMobile);
        if (!mobile.IsValid)
        {
            errors.Add(nameof(request.ContactMobile), mobile.ErrorCode!);
        }

        if (request.Kind is null)
        {
            errors.Add(nameof(request.Kind), ValidationCodes.Required);
        }

        if (id is null && code.IsValid && await db.Vendors.AnyAsync(v => v.CreditCode == code.Value.Value, ct))
        {
            errors.Add(nameof(request.CreditCode), "Vendor.CreditCodeTaken");
        }

        if (errors.Any)
        {
            return Result<VendorView>.Invalid(errors.All);
        }

        Vendor vendor;
        try
        {
            if (id is { } existing)
            {
                vendor = await db.Vendors.SingleOrDefaultAsync(v => v.Id == existing, ct) ?? throw new KeyNotFoundException();
                if (request.Version is { } read && !db.IsAtVersion(vendor, read))
                {
                    return Result<VendorView>.Conflict();
                }

                vendor.Change(request.Kind!.Value, request.Name, request.ContactName, mobile.Value, request.Address);
                if (request.IsActive)
                {
                    vendor.Activate();
                }
                else
                {
                    vendor.Deactivate();
                }
            }
            else
            {
                vendor = Vendor.Register(request.Kind!.Value, request.Name, code.Value, request.ContactName, mobile.Value, request.Address);
                db.Vendors.Add(vendor);
            }
        }
        catch (KeyNotFoundException)
        {
            return Result<VendorView>.NotFound();
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<VendorView>.From(e);
        }

        db.AddAuditEvent(id is null ? "VendorRegistered" : "VendorChanged", nameof(Vendor), vendor.Id, $"{vendor.Kind} {vendor.Name} {vendor.CreditCode}",
            string.Empty, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<VendorView>.Conflict();
        }
        catch (DbUpdateException)
        {
            return Result<VendorView>.Invalid(nameof(request.CreditCode), "Vendor.CreditCodeTaken");
        }

        return (await vendors.GetAsync(vendor.Id, ct))!;
    }
}

public static class VendorColumns
{
    public static ListColumns<VendorView> For(IStringLocalizer t) => new(
        new("kind", "Vendor.Kind", v => t["Vendor.Kind." + v.Kind]),
        new("name", "Vendor.Name", v => v.Name),
        new("creditCode", "Vendor.CreditCode", v => v.CreditCode),
        new("contact", "Vendor.ContactName", v => v.ContactName),
        new("mobile", "Vendor.ContactMobile", v => v.ContactMobile),
        new("address", "Vendor.Address", v => v.Address),
        new("active", "Vendor.Active", v => t[v.IsActive ? "Common.Yes" : "Common.No"]),
        new("open", "Vendor.OpenRequests", v => v.OpenRequests.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

public sealed class ExportVendorsHandler(ListVendorsHandler list, TimeProvider time, IStringLocalizer<ClaimText> claimText, IStringLocalizer<SharedResource> sharedText)
{
    public Result<TabularExportResult<VendorView>> Handle(VendorFilter filter, string? format, string? columns)
    {
        var text = new ClaimLocalizer(claimText, sharedText);
        var parsed = TabularExport.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return Result<TabularExportResult<VendorView>>.Fail(parsed);
        }

        var chosen = VendorColumns.For(text).Choose(columns);
        return chosen.IsOk
            ? Result<TabularExportResult<VendorView>>.Ok(TabularExport.File("vendors", parsed.Value, chosen.Value!, text, list.RowsAsync(filter), time))
            : Result<TabularExportResult<VendorView>>.Fail(chosen);
    }
}
