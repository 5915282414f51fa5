using System.Globalization;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Claims;

public static class ClaimColumns
{
    private static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static ListColumns<ClaimListItem> For(IStringLocalizer t) => new(
        new("number", "Claim.Number", c => c.Number),
        new("status", "Common.Status", c => t["Claim.Status." + c.Status]),
        new("line", "Claim.Line", c => t["ProductLine." + c.Line]),
        new("insurer", "Claim.Insurer", c => c.InsurerCode ?? t["Claim.OwnBusiness"]),
        new("claimant", "Claim.Claimant", c => c.ClaimantName),
        new("insured", "Claim.InsuredObject", c => c.InsuredObject),
        new("handler", "Claim.Handler", c => c.HandlerName),
        new("claimedAt", "Claim.ClaimedAt", c => Local(c.ClaimedAt)),
        new("reserve", "Claim.Reserve", c => c.Reserve.ToString("0.00", CultureInfo.InvariantCulture)),
        new("accepted", "Claim.AcceptedAmount", c => c.AcceptedAmount?.ToString("0.00", CultureInfo.InvariantCulture)),
        new("clock", "Claim.Clock", c => c.ClockRule is null ? null : t["Rule." + c.ClockRule].Value),
        new("due", "Claim.DueAt", c => c.DueAt is { } due ? Local(due) : null),
        new("overdue", "Claim.Overdue", c => c.Overdue ? t["Common.Yes"] : t["Common.No"]),
        new("flags", "Claim.Flags", c => string.Join(" ", new[]
        {
            c.IsLateReport ? t["Claim.LateReport"].Value : null,
            c.FiledAfterLimitation ? t["Claim.AfterLimitation"].Value : null,
            c.FraudOpen ? t["Claim.FraudOpen"].Value : null,
            c.ReviewProblem ? t["Review.ClaimFlag"].Value : null,
        }.Where(x => x is not null))),
        new("archive", "Claim.ArchiveNumber", c => c.ArchiveNumber));
}

/// <summary>Exports the filtered work queue as CSV or XLSX, streamed, masked, inside the actor's scope and insurer partition.</summary>
public sealed class ExportClaimsHandler(ListClaimsHandler list, TimeProvider time, IStringLocalizer<ClaimText> claimText, IStringLocalizer<SharedResource> sharedText)
{
    public Result<TabularExportResult<ClaimListItem>> Handle(ClaimFilter filter, string? format, string? columns)
    {
        var text = new ClaimLocalizer(claimText, sharedText);
        var parsed = TabularExport.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return Result<TabularExportResult<ClaimListItem>>.Fail(parsed);
        }

        var chosen = ClaimColumns.For(text).Choose(columns);
        return chosen.IsOk
            ? Result<TabularExportResult<ClaimListItem>>.Ok(TabularExport.File("claims", parsed.Value, chosen.Value!, text, list.RowsAsync(filter), time))
            : Result<TabularExportResult<ClaimListItem>>.Fail(chosen);
    }
}
