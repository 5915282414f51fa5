using System.Globalization;
using Anxin.Domain.Clocks;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Calls;

public static class CallColumns
{
    public static string Local(DateTimeOffset? at) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, WorkingCalendar.ChinaTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : string.Empty;

    /// <param name="t">Call strings, then shared ones (<see cref="CallLocalizer"/>).</param>
    public static ListColumns<CallListItem> For(IStringLocalizer t) => new(
        new("startedAt", "Call.StartedAt", c => Local(c.StartedAt)),
        new("direction", "Call.Direction", c => t["Direction." + c.Direction].Value),
        new("number", "Call.Number", c => c.Number),
        new("agent", "Call.Agent", c => c.AgentName is null ? null : $"{c.AgentName} ({c.AgentWorkNumber})"),
        new("state", "Call.State", c => c.IsMissed ? t["Call.Missed"].Value : t["State." + c.State].Value),
        new("type", "Call.Type", c => c.Type is { } type ? t["Type." + type].Value : null),
        new("customer", "Call.Customer", c => c.CustomerName is null ? null : $"{c.CustomerName} {c.CustomerNumber}"),
        new("answeredAt", "Call.AnsweredAt", c => Local(c.AnsweredAt)),
        new("endedAt", "Call.EndedAt", c => Local(c.EndedAt)),
        new("talkSeconds", "Call.TalkSeconds", c => c.TalkSeconds?.ToString(CultureInfo.InvariantCulture)),
        new("callId", "Call.ExternalId", c => c.ExternalId));
}

/// <summary>The filtered call log as CSV or XLSX, streamed; same scope and masking as the list.</summary>
public sealed class ExportCallsHandler(ListCallsHandler list, TimeProvider time,
    IStringLocalizer<CallText> callText, IStringLocalizer<SharedResource> sharedText)
{
    public async Task<Result<TabularExportResult<CallListItem>>> HandleAsync(CallFilter filter, string? format, string? columns, CancellationToken ct)
    {
        var parsed = TabularExport.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return Result<TabularExportResult<CallListItem>>.Fail(parsed);
        }

        var t = new CallLocalizer(callText, sharedText);
        var chosen = CallColumns.For(t).Choose(columns);
        if (!chosen.IsOk)
        {
            return Result<TabularExportResult<CallListItem>>.Fail(chosen);
        }

        var query = await list.FilterAsync(filter, ct);
        return query.IsOk
            ? Result<TabularExportResult<CallListItem>>.Ok(TabularExport.File("calls", parsed.Value, chosen.Value!, t, RowsAsync(query.Value!, ct), time))
            : Result<TabularExportResult<CallListItem>>.Fail(query);
    }

    private async IAsyncEnumerable<CallListItem> RowsAsync(IQueryable<Domain.Calls.Call> calls,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = list.Rows(calls.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id));
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return ListCallsHandler.ToItem(r);
        }
    }
}
