using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Claims;

/// <summary>/admin/authority: authority profiles (CLM-05), their limits per line for payments and reserves, and who holds them.</summary>
[HasPermission(Permissions.Claims.View)]
public sealed class AuthorityAdminModel(ManageAuthorityHandler authority, AnxinDbContext db, CurrentUser me,
    IStringLocalizer<ClaimText> claimText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    public IReadOnlyList<AuthorityProfileView> Profiles { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name, string Path)> Nodes { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public bool CanManage => me.Has(Permissions.Claims.ManageAuthority);

    private ClaimLocalizer Text => new(claimText, sharedText);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Saves one profile: name, active, and a limit per line and kind (blank: none).</summary>
    public async Task<IActionResult> OnPostSaveAsync(Guid? profileId, string? code, string? name, bool isActive, long? version,
        Dictionary<string, decimal?>? limit, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        var limits = new List<AuthorityLimitInput>();
        foreach (var line in Enum.GetValues<ProductLine>())
        {
            foreach (var kind in Enum.GetValues<AuthorityKind>())
            {
                if (limit?.GetValueOrDefault($"{line}.{kind}") is { } amount)
                {
                    limits.Add(new AuthorityLimitInput(line, kind, amount));
                }
            }
        }

        var result = await authority.SaveAsync(profileId, new SaveAuthorityProfileRequest(code, name, isActive, limits, version), ct);
        return await AfterAsync(result, ct);
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid profileId, string? roleCode, Guid? scopeOrgNodeId, string? workNumber, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        Guid? staffId = null;
        if (!string.IsNullOrWhiteSpace(workNumber))
        {
            var number = workNumber.Trim();
            staffId = await db.Staff.Where(s => s.WorkNumber == number).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            if (staffId is null)
            {
                return await AfterAsync(Result.Invalid("WorkNumber", "Claim.UnknownHandler"), ct);
            }
        }

        var result = await authority.AssignAsync(profileId, staffId is null
            ? new AssignAuthorityRequest(string.IsNullOrWhiteSpace(roleCode) ? null : roleCode, scopeOrgNodeId)
            : new AssignAuthorityRequest(StaffId: staffId), ct);
        return await AfterAsync(result, ct);
    }

    public async Task<IActionResult> OnPostUnassignAsync(Guid assignmentId, CancellationToken ct) =>
        CanManage ? await AfterAsync(await authority.UnassignAsync(assignmentId, ct), ct) : Forbid();

    private async Task<IActionResult> AfterAsync(Result result, CancellationToken ct)
    {
        if (result.IsOk)
        {
            Message = Text["Common.Saved"];
            return Redirect("/admin/authority");
        }

        ModelState.Clear();
        result.AddTo(ModelState, Text);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Profiles = await authority.ListAsync(ct);
        Nodes = (await db.OrgNodes.AsNoTracking().OrderBy(n => n.Path).Select(n => new { n.Id, n.Name, n.Path }).ToListAsync(ct))
            .Select(n => (n.Id, n.Name, n.Path)).ToList();
    }
}
