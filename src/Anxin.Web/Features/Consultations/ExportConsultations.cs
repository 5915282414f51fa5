using System.Globalization;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Consultations;

public static class ConsultationColumns
{
    public static string Local(DateTimeOffset? at) =>
        at is { } value ? value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    public static ListColumns<ConsultationListItem> For(IStringLocalizer t) => new(
        new("number", "Consultation.Number", c => c.Number),
        new("status", "Common.Status", c => t["Consultation.Status." + c.Status]),
        new("category", "Consultation.Category", c => t["Consultation.Category." + c.Category]),
        new("caller", "Consultation.CallerName", c => c.CallerName),
        new("mobile", "Consultation.CallerMobile", c => c.CallerMobile),
        new("question", "Consultation.Question", c => c.Question),
        new("receivedAt", "Consultation.ReceivedAt", c => Local(c.ReceivedAt)),
        new("promisedReplyAt", "Consultation.PromisedReplyAt", c => Local(c.PromisedReplyAt)),
        new("answeredAt", "Consultation.AnsweredAt", c => Local(c.AnsweredAt)),
        new("owner", "Ownership.Owner", c => c.OwnerName));
}

/// <summary>Exports the filtered consultation list as CSV or XLSX, streamed, masked, inside the actor's scope.</summary>
public sealed class ExportConsultationsHandler(ListConsultationsHandler list, TimeProvider time, IStringLocalizer<ServiceText> serviceText,
    IStringLocalizer<SharedResource> sharedText)
{
    public Result<TabularExportResult<ConsultationListItem>> Handle(ConsultationFilter filter, string? format, string? columns)
    {
        var text = new ServiceLocalizer(serviceText, sharedText);
        var parsed = TabularExport.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return Result<TabularExportResult<ConsultationListItem>>.Fail(parsed);
        }

        var chosen = ConsultationColumns.For(text).Choose(columns);
        return chosen.IsOk
            ? Result<TabularExportResult<ConsultationListItem>>.Ok(TabularExport.File("consultations", parsed.Value, chosen.Value!, text,
                list.RowsAsync(filter), time))
            : Result<TabularExportResult<ConsultationListItem>>.Fail(chosen);
    }
}
