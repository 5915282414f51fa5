using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Policies;

/// <summary>Search and filters shared by the policy list and its export.</summary>
public sealed record PolicyFilter(string? Q = null, ProductLine? Line = null, string? Insurer = null, PolicyStatus? Status = null,
    DateOnly? InForceOn = null);

public sealed record ListPoliciesRequest(PolicyFilter Filter, string? After = null, int? PageSize = null);

/// <summary>A policy in the list and the export; personal data masked.</summary>
public sealed record PolicyListItem(Guid Id, string Number, string? InsurerCode, ProductLine Line, PolicyStatus Status, string HolderName,
    string? HolderMobile, string InsuredName, string? Plate, string? Vin, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    DateTimeOffset? TerminatedAt, decimal Premium, IReadOnlyList<string> Coverages, bool CustomerLinked);

/// <summary><see cref="Total"/> counts up to <see cref="ListPoliciesHandler.CountCap"/>; <see cref="TotalCapped"/> says there are more.</summary>
public sealed record PolicyPage(IReadOnlyList<PolicyListItem> Items, string? NextCursor, int Total, bool TotalCapped);

/// <summary>
/// Policies the actor may see (organisation scope and insurer partition), by number, keyset-paged on
/// (number, id). The search box takes a policy number (or its beginning), a plate, a VIN or a full mobile.
/// </summary>
public sealed class ListPoliciesHandler(AnxinDbContext db)
{
    public const int CountCap = 10_000;

    /// <summary>China time, where the "in force on" date is read.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<Result<PolicyPage>> HandleAsync(ListPoliciesRequest request, CancellationToken ct)
    {
        var query = Filter(request.Filter);
        var counted = await query.Take(CountCap + 1).CountAsync(ct);
        if (request.After is { Length: > 0 } after)
        {
            if (!KeysetCursor.TryDecode(after, out string number, out Guid id))
            {
                return Result<PolicyPage>.Invalid("After", KeysetCursor.InvalidCode);
            }

            query = query.Where(p => p.Number.CompareTo(number) > 0 || (p.Number == number && p.Id.CompareTo(id) > 0));
        }

        var size = Paging.Size(request.PageSize);
        var rows = await Project(query.OrderBy(p => p.Number).ThenBy(p => p.Id).Take(size + 1)).ToListAsync(ct);
        var (page, next) = Paging.Cut(rows, size, r => KeysetCursor.Encode(r.Number, r.Id));
        return new PolicyPage(page.Select(Mask).ToList(), next, Math.Min(counted, CountCap), counted > CountCap);
    }

    /// <summary>Rows in list order, masked, streamed for the export.</summary>
    public async IAsyncEnumerable<PolicyListItem> RowsAsync(PolicyFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in Project(Filter(filter).OrderBy(p => p.Number).ThenBy(p => p.Id)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return Mask(row);
        }
    }

    /// <summary>The policies held by a customer (CUS-01) that the actor may see, by number.</summary>
    public async Task<IReadOnlyList<PolicyListItem>> ForCustomerAsync(Guid customerId, CancellationToken ct) =>
        (await Project(db.Policies.AsNoTracking().Where(p => p.CustomerId == customerId).OrderBy(p => p.Number).ThenBy(p => p.Id).Take(Paging.MaxPageSize))
            .ToListAsync(ct)).Select(Mask).ToList();

    /// <summary>The filtered query, inside the actor's scope and insurer partition (the global filters are never lifted).</summary>
    public IQueryable<Policy> Filter(PolicyFilter filter)
    {
        IQueryable<Policy> query = db.Policies.AsNoTracking();
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            q = q.Length > 40 ? q[..40] : q;
            if (MobileNumber.TryCreate(q, out var mobile))
            {
                var value = mobile.Value;
                query = query.Where(p => p.HolderMobile == value);
            }
            else if (PolicyDraft.IsVin(q.ToUpperInvariant()))
            {
                var vin = q.ToUpperInvariant();
                query = query.Where(p => p.Vin == vin || p.Number.StartsWith(vin));
            }
            else if (PlateNumber.Create(q) is { IsValid: true } plate)
            {
                var value = plate.Value.Value;
                query = query.Where(p => p.Plate == value);
            }
            else
            {
                var number = q.ToUpperInvariant();
                query = query.Where(p => p.Number.StartsWith(number));
            }
        }

        if (filter.Line is { } line)
        {
            query = query.Where(p => p.Line == line);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (filter.Insurer?.Trim().ToUpperInvariant() is { Length: > 0 } insurer)
        {
            query = insurer == InsurerDirectory.Own
                ? query.Where(p => p.InsurerId == null)
                : query.Where(p => db.Insurers.Any(i => i.Id == p.InsurerId && i.Code == insurer));
        }

        if (filter.InForceOn is { } day)
        {
            // In force at some moment of that day (China time): the period overlaps it and cover had not ended before it.
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset);
            var end = start.AddDays(1);
            query = query.Where(p => p.StartsAt < end && p.EndsAt > start && (p.TerminatedAt == null || p.TerminatedAt > start));
        }

        return query;
    }

    private IQueryable<PolicyListItem> Project(IQueryable<Policy> query) => query.Select(p => new PolicyListItem(
        p.Id, p.Number, db.Insurers.Where(i => i.Id == p.InsurerId).Select(i => i.Code).FirstOrDefault(), p.Line, p.Status,
        p.HolderName, p.HolderMobile, p.InsuredName, p.Plate, p.Vin, p.StartsAt, p.EndsAt, p.TerminatedAt, p.Premium,
        p.Coverages.Select(c => c.Code).ToList(), p.CustomerId != null));

    private static PolicyListItem Mask(PolicyListItem p) => p with
    {
        HolderName = Masking.Name(p.HolderName),
        HolderMobile = p.HolderMobile is null ? null : Masking.Mobile(p.HolderMobile),
        InsuredName = Masking.Name(p.InsuredName),
    };
}
