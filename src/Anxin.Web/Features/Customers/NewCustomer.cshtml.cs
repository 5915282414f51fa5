using Anxin.Domain.Administration;
using Anxin.Domain.Customers;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Customers;

[HasPermission(Permissions.Customers.Manage)]
public sealed class NewCustomerModel(RegisterCustomerHandler register,
    IStringLocalizer<CustomerText> customerText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public CustomerInput Input { get; set; } = new();

    /// <summary>Customers with the same mobile, shown with a "register anyway" box.</summary>
    public IReadOnlyList<CustomerMatch> PossibleDuplicates { get; private set; } = [];

    /// <summary>From the agent desk (<c>?callId=</c>): the caller's mobile is filled in.</summary>
    public async Task OnGetAsync(Guid? callId, [FromServices] Calls.GetCallHandler calls, CancellationToken ct)
    {
        if (callId is { } id)
        {
            Input.Mobile = await calls.MobileToRegisterAsync(id, ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await register.HandleAsync(new RegisterCustomerRequest(Input.Kind, Input.Name, Input.IdNumber, Input.CreditCode,
            Input.Mobile, Input.Phone2, Input.Email, Input.Address, Input.ConfirmDuplicateMobile), ct);
        ModelState.Clear();
        if (result.IsOk && result.Value!.Customer is { } customer)
        {
            return Redirect($"/customers/{customer.Id}");
        }

        if (result.IsOk)
        {
            PossibleDuplicates = result.Value!.PossibleDuplicates;
            return Page();
        }

        result.AddTo(ModelState, new CustomerLocalizer(customerText, sharedText));
        return Page();
    }

    public sealed class CustomerInput
    {
        public CustomerKind? Kind { get; set; } = CustomerKind.Individual;

        public string? Name { get; set; }

        public string? IdNumber { get; set; }

        public string? CreditCode { get; set; }

        public string? Mobile { get; set; }

        public string? Phone2 { get; set; }

        public string? Email { get; set; }

        public string? Address { get; set; }

        public bool ConfirmDuplicateMobile { get; set; }
    }
}
