using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Quality;
using Anxin.Web.Features.Requests;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Quality;

/// <summary>
/// Filters of the registration-error list and export: status, category, the responsible agent's
/// work number, the month (yyyy-MM) and a case/consultation number.
/// </summary>
public sealed record RegistrationErrorFilter(RegistrationErrorStatus? Status = null, RegistrationErrorCategory? Category = null, string? Agent = null,
    string? Month = null, string? Q = null);

public sealed record RegistrationErrorPage(IReadOnlyList<RegistrationErrorView> Items, string? NextCursor, int Total);

/// <summary>Registration errors charged to agents in the actor's scope, newest first, keyset-paged on (recorded at, id).</summary>
public sealed class ListRegistrationErrorsHandler(AnxinDbContext db, CurrentUser me)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<Result<RegistrationErrorPage>> HandleAsync(RegistrationErrorFilter filter, string? after, int? pageSize, CancellationToken ct)
    {
        var query = await FilterAsync(db.RegistrationErrors.AsNoTracking(), filter, ct);
        if (query is null)
        {
            return Result<RegistrationErrorPage>.Invalid("Month", "RegistrationError.MonthFormat");
        }

        var total = await query.CountAsync(ct);
        if (after is { Length: > 0 })
        {
            if (!KeysetCursor.TryDecode(after, out DateTimeOffset at, out Guid id))
            {
                return Result<RegistrationErrorPage>.Invalid("After", KeysetCursor.InvalidCode);
            }

            query = query.Where(e => e.RecordedAt < at || (e.RecordedAt == at && e.Id.CompareTo(id) < 0));
        }

        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var rows = await query.OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        var cards = await CardsAsync(page, ct);
        var next = rows.Count > size ? KeysetCursor.Encode(page[^1].RecordedAt, page[^1].Id) : null;
        return new RegistrationErrorPage(page.Select(e => RegistrationErrorView.From(e, cards)).ToList(), next, total);
    }

    /// <summary>The signed-in agent's own errors (whatever node they work at now), open ones first.</summary>
    public async Task<IReadOnlyList<RegistrationErrorView>> MineAsync(RegistrationErrorStatus? status, CancellationToken ct)
    {
        var staffId = me.StaffId ?? Guid.Empty;
        var query = db.RegistrationErrors.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().Where(e => e.ResponsibleStaffId == staffId);
        if (status is { } s)
        {
            query = query.Where(e => e.Status == s);
        }

        var rows = (await query.OrderByDescending(e => e.RecordedAt).Take(MaxPageSize).ToListAsync(ct)).OrderBy(e => e.Status).ToList();
        var cards = await CardsAsync(rows, ct);
        return rows.Select(e => RegistrationErrorView.From(e, cards)).ToList();
    }

    /// <summary>Rows in list order for the export (staff names loaded first, in a query of their own).</summary>
    public async IAsyncEnumerable<RegistrationErrorView> RowsAsync(RegistrationErrorFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var query = await FilterAsync(db.RegistrationErrors.AsNoTracking(), filter, ct);
        if (query is null)
        {
            yield break;
        }

        var cards = await db.Staff.IgnoreQueryFilters().AsNoTracking()
            .Select(s => new StaffCards.Card(s.Id, s.Name, s.WorkNumber, s.OrgNodeId, s.OrgPath)).ToDictionaryAsync(s => s.Id, ct);
        await foreach (var e in query.OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return RegistrationErrorView.From(e, cards);
        }
    }

    /// <summary>yyyy-MM → yyyyMM; null when the text is not a month.</summary>
    public static int? ParseMonth(string? month) =>
        DateTime.TryParseExact(month?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? (d.Year * 100) + d.Month : null;

    /// <summary>The filtered query; null when the month is malformed.</summary>
    private async Task<IQueryable<RegistrationError>?> FilterAsync(IQueryable<RegistrationError> query, RegistrationErrorFilter filter, CancellationToken ct)
    {
        if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(e => e.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(filter.Month))
        {
            if (ParseMonth(filter.Month) is not { } month)
            {
                return null;
            }

            query = query.Where(e => e.Month == month);
        }

        if (filter.Agent?.Trim() is { Length: > 0 } agent)
        {
            agent = agent.Length > 20 ? agent[..20] : agent;
            var ids = await db.Staff.IgnoreQueryFilters().Where(s => s.WorkNumber == agent).Select(s => s.Id).ToListAsync(ct);
            query = query.Where(e => ids.Contains(e.ResponsibleStaffId));
        }

        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            var number = (q.Length > 32 ? q[..32] : q).ToUpperInvariant();
            query = query.Where(e => e.SubjectNumber == number);
        }

        return query;
    }

    private Task<Dictionary<Guid, StaffCards.Card>> CardsAsync(IReadOnlyList<RegistrationError> rows, CancellationToken ct) =>
        StaffCards.LoadAsync(db, rows.SelectMany(e => new[] { (Guid?)e.ResponsibleStaffId, e.RecordedByStaffId, e.CorrectedByStaffId, e.ConfirmedByStaffId }), ct);
}

/// <summary>One agent's registration errors in one month (the KPI input).</summary>
public sealed record ErrorCountRow(int Month, Guid StaffId, string? Agent, int Total, int Open, int Corrected, int Confirmed);

/// <summary>
/// Registration errors per agent per month in the actor's scope (CC-08 → KPIs), for the months
/// <paramref name="from"/>…<paramref name="to"/> (yyyy-MM; default the last six months, at most 24).
/// </summary>
public sealed class SummarizeRegistrationErrorsHandler(AnxinDbContext db, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<ErrorCountRow>>> HandleAsync(string? from, string? to, CancellationToken ct)
    {
        var current = RegistrationError.MonthOf(time.GetUtcNow());
        var last = string.IsNullOrWhiteSpace(to) ? current : ListRegistrationErrorsHandler.ParseMonth(to);
        var first = string.IsNullOrWhiteSpace(from) ? (last is { } l ? AddMonths(l, -5) : null) : ListRegistrationErrorsHandler.ParseMonth(from);
        if (first is null || last is null)
        {
            return Result<IReadOnlyList<ErrorCountRow>>.Invalid(first is null ? "From" : "To", "RegistrationError.MonthFormat");
        }

        if (first > last || AddMonths(first.Value, 23) < last)
        {
            return Result<IReadOnlyList<ErrorCountRow>>.Invalid("From", "RegistrationError.MonthRange");
        }

        var counts = await db.RegistrationErrors.AsNoTracking()
            .Where(e => e.Month >= first && e.Month <= last)
            .GroupBy(e => new { e.Month, e.ResponsibleStaffId, e.Status })
            .Select(g => new { g.Key.Month, g.Key.ResponsibleStaffId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var cards = await StaffCards.LoadAsync(db, counts.Select(c => (Guid?)c.ResponsibleStaffId), ct);
        IReadOnlyList<ErrorCountRow> rows = counts.GroupBy(c => (c.Month, c.ResponsibleStaffId))
            .Select(g => new ErrorCountRow(g.Key.Month, g.Key.ResponsibleStaffId,
                cards.TryGetValue(g.Key.ResponsibleStaffId, out var card) ? card.Display : null,
                g.Sum(c => c.Count),
                g.Where(c => c.Status == RegistrationErrorStatus.Open).Sum(c => c.Count),
                g.Where(c => c.Status == RegistrationErrorStatus.Corrected).Sum(c => c.Count),
                g.Where(c => c.Status == RegistrationErrorStatus.Confirmed).Sum(c => c.Count)))
            .OrderByDescending(r => r.Month).ThenByDescending(r => r.Total).ThenBy(r => r.Agent, StringComparer.Ordinal)
            .ToList();
        return Result<IReadOnlyList<ErrorCountRow>>.Ok(rows);
    }

    private static int AddMonths(int yyyymm, int months)
    {
        var index = ((yyyymm / 100) * 12) + (yyyymm % 100) - 1 + months;
        return ((index / 12) * 100) + (index % 12) + 1;
    }
}
