using Anxin.Domain.Administration;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Policies;

[HasPermission(Permissions.Policies.View)]
public sealed class PolicyDetailModel(GetPolicyHandler get, TerminatePolicyHandler terminate, CurrentUser me,
    IStringLocalizer<PolicyText> policyText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [BindProperty]
    public TerminateInput Input { get; set; } = new();

    public PolicyDetail Policy { get; private set; } = null!;

    public IReadOnlyList<PolicyCaseItem> Cases { get; private set; } = [];

    public IReadOnlyList<PolicyTimelineEntry> Timeline { get; private set; } = [];

    public string? Message { get; private set; }

    public bool CanManage => me.Has(Permissions.Policies.Manage);

    public bool CanSeeCases => me.Has(Permissions.Cases.View);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new TerminateInput { Version = Policy.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostTerminateAsync(Guid id, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var result = await terminate.HandleAsync(id, new TerminatePolicyRequest(Input.Status,
            Input.At is { } at ? new DateTimeOffset(at, China) : null, Input.Reason, Input.Version), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        var strings = new PolicyLocalizer(policyText, sharedText);
        result.AddTo(ModelState, strings);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (result.IsOk)
        {
            Input = new TerminateInput { Version = Policy.Version };
            Message = strings["Policy.Terminated"];
        }
        else
        {
            Input.Version = result.Status == ResultStatus.Conflict ? Policy.Version : Input.Version;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } policy)
        {
            return false;
        }

        Policy = policy;
        Cases = CanSeeCases ? await get.CasesAsync(id, ct) ?? [] : [];
        Timeline = await get.TimelineAsync(id, ct);
        return true;
    }

    public sealed class TerminateInput
    {
        public PolicyStatus? Status { get; set; } = PolicyStatus.Cancelled;

        /// <summary>China time.</summary>
        public DateTime? At { get; set; }

        public string? Reason { get; set; }

        public long? Version { get; set; }
    }
}
