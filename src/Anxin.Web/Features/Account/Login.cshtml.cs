using Anxin.Data;
using Anxin.Data.Identity;
using Anxin.Web.Infrastructure.Localization;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Account;

[EnableRateLimiting(AppSetup.SignInRateLimit)]
public sealed class LoginModel(SignInManager<ApplicationUser> signIn, AnxinDbContext db, TimeProvider time,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.UserName))
        {
            ModelState.AddModelError("Input.UserName", text["Validation.Required"]);
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", text["Validation.Required"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByNameAsync(Input.UserName!.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (user is not null && !result.Succeeded)
        {
            var staffPath = await db.Staff.IgnoreQueryFilters().Where(s => s.Id == user.StaffId).Select(s => s.OrgPath).SingleOrDefaultAsync();
            db.AddAuditEvent(result.IsLockedOut ? "AccountLockedOut" : "SignInFailed", "User", user.Id, null, staffPath, time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, text["Account.LockedOut"]);
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, text[result.IsNotAllowed ? "Account.Disabled" : "Account.InvalidLogin"]);
            return Page();
        }

        if (user!.PreferredCulture is { } culture)
        {
            LocalizationSetup.WriteCultureCookie(Response, culture);
        }

        return user.MustChangePassword ? Redirect("/account/changepassword") : LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public sealed class LoginInput
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }

        public bool RememberMe { get; set; }
    }
}
