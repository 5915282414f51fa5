using Anxin.Data;
using Anxin.Data.Identity;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Account;

public sealed class ChangePasswordModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
    AnxinDbContext db, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public bool Forced => User.HasClaim(c => c.Type == AnxinClaims.MustChangePassword);

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.CurrentPassword))
        {
            ModelState.AddModelError("Input.CurrentPassword", text["Validation.Required"]);
        }

        if (string.IsNullOrEmpty(Input.NewPassword))
        {
            ModelState.AddModelError("Input.NewPassword", text["Validation.Required"]);
        }
        else if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", text["Account.PasswordsDiffer"]);
        }
        else if (Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.NewPassword", text["Account.PasswordSameAsOld"]);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Redirect("/account/login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        var wasForced = user.MustChangePassword;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        db.AddAuditEvent("PasswordChanged", "User", user.Id, null, null, time.GetUtcNow());
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        if (wasForced)
        {
            return Redirect("/");
        }

        Done = true;
        Input = new();
        return Page();
    }

    public sealed class ChangePasswordInput
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
