using Anxin.Domain.Administration;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Policies;

/// <summary>
/// The policy form. Coverage rows are added by a small script, or without it by the "add a
/// coverage" button (a post that only adds a row). Blank coverage rows are dropped.
/// </summary>
[HasPermission(Permissions.Policies.Manage)]
public sealed class NewPolicyModel(RegisterPolicyHandler register, Anxin.Data.AnxinDbContext db, CurrentUser me,
    IStringLocalizer<PolicyText> policyText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [BindProperty]
    public PolicyInput Input { get; set; } = new();

    public IReadOnlyList<InsurerRef> Insurers { get; private set; } = [];

    /// <summary>The insurer of an insurer's own user: the only choice offered.</summary>
    public InsurerRef? OwnInsurer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.InsurerCode ??= OwnInsurer?.Code ?? InsurerDirectory.Own;
        Input.Coverages = [new()];
    }

    public async Task<IActionResult> OnPostAddRowAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(ct);
        Input.Coverages = [.. Input.Coverages.Where(c => !c.IsBlank), new()];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.Coverages = [.. Input.Coverages.Where(c => !c.IsBlank)];
        var result = await register.HandleAsync(new CreatePolicyRequest(Input.InsurerCode, Input.Number, Input.Line, Input.HolderName,
            Input.HolderMobile, Input.InsuredName, Input.InsuredIdNumber,
            Input.StartsAt is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), China) : null,
            Input.EndsAt is { } end && end < DateOnly.MaxValue ? new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), China) : null,
            Input.Premium, Input.Plate, Input.Vin, Input.ObjectAddress, Input.SerialNumber,
            [.. Input.Coverages.Select(c => new CoverageDraft(c.Code, c.Name, c.SumInsured, c.Deductible, c.DeductibleRate, c.PerEventLimit))]), ct);
        if (result.IsOk)
        {
            return Redirect($"/policies/{result.Value!.Id}");
        }

        ModelState.Clear();
        result.AddTo(ModelState, new PolicyLocalizer(policyText, sharedText));
        await LoadAsync(ct);
        if (Input.Coverages.Count == 0)
        {
            Input.Coverages = [new()];
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var insurers = await InsurerDirectory.LoadAsync(db, ct);
        OwnInsurer = insurers.ById(me.InsurerScope);
        Insurers = OwnInsurer is null ? insurers.All : [OwnInsurer];
    }

    public sealed class PolicyInput
    {
        public string? InsurerCode { get; set; }

        public string? Number { get; set; }

        public ProductLine? Line { get; set; } = ProductLine.Motor;

        public string? HolderName { get; set; }

        public string? HolderMobile { get; set; }

        public string? InsuredName { get; set; }

        public string? InsuredIdNumber { get; set; }

        /// <summary>Cover starts at 00:00 of this day (China time).</summary>
        public DateOnly? StartsAt { get; set; }

        /// <summary>Cover ends at 24:00 of this day (China time).</summary>
        public DateOnly? EndsAt { get; set; }

        public decimal? Premium { get; set; }

        public string? Plate { get; set; }

        public string? Vin { get; set; }

        public string? ObjectAddress { get; set; }

        public string? SerialNumber { get; set; }

        public List<CoverageInput> Coverages { get; set; } = [];
    }

    public sealed class CoverageInput
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public decimal? SumInsured { get; set; }

        public decimal? Deductible { get; set; }

        public decimal? DeductibleRate { get; set; }

        public decimal? PerEventLimit { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Name) && SumInsured is null && Deductible is null
            && DeductibleRate is null && PerEventLimit is null;
    }
}
