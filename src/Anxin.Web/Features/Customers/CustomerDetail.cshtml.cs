using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Customers;

[HasPermission(Permissions.Customers.View)]
public sealed class CustomerDetailModel(GetCustomerHandler get, GetCustomerTimelineHandler timeline, EditCustomerContactHandler edit,
    RevealCustomerPersonalDataHandler reveal, Anxin.Web.Features.Policies.ListPoliciesHandler policies, CurrentUser me,
    IStringLocalizer<CustomerText> customerText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public ContactEdit Input { get; set; } = new();

    [BindProperty]
    public string? RevealField { get; set; }

    [BindProperty]
    public string? RevealReason { get; set; }

    public CustomerDetail Customer { get; private set; } = null!;

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>The policies the customer holds (CUS-01), for people who may see policies.</summary>
    public IReadOnlyList<Anxin.Web.Features.Policies.PolicyListItem> HeldPolicies { get; private set; } = [];

    public bool CanSeePolicies => me.Has(Permissions.Policies.View);

    public string? Message { get; private set; }

    public RevealedCustomerValue? Revealed { get; private set; }

    public bool CanManage => me.Has(Permissions.Customers.Manage);

    public bool CanReveal => me.Has(Permissions.PersonalData.Reveal);

    private CustomerLocalizer Text => new(customerText, sharedText);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new ContactEdit { Version = Customer.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        // Blank fields keep the stored value (shown masked, never in the field).
        var result = await edit.HandleAsync(id, new EditCustomerContactRequest(Blank(Input.Mobile), Blank(Input.Phone2), Blank(Input.Email),
            Blank(Input.Address), Input.Version), ct);
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
            Input = new ContactEdit { Version = Customer.Version };
            Message = Text["Common.Saved"];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        if (!CanReveal)
        {
            return Forbid();
        }

        var result = await reveal.HandleAsync(id, new RevealCustomerPersonalDataRequest(RevealField, RevealReason), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("Reveal" + error.Field, ResultMapping.Message(Text, error));
        }

        if (result.IsOk)
        {
            Revealed = result.Value;
            RevealReason = null;
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new ContactEdit { Version = Customer.Version };
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } customer)
        {
            return false;
        }

        Customer = customer;
        Timeline = await timeline.HandleAsync(id, ct) ?? [];
        HeldPolicies = CanSeePolicies ? await policies.ForCustomerAsync(id, ct) : [];
        return true;
    }

    public sealed class ContactEdit
    {
        public string? Mobile { get; set; }

        public string? Phone2 { get; set; }

        public string? Email { get; set; }

        public string? Address { get; set; }

        public long? Version { get; set; }
    }
}
