using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Infrastructure.Messaging;
using Anxin.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Claims;

/// <summary>Filters of the callback team's list of beneficiary checks.</summary>
public sealed record BeneficiaryCheckFilter(BeneficiaryCheckStatus? Status = null, bool? Problem = null, string? Q = null);

public sealed record BeneficiaryCheckItem(Guid Id, Guid ClaimId, string ClaimNumber, ProductLine Line, SampleReason Reason, decimal PaidAmount,
    string BeneficiaryName, string BeneficiaryMobile, DateTimeOffset SampledAt, BeneficiaryCheckStatus Status, int Attempts, bool? RepairDone,
    bool? AskedToPay, decimal? AmountAskedFor, string? Notes, string? AnsweredBy, DateTimeOffset? AnsweredAt, bool ProblemFound, long Version);

public sealed record BeneficiaryCheckPage(IReadOnlyList<BeneficiaryCheckItem> Items, string? NextCursor, int Total, int OpenCount, int ProblemCount);

/// <summary>The answers of a beneficiary check: both questions; an amount only when asked to pay.</summary>
public sealed record AnswerBeneficiaryCheckRequest(bool? RepairDone, bool? AskedToPay, decimal? AmountAskedFor, string? Notes, long? Version = null);

public sealed record NoAnswerRequest(string? Notes, long? Version = null);

public sealed record RevealedBeneficiaryMobile(Guid Id, string Mobile);

/// <summary>
/// The beneficiary checks (CLM-10) of the callback team: those in the user's scope (the team's node)
/// and insurer partition, newest first, keyset-paged on (sampled at, id); names and numbers masked.
/// </summary>
public sealed class ListBeneficiaryChecksHandler(AnxinDbContext db)
{
    public async Task<Result<BeneficiaryCheckPage>> HandleAsync(BeneficiaryCheckFilter filter, string? after, int? pageSize, CancellationToken ct)
    {
        var query = Filter(filter);
        var total = await query.CountAsync(ct);
        var open = await query.CountAsync(b => b.Status == BeneficiaryCheckStatus.Open, ct);
        var problems = await query.CountAsync(b => b.ProblemFound, ct);
        if (after is { Length: > 0 })
        {
            if (!KeysetCursor.TryDecode(after, out DateTimeOffset at, out Guid id))
            {
                return Result<BeneficiaryCheckPage>.Invalid("After", KeysetCursor.InvalidCode);
            }

            query = query.Where(b => b.SampledAt < at || (b.SampledAt == at && b.Id.CompareTo(id) < 0));
        }

        var size = Paging.Size(pageSize);
        var probe = await query.OrderByDescending(b => b.SampledAt).ThenByDescending(b => b.Id).Take(size + 1).ToListAsync(ct);
        var (page, next) = Paging.Cut(probe, size, b => KeysetCursor.Encode(b.SampledAt, b.Id));
        return new BeneficiaryCheckPage(await BeneficiaryCheckViews.DescribeAsync(db, page, ct), next, total, open, problems);
    }

    /// <summary>Every row of the filter for the export, in chunks.</summary>
    public async IAsyncEnumerable<BeneficiaryCheckItem> RowsAsync(BeneficiaryCheckFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var query = Filter(filter).OrderByDescending(b => b.SampledAt).ThenByDescending(b => b.Id);
        const int chunk = 500;
        for (var skip = 0; ; skip += chunk)
        {
            var rows = await query.Skip(skip).Take(chunk).ToListAsync(ct);
            foreach (var item in await BeneficiaryCheckViews.DescribeAsync(db, rows, ct))
            {
                yield return item;
            }

            if (rows.Count < chunk)
            {
                yield break;
            }
        }
    }

    private IQueryable<BeneficiaryCheck> Filter(BeneficiaryCheckFilter filter)
    {
        IQueryable<BeneficiaryCheck> query = db.BeneficiaryChecks.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(b => b.Status == status);
        }

        if (filter.Problem is { } problem)
        {
            query = query.Where(b => b.ProblemFound == problem);
        }

        if (filter.Q?.Trim().ToUpperInvariant() is { Length: > 0 } q)
        {
            q = q.Length > 20 ? q[..20] : q;
            query = query.Where(b => b.ClaimNumber.StartsWith(q));
        }

        return query;
    }
}

public static class BeneficiaryCheckViews
{
    public static async Task<List<BeneficiaryCheckItem>> DescribeAsync(AnxinDbContext db, IReadOnlyList<BeneficiaryCheck> rows, CancellationToken ct)
    {
        var names = await StaffNames.LoadAsync(db, rows.Select(r => r.AnsweredBy), ct);
        return rows.Select(b => new BeneficiaryCheckItem(b.Id, b.ClaimId, b.ClaimNumber, b.Line, b.Reason, b.PaidAmount, Masking.Name(b.BeneficiaryName),
            Masking.Mobile(b.BeneficiaryMobile), b.SampledAt, b.Status, b.Attempts, b.RepairDone, b.AskedToPay, b.AmountAskedFor, b.Notes,
            b.AnsweredBy is { } by ? names.GetValueOrDefault(by) : null, b.AnsweredAt, b.ProblemFound, b.Version)).ToList();
    }
}

/// <summary>
/// Records a beneficiary check's outcome: the answers, or a call not answered (unreachable after the
/// last attempt). An answer revealing a problem flags the claim: a business event on the claim's
/// timeline and an in-app notice to its handler. A stale version is 409.
/// </summary>
public sealed class AnswerBeneficiaryCheckHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public Task<Result<BeneficiaryCheckItem>> AnswerAsync(Guid id, AnswerBeneficiaryCheckRequest request, CancellationToken ct) =>
        ChangeAsync(id, request.Version, (check, by, now) =>
        {
            check.RecordAnswer(request.RepairDone, request.AskedToPay, request.AmountAskedFor, request.Notes, by, now);
            return "BeneficiaryCheckAnswered";
        }, ct);

    public Task<Result<BeneficiaryCheckItem>> NoAnswerAsync(Guid id, NoAnswerRequest request, CancellationToken ct) =>
        ChangeAsync(id, request.Version, (check, by, now) =>
        {
            check.RecordNoAnswer(request.Notes, by, now);
            return "BeneficiaryCheckNotReached";
        }, ct);

    private async Task<Result<BeneficiaryCheckItem>> ChangeAsync(Guid id, long? version, Func<BeneficiaryCheck, Guid, DateTimeOffset, string> change,
        CancellationToken ct)
    {
        if (me.StaffId is not { } staffId)
        {
            return Result<BeneficiaryCheckItem>.Fail(Result.Forbidden());
        }

        var check = await db.BeneficiaryChecks.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (check is null)
        {
            return Result<BeneficiaryCheckItem>.NotFound();
        }

        if (version is { } read && !db.IsAtVersion(check, read))
        {
            return Result<BeneficiaryCheckItem>.Conflict();
        }

        var now = time.GetUtcNow();
        string auditEvent;
        try
        {
            auditEvent = change(check, staffId, now);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return e.Field is null ? Result<BeneficiaryCheckItem>.Conflict(e.Code) : Result<BeneficiaryCheckItem>.From(e);
        }

        db.AddAuditEvent(auditEvent, nameof(BeneficiaryCheck), check.Id, $"{check.ClaimNumber} {check.Status} problem={check.ProblemFound}", check.OrgPath, now);
        if (check.ProblemFound)
        {
            await FlagClaimAsync(check, now, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<BeneficiaryCheckItem>.Conflict();
        }

        return (await BeneficiaryCheckViews.DescribeAsync(db, [check], ct))[0];
    }

    /// <summary>The claim (in the claims department, outside the team's scope) gets the event on its timeline; its handler a notice.</summary>
    private async Task FlagClaimAsync(BeneficiaryCheck check, DateTimeOffset now, CancellationToken ct)
    {
        var claim = await db.Claims.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().Where(c => c.Id == check.ClaimId)
            .Select(c => new { c.OrgNodeId, c.OrgPath }).SingleAsync(ct);
        var problem = string.Join("；", new[]
        {
            check.RepairDone == false ? "维修未完成" : null,
            check.AskedToPay == true ? "被要求支付费用" + (check.AmountAskedFor is { } a ? $" {a.ToString("N2", CultureInfo.InvariantCulture)} 元" : string.Empty) : null,
        }.Where(p => p is not null));
        db.AddAuditEvent("ClaimReviewProblemFound", nameof(Claim), check.ClaimId, $"{problem} {check.Notes}".Trim(), claim.OrgPath, now);
        await StaffInbox.QueueAsync(db, check.HandlerStaffId, "Claim.ReviewProblem",
            new { claimId = check.ClaimId, claimNumber = check.ClaimNumber, problem, notes = check.Notes ?? string.Empty, link = "/claims/" + check.ClaimId },
            claim.OrgNodeId, claim.OrgPath, now, ct);
    }
}

/// <summary>The beneficiary's number for the callback, to the callback team; every reveal is audited.</summary>
public sealed class RevealBeneficiaryMobileHandler(AnxinDbContext db, TimeProvider time)
{
    public async Task<Result<RevealedBeneficiaryMobile>> HandleAsync(Guid id, CancellationToken ct)
    {
        var check = await db.BeneficiaryChecks.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (check is null)
        {
            return Result<RevealedBeneficiaryMobile>.NotFound();
        }

        db.AddAuditEvent("PersonalDataRevealed", nameof(BeneficiaryCheck), check.Id, $"{nameof(BeneficiaryCheck.BeneficiaryMobile)}: callback {check.ClaimNumber}",
            check.OrgPath, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new RevealedBeneficiaryMobile(check.Id, check.BeneficiaryMobile);
    }
}

public static class BeneficiaryCheckColumns
{
    private static string Local(DateTimeOffset? at) => at is { } v ? v.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    private static string YesNo(IStringLocalizer t, bool? value) => value is { } v ? t[v ? "Common.Yes" : "Common.No"] : string.Empty;

    public static ListColumns<BeneficiaryCheckItem> For(IStringLocalizer t) => new(
        new("claim", "Claim.Number", c => c.ClaimNumber),
        new("line", "Claim.Line", c => t["ProductLine." + c.Line]),
        new("reason", "Review.Reason", c => t["Review.Reason." + c.Reason]),
        new("paid", "Claim.PaidTotal", c => c.PaidAmount.ToString("0.00", CultureInfo.InvariantCulture)),
        new("beneficiary", "Review.Beneficiary", c => c.BeneficiaryName),
        new("sampledAt", "Review.SampledAt", c => Local(c.SampledAt)),
        new("status", "Common.Status", c => t["Review.Status." + c.Status]),
        new("attempts", "Review.Attempts", c => c.Attempts.ToString(CultureInfo.InvariantCulture)),
        new("repairDone", "Review.RepairDone", c => YesNo(t, c.RepairDone)),
        new("askedToPay", "Review.AskedToPay", c => YesNo(t, c.AskedToPay)),
        new("amountAsked", "Review.AmountAskedFor", c => c.AmountAskedFor?.ToString("0.00", CultureInfo.InvariantCulture)),
        new("problem", "Review.Problem", c => YesNo(t, c.ProblemFound)),
        new("notes", "Review.Notes", c => c.Notes),
        new("answeredBy", "Review.AnsweredBy", c => c.AnsweredBy),
        new("answeredAt", "Review.AnsweredAt", c => Local(c.AnsweredAt)));
}

/// <summary>Exports the filtered checks as CSV or XLSX, masked, in the user's scope.</summary>
public sealed class ExportBeneficiaryChecksHandler(ListBeneficiaryChecksHandler list, TimeProvider time, IStringLocalizer<ClaimText> claimText,
    IStringLocalizer<SharedResource> sharedText)
{
    public Result<TabularExportResult<BeneficiaryCheckItem>> Handle(BeneficiaryCheckFilter filter, string? format, string? columns)
    {
        var text = new ClaimLocalizer(claimText, sharedText);
        var parsed = TabularExport.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return Result<TabularExportResult<BeneficiaryCheckItem>>.Fail(parsed);
        }

        var chosen = BeneficiaryCheckColumns.For(text).Choose(columns);
        return chosen.IsOk
            ? Result<TabularExportResult<BeneficiaryCheckItem>>.Ok(TabularExport.File("claim-reviews", parsed.Value, chosen.Value!, text, list.RowsAsync(filter), time))
            : Result<TabularExportResult<BeneficiaryCheckItem>>.Fail(chosen);
    }
}
