using System.Globalization;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Resources;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Administration;

/// <summary>CSV of the filtered audit trail (same filters and scope as the page), streamed row by row.</summary>
[HasPermission(Permissions.Audit.View)]
public sealed class AuditExportModel(SearchAuditHandler search, IStringLocalizer<AdminText> a) : PageModel
{
    public async Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, string? actor, string? entityType, string? entityId,
        string? action, AuditKind? kind, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMddHHmm}.csv\"";
        await using var csv = CsvWriter.Create(Response.Body, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        string[] header = ["Audit.At", "Audit.Actor", "Audit.Kind", "Audit.Action", "Audit.EntityType", "Audit.EntityId", "Audit.Field", "Audit.OldNew", "", "Audit.RequestId"];
        await csv.WriteRecordAsync(header.Select(h => h.Length == 0 ? string.Empty : a[h].Value).ToArray(), ct);
        await foreach (var r in search.StreamAsync(new AuditFilter(from, to, actor, entityType, entityId, action, kind)).WithCancellation(ct))
        {
            await csv.WriteRecordAsync(
            [
                r.At.ToOffset(SearchAuditHandler.ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss.fff zzz", CultureInfo.InvariantCulture),
                r.Actor, r.Kind.ToString(), r.Action, r.EntityType, r.EntityId, r.Field, r.OldValue, r.NewValue, r.RequestId,
            ], ct);
        }

        await csv.FlushAsync(ct);
        return new EmptyResult();
    }
}
