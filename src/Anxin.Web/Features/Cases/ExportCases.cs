using Anxin.Domain.Cases;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Cases;

public static class CaseColumns
{
    /// <summary>What the list page shows until the user chooses.</summary>
    public static readonly string[] PageDefaults = ["number", "status", "waiting", "line", "insurer", "verified", "coverage", "plate", "reporter", "lossAt", "reportedAt"];

    /// <param name="t">Case strings, then shared ones (<see cref="CaseLocalizer"/>).</param>
    /// <param name="now">For the waiting time of cases still waiting for a surveyor.</param>
    public static ListColumns<CaseListItem> For(IStringLocalizer t, DateTimeOffset now) => new(
        new("number", "Case.Number", c => c.Number),
        new("status", "Common.Status", c => t["Case.Status." + c.Status]),
        new("waiting", "Case.Waiting", c => Waiting(t, c, now)),
        new("line", "Case.Line", c => t["ProductLine." + c.Line]),
        new("insurer", "Case.Insurer", c => c.InsurerCode ?? t["Case.OwnBusiness"]),
        new("policy", "Case.PolicyNumber", c => c.PolicyNumber),
        new("verified", "Case.PolicyVerified", c => c.PolicyVerified ? t["Common.Yes"] : t["Common.No"]),
        new("coverage", "Case.Coverage", c => t["Coverage.Outcome." + c.Coverage]),
        new("plate", "Case.Plate", c => c.Plate),
        new("reporter", "Case.Reporter", c => c.ReporterName),
        new("mobile", "Case.ReporterMobile", c => c.ReporterMobile),
        new("lossAt", "Case.LossAt", c => Local(c.LossAt)),
        new("reportedAt", "Case.ReportedAt", c => Local(c.ReportedAt)),
        new("place", "Case.LossPlace", c => c.LossPlace),
        new("owner", "Case.Owner", c => c.OwnerName));

    /// <summary>How long a case has waited for a surveyor (status Reported); blank once dispatched.</summary>
    public static string? Waiting(IStringLocalizer t, CaseListItem c, DateTimeOffset now) =>
        c.Status == CaseStatus.Reported ? Duration(t, now - c.ReportedAt) : null;

    public static string Duration(IStringLocalizer t, TimeSpan span)
    {
        var minutes = Math.Max(0, (long)span.TotalMinutes);
        return minutes < 60 ? t["Case.WaitingMinutes", minutes]
            : minutes < 24 * 60 ? t["Case.WaitingHours", minutes / 60, minutes % 60]
            : t["Case.WaitingDays", minutes / (24 * 60), minutes / 60 % 24];
    }

    public static string Local(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Exports the filtered case list as CSV or XLSX, streamed, masked, inside the actor's scope and insurer partition.</summary>
public sealed class ExportCasesHandler(ListCasesHandler list, TimeProvider time, IStringLocalizer<CaseText> caseText, IStringLocalizer<SharedResource> sharedText)
{
    public Result<TabularExportResult<CaseListItem>> Handle(CaseFilter filter, string? format, string? columns)
    {
        var text = new CaseLocalizer(caseText, sharedText);
        var parsed = TabularExport.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return Result<TabularExportResult<CaseListItem>>.Fail(parsed);
        }

        var chosen = CaseColumns.For(text, time.GetUtcNow()).Choose(columns);
        return chosen.IsOk
            ? Result<TabularExportResult<CaseListItem>>.Ok(TabularExport.File("cases", parsed.Value, chosen.Value!, text,
                list.RowsAsync(filter), time))
            : Result<TabularExportResult<CaseListItem>>.Fail(chosen);
    }
}
