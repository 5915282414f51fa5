using Anxin.Domain.Administration;
using Anxin.Web.Features.Organisation;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Staff;

[HasPermission(Permissions.Staff.View)]
public sealed class StaffDetailModel(GetStaffHandler get, EditStaffHandler edit, ResetStaffPasswordHandler reset,
    UnlockStaffAccountHandler unlock, RevealStaffPersonalDataHandler reveal, GetOrgTreeHandler tree, CurrentUser me,
    IStringLocalizer<StaffText> staffText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public StaffEdit Input { get; set; } = new();

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? RevealField { get; set; }

    [BindProperty]
    public string? RevealReason { get; set; }

    public StaffDetail Staff { get; private set; } = null!;

    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    public string? Message { get; private set; }

    public RevealedValue? Revealed { get; private set; }

    public bool CanManage => me.Has(Permissions.Staff.Manage);

    public bool CanResetPassword => me.Has(Permissions.Staff.ResetPassword);

    public bool CanReveal => me.Has(Permissions.PersonalData.Reveal);

    private StaffLocalizer Text => new(staffText, sharedText);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = StaffEdit.From(Staff);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var result = await edit.HandleAsync(id, new EditStaffRequest(Input.Name, Input.OrgNodeId, Input.Position, Input.Mobile,
            Input.IdNumber, Input.Email, Input.Roles, Input.IsActive, Input.Version, Input.WiderScopeNodeId ?? Guid.Empty), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        result.AddTo(ModelState, Text);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (result.IsOk)
        {
            // Saved: show the stored (masked) values again; otherwise keep what the user typed.
            Input = StaffEdit.From(Staff);
            Message = Text["Common.Saved"];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken ct)
    {
        if (!CanResetPassword)
        {
            return Forbid();
        }

        var result = await reset.HandleAsync(id, new ResetStaffPasswordRequest(NewPassword), ct);
        return await AfterActionAsync(id, result, "Staff.PasswordReset", _ => nameof(NewPassword), ct);
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        return await AfterActionAsync(id, await unlock.HandleAsync(id, ct), "Staff.Unlocked", _ => string.Empty, ct);
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        if (!CanReveal)
        {
            return Forbid();
        }

        var result = await reveal.HandleAsync(id, new RevealStaffPersonalDataRequest(RevealField, RevealReason), ct);
        if (result.IsOk)
        {
            Revealed = result.Value;
            RevealReason = null;
        }

        return await AfterActionAsync(id, result, null, f => f.Length == 0 ? string.Empty : "Reveal" + f, ct);
    }

    private async Task<IActionResult> AfterActionAsync(Guid id, Result result, string? okMessage, Func<string, string> key, CancellationToken ct)
    {
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(key(error.Field), Text[error.Code]);
        }

        if (result.Code is not null)
        {
            ModelState.AddModelError(string.Empty, Text[result.Code]);
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = StaffEdit.From(Staff);
        NewPassword = null;
        if (result.IsOk && okMessage is not null)
        {
            Message = Text[okMessage];
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } staff)
        {
            return false;
        }

        Staff = staff;
        Nodes = await tree.HandleAsync(ct);
        return true;
    }

    public sealed class StaffEdit
    {
        public string? Name { get; set; }

        public Guid? OrgNodeId { get; set; }

        public string? Position { get; set; }

        /// <summary>Blank keeps the stored value (which is shown masked, never in the field).</summary>
        public string? Mobile { get; set; }

        public string? IdNumber { get; set; }

        public string? Email { get; set; }

        public List<string> Roles { get; set; } = [];

        public bool IsActive { get; set; }

        public long? Version { get; set; }

        public Guid? WiderScopeNodeId { get; set; }

        public static StaffEdit From(StaffDetail s) => new()
        {
            Name = s.Name,
            OrgNodeId = s.OrgNodeId,
            Position = s.Position,
            Roles = [.. s.Roles],
            IsActive = s.IsActive,
            Version = s.Version,
            WiderScopeNodeId = s.WiderScopeNodeId,
        };
    }
}
