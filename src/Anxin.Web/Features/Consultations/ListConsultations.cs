using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Consultations;
using Anxin.Web.Features.Requests;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Consultations;

/// <summary>Search and filters shared by the consultation list and its export; <see cref="Mine"/>: owned by the signed-in user.</summary>
public sealed record ConsultationFilter(string? Q = null, ConsultationStatus? Status = null, ConsultationCategory? Category = null,
    bool Mine = false, bool Overdue = false, DateOnly? From = null, DateOnly? To = null);

public sealed record ListConsultationsRequest(ConsultationFilter Filter, string? After = null, int? PageSize = null);

public sealed record ConsultationListItem(Guid Id, string Number, ConsultationStatus Status, ConsultationCategory Category, string CallerName,
    string? CallerMobile, string Question, DateTimeOffset ReceivedAt, DateTimeOffset? PromisedReplyAt, DateTimeOffset? AnsweredAt,
    Guid? OwnerStaffId, string? OwnerName);

public sealed record ConsultationPage(IReadOnlyList<ConsultationListItem> Items, string? NextCursor, int Total, bool TotalCapped);

/// <summary>
/// Consultations in the actor's organisation scope and insurer partition, newest first, keyset-paged
/// on (received at, id). The search box takes a ZX number or a full mobile; otherwise words of the question.
/// </summary>
public sealed class ListConsultationsHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int CountCap = 10_000;

    public async Task<Result<ConsultationPage>> HandleAsync(ListConsultationsRequest request, CancellationToken ct)
    {
        var query = Filter(request.Filter);
        var counted = await query.Take(CountCap + 1).CountAsync(ct);
        if (request.After is { Length: > 0 } after)
        {
            if (!KeysetCursor.TryDecode(after, out DateTimeOffset at, out Guid id))
            {
                return Result<ConsultationPage>.Invalid("After", KeysetCursor.InvalidCode);
            }

            query = query.Where(c => c.ReceivedAt < at || (c.ReceivedAt == at && c.Id.CompareTo(id) < 0));
        }

        var size = Math.Clamp(request.PageSize ?? DefaultPageSize, 1, MaxPageSize);
        var rows = await Project(query.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(size + 1)).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        var owners = await StaffCards.LoadAsync(db, page.Select(r => r.OwnerStaffId), ct);
        var items = page.Select(r => Mask(r) with { OwnerName = r.OwnerStaffId is { } o && owners.TryGetValue(o, out var card) ? card.Display : null }).ToList();
        var next = rows.Count > size ? KeysetCursor.Encode(page[^1].ReceivedAt, page[^1].Id) : null;
        return new ConsultationPage(items, next, Math.Min(counted, CountCap), counted > CountCap);
    }

    /// <summary>Rows in list order, masked, with owner names, streamed for the export.</summary>
    public async IAsyncEnumerable<ConsultationListItem> RowsAsync(ConsultationFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var names = await StaffNames.AllAsync(db, ct);
        await foreach (var row in Project(Filter(filter).OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return Mask(row) with { OwnerName = row.OwnerStaffId is { } o ? names.GetValueOrDefault(o) : null };
        }
    }

    public IQueryable<Consultation> Filter(ConsultationFilter filter)
    {
        IQueryable<Consultation> query = db.Consultations.AsNoTracking();
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            q = q.Length > 40 ? q[..40] : q;
            if (MobileNumber.TryCreate(q, out var mobile))
            {
                var value = mobile.Value;
                query = query.Where(c => c.CallerMobile == value);
            }
            else if (q.StartsWith(Consultation.NumberPrefix, StringComparison.OrdinalIgnoreCase) && q.Skip(2).All(char.IsAsciiDigit))
            {
                var number = q.ToUpperInvariant();
                query = query.Where(c => c.Number.StartsWith(number));
            }
            else
            {
                query = query.Where(c => c.Question.Contains(q));
            }
        }

        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(c => c.Category == category);
        }

        if (filter.Mine)
        {
            var staffId = me.StaffId ?? Guid.Empty;
            query = query.Where(c => c.OwnerStaffId == staffId);
        }

        if (filter.Overdue)
        {
            var now = time.GetUtcNow();
            query = query.Where(c => c.Status == ConsultationStatus.Pending && c.PromisedReplyAt <= now);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            query = query.Where(c => c.ReceivedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            query = query.Where(c => c.ReceivedAt < end);
        }

        return query;
    }

    private static IQueryable<ConsultationListItem> Project(IQueryable<Consultation> query) => query.Select(c => new ConsultationListItem(
        c.Id, c.Number, c.Status, c.Category, c.CallerName, c.CallerMobile, c.Question, c.ReceivedAt, c.PromisedReplyAt, c.AnsweredAt,
        c.OwnerStaffId, null));

    private static ConsultationListItem Mask(ConsultationListItem row) => row with
    {
        CallerName = Masking.Name(row.CallerName),
        CallerMobile = row.CallerMobile is null ? null : Masking.Mobile(row.CallerMobile),
        Question = row.Question.Length > 80 ? row.Question[..80] + "…" : row.Question,
    };
}
