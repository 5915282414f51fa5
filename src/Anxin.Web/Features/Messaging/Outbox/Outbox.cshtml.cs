using Anxin.Domain.Administration;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Messaging.Outbox;

[HasPermission(Permissions.Messages.View)]
public sealed class OutboxModel(ListOutboxMessagesHandler list, RetryOutboxMessageHandler retry, CurrentUser me,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public OutboxState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public MessageChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? TemplateCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public ListPage<OutboxMessageDto> Messages { get; private set; } = ListPage<OutboxMessageDto>.Empty;

    public bool CanRetry => me.Has(Permissions.Messages.Manage);

    public bool Retried { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await list.HandleAsync(new OutboxQuery(State, Channel, TemplateCode, Date, Cursor, null), ct);
        if (!result.IsOk)
        {
            // A damaged cursor in the address: show the first page.
            result = await list.HandleAsync(new OutboxQuery(State, Channel, TemplateCode, Date, null, null), ct);
        }

        Messages = result.Value!;
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        if (!CanRetry)
        {
            return Forbid();
        }

        var result = await retry.HandleAsync(id, ct);
        ModelState.Clear();
        result.AddTo(ModelState, text, prefix: string.Empty);
        Retried = result.IsOk;
        await OnGetAsync(ct);
        return Page();
    }

    public string PageUrl(string? cursor) => QueryString.Create(new Dictionary<string, string?>
    {
        ["state"] = State?.ToString(),
        ["channel"] = Channel?.ToString(),
        ["templateCode"] = TemplateCode,
        ["date"] = Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["cursor"] = cursor,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent() is var qs ? "/admin/outbox" + qs : "/admin/outbox";
}
