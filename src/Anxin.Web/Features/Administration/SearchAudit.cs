using System.Globalization;
using System.Text;
using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Administration;

/// <summary>Audit filters; dates are calendar days in China Standard Time, <c>To</c> inclusive.</summary>
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? Actor = null, string? EntityType = null,
    string? EntityId = null, string? Action = null, AuditKind? Kind = null, string? After = null);

public sealed record AuditRowDto(Guid Id, DateTimeOffset At, string? Actor, AuditKind Kind, string Action, string EntityType,
    string? EntityId, string? Field, string? OldValue, string? NewValue, string? RequestId);

public sealed record AuditPageDto(IReadOnlyList<AuditRowDto> Items, string? NextCursor);

/// <summary>
/// Reads the append-only audit trail inside the user's data scope (the AuditEntry query
/// filter on OrgPath), newest first, with keyset paging on (At desc, Id desc) so a page deep in
/// tens of millions of rows costs the same as the first. Nothing here writes.
/// </summary>
public sealed class SearchAuditHandler(AnxinDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Calendar days of the filters are China Standard Time days.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<Result<AuditPageDto>> HandleAsync(AuditFilter filter, CancellationToken ct)
    {
        if (filter.From is { } f && filter.To is { } t && t < f)
        {
            return Result<AuditPageDto>.Invalid(nameof(filter.To), "Audit.InvalidRange");
        }

        var query = Filtered(filter);
        if (!string.IsNullOrEmpty(filter.After))
        {
            if (!TryDecode(filter.After, out var at, out var id))
            {
                return Result<AuditPageDto>.Invalid(nameof(filter.After), "Audit.InvalidCursor");
            }

            query = query.Where(a => a.At < at || (a.At == at && a.Id.CompareTo(id) < 0));
        }

        var rows = await Project(query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(PageSize + 1)).ToListAsync(ct);
        var next = rows.Count > PageSize ? Encode(rows[PageSize - 1]) : null;
        return new AuditPageDto(rows.Take(PageSize).ToList(), next);
    }

    /// <summary>Every matching row, newest first, streamed from the database (for the CSV export).</summary>
    public IAsyncEnumerable<AuditRowDto> StreamAsync(AuditFilter filter) =>
        Project(Filtered(filter with { After = null }).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)).AsAsyncEnumerable();

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
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

    /// <summary>The opaque cursor: the (At, Id) of the last row shown, base64url-encoded.</summary>
    private static string Encode(AuditRowDto row) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(row.At.UtcTicks.ToString(CultureInfo.InvariantCulture) + "_" + row.Id.ToString("N")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string cursor, out DateTimeOffset at, out Guid id)
    {
        at = default;
        id = default;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('_');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out id))
            {
                return false;
            }

            at = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
