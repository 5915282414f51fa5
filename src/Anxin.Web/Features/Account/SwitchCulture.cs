using Anxin.Data.Identity;
using Anxin.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Anxin.Web.Features.Account;

/// <summary>The language picker: the choice sticks in a cookie and on the user's account.</summary>
public static class SwitchCulture
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/culture", async ([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext http,
            UserManager<ApplicationUser> users) =>
        {
            var chosen = LocalizationSetup.Normalize(culture);
            LocalizationSetup.WriteCultureCookie(http.Response, chosen);
            if (await users.GetUserAsync(http.User) is { } user && user.PreferredCulture != chosen)
            {
                user.PreferredCulture = chosen;
                await users.UpdateAsync(user);
            }

            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
}
