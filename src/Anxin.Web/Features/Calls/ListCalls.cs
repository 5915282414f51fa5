using Anxin.Data;
using Anxin.Domain.Calls;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Calls;

/// <summary>
/// Filters shared by the call log, its totals and its export. Dates are China dates (inclusive);
/// <paramref name="Agent"/> is a staff id or work number; <paramref name="Number"/> matches the
/// caller's or the called number exactly (in any usual format).
/// </summary>
public sealed record CallFilter(DateOnly? From = null, DateOnly? To = null, CallType? Type = null, string? Agent = null,
    CallState? State = null, string? Number = null);

public sealed record ListCallsRequest(CallFilter Filter, string? After = null, int? PageSize = null);

public sealed record CallListItem(Guid Id, string ExternalId, CallDirection Direction, CallState State, CallType? Type, string Number,
    Guid AgentStaffId, string? AgentName, string? AgentWorkNumber, DateTimeOffset StartedAt, DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt, int? TalkSeconds, Guid? CustomerId, string? CustomerName, string? CustomerNumber, Guid? CaseId, bool IsMissed);

/// <summary>Counts over the whole filtered log, not just the page.</summary>
public sealed record CallTotals(int Total, int Answered, int Missed);

public sealed record CallPage(IReadOnlyList<CallListItem> Items, string? NextCursor, CallTotals Totals);

/// <summary>
/// The call log (CC-01): calls inside the user's data scope (agents see their team's, a
/// supervisor their centre's), newest first, keyset-paged; numbers masked.
/// </summary>
public sealed class ListCallsHandler(AnxinDbContext db)
{
    public async Task<Result<CallPage>> HandleAsync(ListCallsRequest request, CancellationToken ct)
    {
        var filtered = await FilterAsync(request.Filter, ct);
        if (!filtered.IsOk)
        {
            return Result<CallPage>.Fail(filtered);
        }

        var query = filtered.Value!;
        var totals = await query.GroupBy(_ => 1).Select(g => new CallTotals(
            g.Count(),
            g.Count(c => c.AnsweredAt != null),
            g.Count(c => c.State == CallState.Ended && c.AnsweredAt == null))).SingleOrDefaultAsync(ct) ?? new CallTotals(0, 0, 0);

        if (request.After is { Length: > 0 } after)
        {
            if (!KeysetCursor.TryDecode(after, out DateTimeOffset at, out Guid id))
            {
                return Result<CallPage>.Invalid("After", KeysetCursor.InvalidCode);
            }

            query = query.Where(c => c.StartedAt < at || (c.StartedAt == at && c.Id.CompareTo(id) < 0));
        }

        var size = Paging.Size(request.PageSize);
        var probe = await Rows(query.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Take(size + 1)).ToListAsync(ct);
        var (page, next) = Paging.Cut(probe, size, r => KeysetCursor.Encode(r.StartedAt, r.Id));
        return new CallPage(page.Select(ToItem).ToList(), next, totals);
    }

    /// <summary>The filtered calls inside the user's scope (the global filter is never bypassed).</summary>
    public async Task<Result<IQueryable<Call>>> FilterAsync(CallFilter filter, CancellationToken ct)
    {
        IQueryable<Call> query = db.Calls.AsNoTracking();
        if (filter.From is { } from)
        {
            var start = LocalMidnight(from);
            query = query.Where(c => c.StartedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = LocalMidnight(to.AddDays(1));
            query = query.Where(c => c.StartedAt < end);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(c => c.Type == type);
        }

        if (filter.State is { } state)
        {
            query = query.Where(c => c.State == state);
        }

        if (filter.Agent?.Trim() is { Length: > 0 } agent)
        {
            var agentId = Guid.TryParse(agent, out var id)
                ? id
                : await db.Staff.IgnoreQueryFilters().Where(s => s.WorkNumber == agent).Select(s => s.Id).FirstOrDefaultAsync(ct);
            query = query.Where(c => c.AgentStaffId == agentId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            var number = PhoneNumbers.TryNormalize(filter.Number.Length > 40 ? filter.Number[..40] : filter.Number);
            if (number is null)
            {
                return Result<IQueryable<Call>>.Invalid(nameof(filter.Number), "Validation.Phone.Format");
            }

            query = query.Where(c => c.CallerNumber == number || c.CalleeNumber == number);
        }

        return Result<IQueryable<Call>>.Ok(query);
    }

    /// <summary>
    /// The row projection shared with the export (numbers are masked after reading). The agent and
    /// customer come through the scope filters too: never IgnoreQueryFilters() in here, it would
    /// lift the filters of the whole query, calls included.
    /// </summary>
    public IQueryable<CallRow> Rows(IQueryable<Call> calls) => calls.Select(c => new CallRow(
        c.Id, c.ExternalId, c.Direction, c.State, c.Type, c.Direction == CallDirection.Inbound ? c.CallerNumber : c.CalleeNumber,
        c.AgentStaffId,
        db.Staff.Where(s => s.Id == c.AgentStaffId).Select(s => s.Name).FirstOrDefault(),
        db.Staff.Where(s => s.Id == c.AgentStaffId).Select(s => s.WorkNumber).FirstOrDefault(),
        c.StartedAt, c.AnsweredAt, c.EndedAt, c.CustomerId,
        db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Name).FirstOrDefault(),
        db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Number).FirstOrDefault(),
        c.CaseId));

    public static CallListItem ToItem(CallRow r) => new(r.Id, r.ExternalId, r.Direction, r.State, r.Type, Masking.Mobile(r.Number),
        r.AgentStaffId, r.AgentName, r.AgentWorkNumber, r.StartedAt, r.AnsweredAt, r.EndedAt,
        r.AnsweredAt is { } a && r.EndedAt is { } e ? (int)Math.Round((e - a).TotalSeconds) : null,
        r.CustomerId, r.CustomerName, r.CustomerNumber, r.CaseId, r.State == CallState.Ended && r.AnsweredAt is null);

    /// <summary>00:00 China time of <paramref name="day"/>, as an instant.</summary>
    public static DateTimeOffset LocalMidnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, WorkingCalendar.ChinaTime.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>A call row as read from the database (the number still in clear: mask before showing).</summary>
public sealed record CallRow(Guid Id, string ExternalId, CallDirection Direction, CallState State, CallType? Type, string? Number,
    Guid AgentStaffId, string? AgentName, string? AgentWorkNumber, DateTimeOffset StartedAt, DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt, Guid? CustomerId, string? CustomerName, string? CustomerNumber, Guid? CaseId);
