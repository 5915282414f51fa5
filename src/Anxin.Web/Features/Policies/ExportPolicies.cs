using System.Globalization;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Policies;

public static class PolicyColumns
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <param name="t">Policy strings, then shared ones.</param>
    /// <param name="lines">The product-line names (case strings).</param>
    public static ListColumns<PolicyListItem> For(IStringLocalizer t, IStringLocalizer lines) => new(
        new("number", "Policy.Number", p => p.Number),
        new("insurer", "Policy.Insurer", p => p.InsurerCode ?? t["Policy.OwnBusiness"]),
        new("line", "Policy.Line", p => lines["ProductLine." + p.Line]),
        new("status", "Common.Status", p => t["Policy.Status." + p.Status]),
        new("holder", "Policy.HolderName", p => p.HolderName),
        new("holderMobile", "Policy.HolderMobile", p => p.HolderMobile),
        new("insured", "Policy.InsuredName", p => p.InsuredName),
        new("plate", "Policy.Plate", p => p.Plate),
        new("vin", "Policy.Vin", p => p.Vin),
        new("startsAt", "Policy.StartsAt", p => Time(p.StartsAt)),
        new("endsAt", "Policy.EndsAt", p => Time(p.EndsAt)),
        new("terminatedAt", "Policy.TerminatedAt", p => p.TerminatedAt is { } at ? Time(at) : null),
        new("premium", "Policy.Premium", p => p.Premium.ToString("0.00", CultureInfo.InvariantCulture)),
        new("coverages", "Policy.Coverages", p => string.Join(';', p.Coverages)),
        new("customer", "Policy.CustomerLinked", p => p.CustomerLinked ? t["Common.Yes"] : t["Common.No"]));

    public static string Time(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Exports the filtered policy list as CSV or XLSX, streamed and masked, inside the actor's scope and insurer partition.</summary>
public sealed class ExportPoliciesHandler(ListPoliciesHandler list, TimeProvider time, IStringLocalizer<PolicyText> policyText,
    IStringLocalizer<CaseText> caseText, IStringLocalizer<SharedResource> sharedText)
{
    public Result<TabularExportResult<PolicyListItem>> Handle(PolicyFilter filter, string? format, string? columns)
    {
        var parsed = TabularExport.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return Result<TabularExportResult<PolicyListItem>>.Fail(parsed);
        }

        var t = new PolicyLocalizer(policyText, sharedText);
        var chosen = PolicyColumns.For(t, caseText).Choose(columns);
        return chosen.IsOk
            ? Result<TabularExportResult<PolicyListItem>>.Ok(TabularExport.File("policies", parsed.Value, chosen.Value!, t, list.RowsAsync(filter), time))
            : Result<TabularExportResult<PolicyListItem>>.Fail(chosen);
    }
}
