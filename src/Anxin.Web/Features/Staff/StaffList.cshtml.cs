using Anxin.Domain.Administration;
using Anxin.Web.Features.Organisation;
using Anxin.Web.Features.Shared;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Staff;

[HasPermission(Permissions.Staff.View)]
public sealed class StaffListModel(ListStaffHandler list, GetOrgTreeHandler tree, CurrentUser me,
    IStringLocalizer<StaffText> staffText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OrgNodeId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Active { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>The column chooser's checkboxes (repeated <c>columns=</c>) or a link's <c>columns=a,b,c</c>; nothing is remembered.</summary>
    [BindProperty(SupportsGet = true)]
    public string[] Columns { get; set; } = [];

    public StaffQuery Query => new() { Q = Q, OrgNodeId = OrgNodeId, Role = Role, Active = Active, After = After, Columns = ChosenColumns };

    /// <summary>The chosen column keys joined, or null when none were chosen.</summary>
    public string? ChosenColumns => Columns.Length == 0 ? null : string.Join(',', Columns);

    public StaffLocalizer Text => new(staffText, sharedText);

    public ListColumns<StaffListItem> AllColumns => StaffColumns.For(Text);

    /// <summary>The table's columns: the chosen ones, or the page's defaults when none (or unknown ones) were chosen.</summary>
    public IReadOnlyList<ListColumn<StaffListItem>> Shown { get; private set; } = [];

    public ListPage<StaffListItem> Result { get; private set; } = ListPage<StaffListItem>.Empty;

    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    public PagerModel Pager { get; private set; } = null!;

    public bool CanManage => me.Has(Permissions.Staff.Manage);

    public bool CanExport => me.Has(Permissions.Staff.Export);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Nodes = await tree.HandleAsync(ct);
        var columns = AllColumns;
        Shown = (columns.Choose(ChosenColumns, StaffColumns.PageDefaults) is { IsOk: true } chosen ? chosen : columns.Choose(null, StaffColumns.PageDefaults)).Value!;
        var result = await list.HandleAsync(new ListStaffRequest(Query.ToFilter(), After), ct);
        if (!result.IsOk)
        {
            // A damaged cursor in the address: show the first page.
            result = await list.HandleAsync(new ListStaffRequest(Query.ToFilter()), ct);
        }

        Result = result.Value!;
        Pager = new PagerModel(Result.Total ?? 0, After is not null, LinkTo(null), Result.NextCursor is { } next ? LinkTo(next) : null);
    }

    public string LinkTo(string? after, string path = "/admin/staff", string? format = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["q"] = Query.Q,
            ["orgNodeId"] = Query.OrgNodeId?.ToString(),
            ["role"] = Query.Role,
            ["active"] = Query.Active?.ToString(),
            ["columns"] = Query.Columns,
            ["after"] = after,
            ["format"] = format,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
