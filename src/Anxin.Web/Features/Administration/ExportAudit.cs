using System.Globalization;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Administration;

/// <summary>
/// CSV or XLSX of the filtered audit trail: the page's filters and data scope (the
/// AuditEntry query filter), newest first, streamed from the database through <see cref="TabularExport"/>.
/// </summary>
public sealed class ExportAuditHandler(SearchAuditHandler search, TimeProvider time,
    IStringLocalizer<AdminText> admin, IStringLocalizer<SharedResource> shared)
{
    public static readonly ListColumns<AuditRowDto> Columns = new(
        new("at", "Audit.At", r => r.At.ToOffset(SearchAuditHandler.ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss.fff zzz", CultureInfo.InvariantCulture)),
        new("actor", "Audit.Actor", r => r.Actor),
        new("kind", "Audit.Kind", r => r.Kind.ToString()),
        new("action", "Audit.Action", r => r.Action),
        new("entityType", "Audit.EntityType", r => r.EntityType),
        new("entityId", "Audit.EntityId", r => r.EntityId),
        new("field", "Audit.Field", r => r.Field),
        new("oldValue", "Audit.OldValue", r => r.OldValue),
        new("newValue", "Audit.NewValue", r => r.NewValue),
        new("requestId", "Audit.RequestId", r => r.RequestId));

    /// <summary>The export as a file result, or a field error for a bad range, format or column.</summary>
    public Result<TabularExportResult<AuditRowDto>> Handle(AuditFilter filter, string? format, string? columns = null)
    {
        if (filter.From is { } f && filter.To is { } t && t < f)
        {
            return Result<TabularExportResult<AuditRowDto>>.Invalid(nameof(filter.To), "Audit.InvalidRange");
        }

        var parsed = TabularExport.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return Result<TabularExportResult<AuditRowDto>>.Fail(parsed);
        }

        var chosen = Columns.Choose(columns);
        if (!chosen.IsOk)
        {
            return Result<TabularExportResult<AuditRowDto>>.Fail(chosen);
        }

        return TabularExport.File("audit", parsed.Value, chosen.Value!, new AdminMessages(admin, shared), search.StreamAsync(filter), time);
    }
}
