using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Cases;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

/// <summary>Whose claims: the acting person's (handler), those waiting for their approval, or the whole team (everything in scope).</summary>
public enum ClaimQueue
{
    Mine = 1,
    Approvals = 2,
    Team = 3,
}

/// <summary>Filters shared by the work queue and its export.</summary>
public sealed record ClaimFilter(ClaimQueue Queue = ClaimQueue.Team, string? Q = null, ClaimStatus? Status = null, ProductLine? Line = null,
    bool? Open = null, bool? Overdue = null, bool? Flagged = null, DateOnly? From = null, DateOnly? To = null);

public sealed record ListClaimsRequest(ClaimFilter Filter, string? After = null, int? PageSize = null);

public sealed record ClaimListItem(Guid Id, string Number, ClaimStatus Status, ProductLine Line, string? InsurerCode, string ClaimantName,
    string? InsuredObject, Guid HandlerStaffId, string? HandlerName, DateTimeOffset ClaimedAt, decimal Reserve, decimal? AcceptedAmount,
    bool IsLateReport, bool FiledAfterLimitation, bool FraudOpen, string? ClockRule, DateTimeOffset? DueAt, bool ClockPaused, bool Overdue,
    string? ArchiveNumber, bool ReviewProblem = false, int VendorTasks = 0);

/// <summary>One page of the queue with the totals of the whole filtered list.</summary>
public sealed record ClaimPage(IReadOnlyList<ClaimListItem> Items, string? NextCursor, int Total, decimal TotalReserve, decimal TotalAccepted, int OverdueCount);

/// <summary>
/// The claims work queue (issue 5 §12): per handler (mine), approvals waiting for me, or the team
/// (everything in the organisation scope and insurer partition), newest claim first, keyset-paged on
/// (claimed at, id), with the nearest running statutory clock of each claim.
/// </summary>
public sealed class ListClaimsHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<Result<ClaimPage>> HandleAsync(ListClaimsRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var query = await FilterAsync(request.Filter, now, ct);
        var totals = await TotalsAsync(query, ct);
        var overdue = await OverdueIdsAsync(now, ct);
        var overdueCount = await query.CountAsync(c => overdue.Contains(c.Id), ct);
        if (request.After is { Length: > 0 } after)
        {
            if (!KeysetCursor.TryDecode(after, out DateTimeOffset at, out Guid id))
            {
                return Result<ClaimPage>.Invalid("After", KeysetCursor.InvalidCode);
            }

            query = query.Where(c => c.ClaimedAt < at || (c.ClaimedAt == at && c.Id.CompareTo(id) < 0));
        }

        var size = Paging.Size(request.PageSize);
        var probe = await query.OrderByDescending(c => c.ClaimedAt).ThenByDescending(c => c.Id).Take(size + 1).Select(Row).ToListAsync(ct);
        var (page, next) = Paging.Cut(probe, size, r => KeysetCursor.Encode(r.ClaimedAt, r.Id));
        var items = await CompleteAsync(page, now, ct);
        return new ClaimPage(items, next, totals.Count, totals.Reserve, totals.Accepted, overdueCount);
    }

    /// <summary>Count and money totals of the filtered list; SQLite cannot sum decimals, so it adds them up here.</summary>
    private async Task<(int Count, decimal Reserve, decimal Accepted)> TotalsAsync(IQueryable<Claim> query, CancellationToken ct)
    {
        if (db.IsSqlite)
        {
            var amounts = await query.Select(c => new { c.Reserve, c.AcceptedAmount }).ToListAsync(ct);
            return (amounts.Count, amounts.Sum(a => a.Reserve), amounts.Sum(a => a.AcceptedAmount ?? 0m));
        }

        var totals = await query.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Reserve = g.Sum(c => c.Reserve), Accepted = g.Sum(c => c.AcceptedAmount ?? 0m) })
            .FirstOrDefaultAsync(ct);
        return (totals?.Count ?? 0, totals?.Reserve ?? 0m, totals?.Accepted ?? 0m);
    }

    /// <summary>Rows in queue order for the export, in chunks, with names and clocks.</summary>
    public async IAsyncEnumerable<ClaimListItem> RowsAsync(ClaimFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var query = (await FilterAsync(filter, now, ct)).OrderByDescending(c => c.ClaimedAt).ThenByDescending(c => c.Id);
        const int chunk = 500;
        for (var skip = 0; ; skip += chunk)
        {
            var rows = await query.Skip(skip).Take(chunk).Select(Row).ToListAsync(ct);
            foreach (var item in await CompleteAsync(rows, now, ct))
            {
                yield return item;
            }

            if (rows.Count < chunk)
            {
                yield break;
            }
        }
    }

    private static readonly System.Linq.Expressions.Expression<Func<Claim, ClaimListItem>> Row = c => new ClaimListItem(
        c.Id, c.Number, c.Status, c.Line, null, c.ClaimantName, c.InsuredObject, c.HandlerStaffId, null, c.ClaimedAt, c.Reserve, c.AcceptedAmount,
        c.IsLateReport, c.FiledAfterLimitation, c.FraudFlags.Any(f => f.Status != FraudFlagStatus.Cleared), null, null, false, false, c.ArchiveNumber);

    private async Task<IQueryable<Claim>> FilterAsync(ClaimFilter filter, DateTimeOffset now, CancellationToken ct)
    {
        IQueryable<Claim> query = db.Claims.AsNoTracking();
        var staffId = me.StaffId ?? Guid.Empty;
        query = filter.Queue switch
        {
            ClaimQueue.Mine => query.Where(c => c.HandlerStaffId == staffId),
            ClaimQueue.Approvals => query.Where(c => c.Approvals.Any(a => a.Decision == ApprovalDecision.Pending && a.RoutedToStaffId == staffId)),
            _ => query,
        };
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            q = q.Length > 40 ? q[..40] : q;
            if (MobileNumber.TryCreate(q, out var mobile))
            {
                var value = mobile.Value;
                query = query.Where(c => c.ClaimantMobile == value);
            }
            else
            {
                var upper = q.ToUpperInvariant();
                query = query.Where(c => c.Number.StartsWith(upper) || (c.ArchiveNumber != null && c.ArchiveNumber.StartsWith(upper))
                    || (c.InsuredObject != null && c.InsuredObject.Contains(q)) || c.ClaimantName == q);
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

        if (filter.Open is { } open)
        {
            query = open ? query.Where(c => c.Status != ClaimStatus.Closed) : query.Where(c => c.Status == ClaimStatus.Closed);
        }

        if (filter.Flagged == true)
        {
            var reviewed = await ReviewProblemIdsAsync(null, ct);
            query = query.Where(c => c.FraudFlags.Any(f => f.Status != FraudFlagStatus.Cleared) || c.IsLateReport || c.FiledAfterLimitation
                || reviewed.Contains(c.Id));
        }

        if (filter.Overdue == true)
        {
            var overdue = await OverdueIdsAsync(now, ct);
            query = query.Where(c => overdue.Contains(c.Id));
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            query = query.Where(c => c.ClaimedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            query = query.Where(c => c.ClaimedAt < end);
        }

        return query;
    }

    /// <summary>
    /// Claims whose beneficiary check found a problem (CLM-10). The checks belong to the callback team, outside the claims
    /// department's scope: read by claim in a query of their own (the insurer partition still applies).
    /// </summary>
    private async Task<List<Guid>> ReviewProblemIdsAsync(IReadOnlyCollection<Guid>? among, CancellationToken ct)
    {
        var checks = db.BeneficiaryChecks.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().Where(b => b.ProblemFound);
        if (among is not null)
        {
            checks = checks.Where(b => among.Contains(b.ClaimId));
        }

        return await checks.Select(b => b.ClaimId).Take(5000).ToListAsync(ct);
    }

    /// <summary>Claims with a running statutory clock past its deadline (clocks name their subject by id text).</summary>
    private async Task<List<Guid>> OverdueIdsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var ids = await db.ServiceClocks.AsNoTracking()
            .Where(k => k.SubjectType == Claim.SubjectType && k.State == ClockState.Running && k.DeadlineAt < now)
            .Select(k => k.SubjectId).Distinct().Take(5000).ToListAsync(ct);
        return ids.Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
    }

    private async Task<List<ClaimListItem>> CompleteAsync(IReadOnlyList<ClaimListItem> rows, DateTimeOffset now, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var subjects = rows.Select(r => r.Id.ToString()).ToList();
        var clocks = await db.ServiceClocks.IgnoreQueryFilters().AsNoTracking()
            .Where(k => k.SubjectType == Claim.SubjectType && subjects.Contains(k.SubjectId) && k.State != ClockState.Stopped)
            .Select(k => new { k.SubjectId, k.RuleCode, k.DeadlineAt, k.State })
            .ToListAsync(ct);
        var names = await StaffNames.LoadAsync(db, rows.Select(r => (Guid?)r.HandlerStaffId), ct);
        var insurerIds = rows.Select(r => r.Id).ToList();
        var reviewProblems = (await ReviewProblemIdsAsync(insurerIds, ct)).ToHashSet();
        var vendorTasks = await db.ServiceRequests.AsNoTracking().Where(r => insurerIds.Contains(r.ClaimId) && r.AwaitingHandler)
            .GroupBy(r => r.ClaimId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var insurers = await db.Claims.AsNoTracking().Where(c => insurerIds.Contains(c.Id) && c.InsurerId != null)
            .Join(db.Insurers, c => c.InsurerId, i => i.Id, (c, i) => new { c.Id, i.Code })
            .ToDictionaryAsync(x => x.Id, x => x.Code, ct);
        return rows.Select(r =>
        {
            var mine = clocks.Where(k => k.SubjectId == r.Id.ToString())
                .OrderBy(k => k.State == ClockState.Paused)
                .ThenBy(k => k.DeadlineAt)
                .FirstOrDefault();
            return r with
            {
                ClaimantName = Masking.Name(r.ClaimantName),
                HandlerName = names.GetValueOrDefault(r.HandlerStaffId),
                InsurerCode = insurers.GetValueOrDefault(r.Id),
                ClockRule = mine?.RuleCode,
                DueAt = mine?.DeadlineAt,
                ClockPaused = mine?.State == ClockState.Paused,
                Overdue = mine is { State: ClockState.Running } && mine.DeadlineAt < now,
                ReviewProblem = reviewProblems.Contains(r.Id),
                VendorTasks = vendorTasks.GetValueOrDefault(r.Id),
            };
        }).ToList();
    }
}
