using Anxin.Domain.Administration;
using Anxin.Domain.Clocks;
using Anxin.Web.Features.Organisation;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Clocks;

/// <summary>/admin/clock-rules: the rules in force at a node; set the node's own version or go back to inheriting.</summary>
[HasPermission(Permissions.Clocks.ManageRules)]
public sealed class ClockRulesAdminModel(GetOrgTreeHandler tree, GetClockRulesHandler get, ChangeClockRuleHandler change,
    ResetClockRuleHandler reset, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Node { get; set; }

    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    public IReadOnlyList<ClockRuleDto> Rules { get; private set; } = [];

    public string? EditingCode { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct)
    {
        var result = await change.HandleAsync(Node ?? Guid.Empty, Input.Code ?? string.Empty,
            new ChangeClockRuleRequest(Input.Amount, Input.Unit, Input.WarnPercent), ct);
        if (result.IsOk)
        {
            return Redirect($"/admin/clock-rules?Node={Node}");
        }

        result.AddTo(ModelState, text);
        EditingCode = Input.Code;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string code, CancellationToken ct)
    {
        await reset.HandleAsync(Node ?? Guid.Empty, code, ct);
        return Redirect($"/admin/clock-rules?Node={Node}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Nodes = await tree.HandleAsync(ct);
        Node ??= Nodes.FirstOrDefault()?.Id;
        var result = await get.HandleAsync(Node ?? Guid.Empty, ct);
        Rules = result.Value ?? [];
    }

    public sealed class RuleInput
    {
        public string? Code { get; set; }

        public int? Amount { get; set; }

        public DeadlineUnit? Unit { get; set; }

        public int? WarnPercent { get; set; }
    }
}
