using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

public sealed record CaseDashboardDay(DateOnly Date, IReadOnlyDictionary<string, long> Counts, long Total);

/// <summary>Cases reported per China calendar day and insurer in one month; <see cref="OwnBusiness"/> stands for our own.</summary>
public sealed record CaseDashboard(string Month, IReadOnlyList<string> Insurers, IReadOnlyList<CaseDashboardDay> Days, long Total)
{
    public const string OwnBusiness = "OWN";
}

/// <summary>
/// The month dashboard of daily case counts by insurer, read from the <see cref="CaseDayCount"/>
/// rollup (at most days × nodes × insurers rows), never from the case table. The organisation
/// scope applies through the rollup's org path; an insurer's users see their insurer only.
/// </summary>
public sealed class GetCaseDashboardHandler(AnxinDbContext db, CurrentUser me)
{
    public async Task<Result<CaseDashboard>> HandleAsync(string? month, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(month))
        {
            return Result<CaseDashboard>.Invalid("Month", ValidationCodes.Required);
        }

        if (!DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return Result<CaseDashboard>.Invalid("Month", "Case.InvalidMonth");
        }

        var last = first.AddMonths(1).AddDays(-1);
        var (from, to) = (CaseDayCount.DayOf(first), CaseDayCount.DayOf(last));
        var rows = db.CaseDayCounts.AsNoTracking().Where(r => r.Day >= from && r.Day <= to);
        if (me.InsurerScope is { } own)
        {
            rows = rows.Where(r => r.InsurerId == own);
        }

        var sums = await rows.GroupBy(r => new { r.Day, r.InsurerId })
            .Select(g => new { g.Key.Day, g.Key.InsurerId, Count = g.Sum(r => r.Count) })
            .ToListAsync(ct);
        var codes = await db.Insurers.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        string Code(Guid id) => id == Guid.Empty ? CaseDashboard.OwnBusiness : codes.GetValueOrDefault(id, id.ToString());

        var byDay = sums.ToLookup(s => s.Day);
        var days = new List<CaseDashboardDay>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var counts = byDay[CaseDayCount.DayOf(date)].ToDictionary(s => Code(s.InsurerId), s => s.Count, StringComparer.Ordinal);
            days.Add(new CaseDashboardDay(date, counts, counts.Values.Sum()));
        }

        var insurers = sums.Select(s => Code(s.InsurerId)).Distinct().Order(StringComparer.Ordinal).ToList();
        return new CaseDashboard(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), insurers, days, days.Sum(d => d.Total));
    }
}
