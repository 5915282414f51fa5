using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Administration;

/// <summary>Audit filters; dates are calendar days in China Standard Time, <c>To</c> inclusive.</summary>
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? Actor = null, string? EntityType = null,
    string? EntityId = null, string? Action = null, AuditKind? Kind = null, string? After = null);

public sealed record AuditRowDto(Guid Id, DateTimeOffset At, string? Actor, AuditKind Kind, string Action, string EntityType,
    string? EntityId, string? Field, string? OldValue, string? NewValue, string? RequestId);

/// <summary>
/// Reads the append-only audit trail inside the user's data scope (the AuditEntry query
/// filter on OrgPath), newest first, with keyset paging on (At desc, Id desc) so a page deep in
/// tens of millions of rows costs the same as the first. No total: counting would scan the
/// trail. Nothing here writes.
/// </summary>
public sealed class SearchAuditHandler(AnxinDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Calendar days of the filters are China Standard Time days.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<Result<ListPage<AuditRowDto>>> HandleAsync(AuditFilter filter, CancellationToken ct)
    {
        if (filter.From is { } f && filter.To is { } t && t < f)
        {
            return Result<ListPage<AuditRowDto>>.Invalid(nameof(filter.To), "Audit.InvalidRange");
        }

        var query = Filtered(filter);
        if (!string.IsNullOrEmpty(filter.After))
        {
            if (!KeysetCursor.TryDecode(filter.After, out DateTimeOffset at, out Guid id))
            {
                return Result<ListPage<AuditRowDto>>.Invalid(nameof(filter.After), KeysetCursor.InvalidCode);
            }

            query = query.Where(a => a.At < at || (a.At == at && a.Id.CompareTo(id) < 0));
        }

        var rows = await Project(query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(PageSize + 1)).ToListAsync(ct);
        var (page, next) = Paging.Cut(rows, PageSize, r => KeysetCursor.Encode(r.At, r.Id));
        return new ListPage<AuditRowDto>(page, next);
    }

    /// <summary>Every matching row, newest first, streamed from the database (for the exports).</summary>
    public IAsyncEnumerable<AuditRowDto> StreamAsync(AuditFilter filter) =>
        Project(Filtered(filter with { After = null }).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)).AsAsyncEnumerable();

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();

        // A commissioning insurer's users and keys read none of our audit trail: its rows carry no
        // insurer, so the partition cannot be applied row by row (found by the permission sweep).
        if (db.InsurerScope is not null)
        {
            query = query.Where(_ => false);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime(); // PostgreSQL timestamptz takes UTC only
            query = query.Where(a => a.At < end);
        }

        if (Clean(filter.Actor) is { } actor)
        {
            query = query.Where(a => a.ActorName != null && a.ActorName.Contains(actor));
        }

        if (Clean(filter.EntityType) is { } type)
        {
            query = query.Where(a => a.EntityType == type);
        }

        if (Clean(filter.EntityId) is { } entityId)
        {
            query = query.Where(a => a.EntityId == entityId);
        }

        if (Clean(filter.Action) is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }

        return query;
    }

    private static IQueryable<AuditRowDto> Project(IQueryable<AuditEntry> query) => query.Select(a =>
        new AuditRowDto(a.Id, a.At, a.ActorName, a.Kind, a.Action, a.EntityType, a.EntityId, a.Field, a.OldValue, a.NewValue, a.RequestId));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
