using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Anxin.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public const string Default = "zh-CN";

    /// <summary>Simplified Chinese (default), English, Traditional Chinese .</summary>
    public static readonly string[] Supported = [Default, "en", "zh-Hant"];

    public static IServiceCollection AddAnxinLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = false;
            options.FallBackToParentUICultures = false;

            // The user's choice (cookie) wins; ?culture= for links; API clients may send
            // Accept-Language. Browsers' Accept-Language is ignored for pages: zh-CN is the default.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new ApiAcceptLanguageProvider(),
            ];
        });
        return services;
    }

    public static string Normalize(string? culture) =>
        Supported.FirstOrDefault(c => c.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? Default;

    public static void WriteCultureCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Normalize(culture))),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

    private sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.Request.Path.StartsWithSegments("/api")
                ? base.DetermineProviderCultureResult(httpContext)
                : Task.FromResult<ProviderCultureResult?>(null);
    }
}
