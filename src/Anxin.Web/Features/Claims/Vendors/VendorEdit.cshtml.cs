using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Claims;

/// <summary>/claims/vendors/edit/{id?}: register a vendor (credit code checked) or change one; the form keeps what was typed on an error.</summary>
[HasPermission(Permissions.Vendors.Manage)]
public sealed class VendorEditModel(ListVendorsHandler vendors, SaveVendorHandler save, IStringLocalizer<ClaimText> claimText,
    IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public VendorInput Input { get; set; } = new();

    public Guid? Id { get; private set; }

    private ClaimLocalizer Text => new(claimText, sharedText);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await vendors.GetAsync(existing, ct) is not { } v)
            {
                return NotFound();
            }

            Input = new VendorInput
            {
                Kind = v.Kind, Name = v.Name, CreditCode = v.CreditCode, ContactName = v.ContactName, Address = v.Address, IsActive = v.IsActive,
                Version = v.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var result = await save.HandleAsync(id, new SaveVendorRequest(Input.Kind, Input.Name, Input.CreditCode, Input.ContactName, Input.ContactMobile,
            Input.Address, Input.IsActive, Input.Version), ct);
        if (result.IsOk)
        {
            return Redirect("/claims/vendors");
        }

        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        result.AddTo(ModelState, Text);
        return Page();
    }

    public sealed class VendorInput
    {
        public VendorKind? Kind { get; set; }

        public string? Name { get; set; }

        public string? CreditCode { get; set; }

        public string? ContactName { get; set; }

        /// <summary>Typed again on each change (it is never shown unmasked).</summary>
        public string? ContactMobile { get; set; }

        public string? Address { get; set; }

        public bool IsActive { get; set; } = true;

        public long? Version { get; set; }
    }
}
