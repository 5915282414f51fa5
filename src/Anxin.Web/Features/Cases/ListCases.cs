using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

/// <summary>Search and filters shared by the case list and its export.</summary>
public sealed record CaseFilter(string? Q = null, CaseStatus? Status = null, ProductLine? Line = null, string? Insurer = null,
    bool? Verified = null, DateOnly? From = null, DateOnly? To = null);

public sealed record ListCasesRequest(CaseFilter Filter, string? After = null, int? PageSize = null);

public sealed record CaseListItem(Guid Id, string Number, CaseStatus Status, ProductLine Line, string? InsurerCode, string? PolicyNumber,
    bool PolicyVerified, CoverageOutcome Coverage, string? Plate, string ReporterName, string ReporterMobile, DateTimeOffset LossAt,
    DateTimeOffset ReportedAt, string LossPlace, Guid? OwnerStaffId, string? OwnerName);

/// <summary><see cref="Total"/> counts up to <see cref="ListCasesHandler.CountCap"/>; <see cref="TotalCapped"/> says there are more.</summary>
public sealed record CasePage(IReadOnlyList<CaseListItem> Items, string? NextCursor, int Total, bool TotalCapped);

/// <summary>
/// Cases the actor may see (organisation scope and insurer partition), newest first, keyset-paged
/// on (reported at, id). The search box takes a case number, a plate or a full mobile.
/// </summary>
public sealed class ListCasesHandler(AnxinDbContext db)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int CountCap = 10_000;

    public async Task<Result<CasePage>> HandleAsync(ListCasesRequest request, CancellationToken ct)
    {
        var query = Filter(request.Filter);
        var counted = await query.Take(CountCap + 1).CountAsync(ct);
        if (request.After is { Length: > 0 } after)
        {
            if (!KeysetCursor.TryDecode(after, out DateTimeOffset at, out Guid id))
            {
                return Result<CasePage>.Invalid("After", KeysetCursor.InvalidCode);
            }

            query = query.Where(c => c.ReportedAt < at || (c.ReportedAt == at && c.Id.CompareTo(id) < 0));
        }

        var size = Math.Clamp(request.PageSize ?? DefaultPageSize, 1, MaxPageSize);
        var rows = await Project(query.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id).Take(size + 1)).ToListAsync(ct);
        var owners = await StaffNames.LoadAsync(db, rows.Select(r => r.OwnerStaffId), ct);
        var page = rows.Take(size).Select(r => r with { OwnerName = r.OwnerStaffId is { } o ? owners.GetValueOrDefault(o) : null }).ToList();
        var next = rows.Count > size ? KeysetCursor.Encode(page[^1].ReportedAt, page[^1].Id) : null;
        return new CasePage(page, next, Math.Min(counted, CountCap), counted > CountCap);
    }

    /// <summary>Rows in list order, masked, with owner names, streamed for the export.</summary>
    public async IAsyncEnumerable<CaseListItem> RowsAsync(CaseFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var names = await StaffNames.AllAsync(db, ct);
        await foreach (var row in Project(Filter(filter).OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row with { OwnerName = row.OwnerStaffId is { } o ? names.GetValueOrDefault(o) : null };
        }
    }

    public IQueryable<Case> Filter(CaseFilter filter)
    {
        IQueryable<Case> query = db.Cases.AsNoTracking();
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            q = q.Length > 40 ? q[..40] : q;
            if (MobileNumber.TryCreate(q, out var mobile))
            {
                var value = mobile.Value;
                query = query.Where(c => c.ReporterMobile == value || c.ContactMobile == value);
            }
            else if (PlateNumber.Create(q) is { IsValid: true } plate)
            {
                var value = plate.Value.Value;
                query = query.Where(c => c.Plate == value);
            }
            else
            {
                var number = q.ToUpperInvariant();
                query = query.Where(c => c.Number == number || c.PolicyNumber == number);
            }
        }

        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Line is { } line)
        {
            query = query.Where(c => c.Line == line);
        }

        if (filter.Insurer?.Trim().ToUpperInvariant() is { Length: > 0 } insurer)
        {
            query = insurer == "OWN"
                ? query.Where(c => c.InsurerId == null)
                : query.Where(c => db.Insurers.Any(i => i.Id == c.InsurerId && i.Code == insurer));
        }

        if (filter.Verified is { } verified)
        {
            query = query.Where(c => c.PolicyVerified == verified);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            query = query.Where(c => c.ReportedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
            query = query.Where(c => c.ReportedAt < end);
        }

        return query;
    }

    private IQueryable<CaseListItem> Project(IQueryable<Case> query) => query.Select(c => new CaseListItem(
        c.Id, c.Number, c.Status, c.Line,
        db.Insurers.Where(i => i.Id == c.InsurerId).Select(i => i.Code).FirstOrDefault(),
        c.PolicyNumber, c.PolicyVerified, c.CoverageOutcome, c.Plate,
        Masking.Name(c.ReporterName), Masking.Mobile(c.ReporterMobile), c.LossAt, c.ReportedAt, c.LossPlace, c.OwnerStaffId, null));
}
