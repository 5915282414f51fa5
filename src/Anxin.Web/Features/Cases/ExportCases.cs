using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Cases;

public static class CaseColumns
{
    public static ListColumns<CaseListItem> For(IStringLocalizer t) => new(
        new("number", "Case.Number", c => c.Number),
        new("status", "Common.Status", c => t["Case.Status." + c.Status]),
        new("line", "Case.Line", c => t["ProductLine." + c.Line]),
        new("insurer", "Case.Insurer", c => c.InsurerCode ?? t["Case.OwnBusiness"]),
        new("policy", "Case.PolicyNumber", c => c.PolicyNumber),
        new("verified", "Case.PolicyVerified", c => c.PolicyVerified ? t["Common.Yes"] : t["Common.No"]),
        new("coverage", "Case.Coverage", c => t["Coverage.Outcome." + c.Coverage]),
        new("plate", "Case.Plate", c => c.Plate),
        new("reporter", "Case.Reporter", c => c.ReporterName),
        new("mobile", "Case.ReporterMobile", c => c.ReporterMobile),
        new("lossAt", "Case.LossAt", c => c.LossAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
        new("reportedAt", "Case.ReportedAt", c => c.ReportedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
        new("place", "Case.LossPlace", c => c.LossPlace),
        new("owner", "Case.Owner", c => c.OwnerName));
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

        var chosen = CaseColumns.For(text).Choose(columns);
        return chosen.IsOk
            ? Result<TabularExportResult<CaseListItem>>.Ok(TabularExport.File("cases", parsed.Value, chosen.Value!, text,
                list.RowsAsync(filter), time))
            : Result<TabularExportResult<CaseListItem>>.Fail(chosen);
    }
}
