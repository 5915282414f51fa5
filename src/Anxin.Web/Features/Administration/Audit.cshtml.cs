using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Administration;

[HasPermission(Permissions.Audit.View)]
public sealed class AuditModel(SearchAuditHandler search, IStringLocalizer<AdminText> admin, IStringLocalizer<SharedResource> shared) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public ListPage<AuditRowDto> Rows { get; private set; } = ListPage<AuditRowDto>.Empty;

    public AuditFilter Filter => new(From, To, Actor, EntityType, EntityId, ActionName, Kind, After);

    /// <summary>The query string of the current filters, without the cursor (or with an export format).</summary>
    public string FilterQuery(string? after = null, string? format = null) => QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["actor"] = Actor,
        ["entityType"] = EntityType,
        ["entityId"] = EntityId,
        ["action"] = ActionName,
        ["kind"] = Kind?.ToString(),
        ["after"] = after,
        ["format"] = format,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await search.HandleAsync(Filter, ct);
        if (result.IsOk)
        {
            Rows = result.Value!;
        }
        else
        {
            result.AddTo(ModelState, new AdminMessages(admin, shared), prefix: string.Empty);
        }
    }
}
