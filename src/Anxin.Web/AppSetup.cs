using System.Threading.RateLimiting;
using Anxin.Data;
using Anxin.Data.Identity;
using Anxin.Web.Features.Calls;
using Anxin.Web.Features.Claims;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Features.Dispatch;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Data;
using Anxin.Web.Infrastructure.Demo;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Localization;
using Anxin.Web.Infrastructure.Messaging;
using Anxin.Web.Infrastructure.Realtime;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;

namespace Anxin.Web;

public static class AppSetup
{
    public const string SignInRateLimit = "sign-in";

    public static WebApplicationBuilder AddAnxin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        if (!builder.Environment.IsEnvironment("Testing"))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        // Request lines carry query strings (a search by mobile number, say): personal data must
        // never reach the log, so the per-request hosting lines are off at every level.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddAnxinDatabase(config, builder.Environment);
        services.AddAnxinLocalization();
        services.AddProblemDetails();
        services.AddExceptionHandler<ExpectedExceptionHandler>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddHealthChecks().AddDbContextCheck<AnxinDbContext>("database");

        services.AddDataProtection().SetApplicationName("Anxin");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DataProtectionKeyRepository(scopes));

        AddIdentity(services);
        AddRateLimiting(services, config);

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToFolder("/Account");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));
        services.AddFeatureHandlers();
        services.AddMessaging(config);
        services.AddNotificationsPush(config);
        services.AddClocks(config);
        services.AddCalls(config);
        services.AddDispatch(config);
        services.AddClaims();
        services.AddScoped<DemoDataSeeder>();
        return builder;
    }

    public static async Task UseAnxinAsync(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Database:MigrateOnStart"))
        {
            await DatabaseSetup.MigrateAsync(app.Services);
        }

        if (app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }

        app.UseExceptionHandler();
        app.UseWhen(h => h.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseAntiforgery();

        app.MapRazorPages();
        Anxin.Web.Features.Account.SwitchCulture.Map(app);
        app.MapFeatureEndpoints();
        app.MapMessaging();
        app.MapNotificationsPush();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapBareEndpoint();
        app.MapOpenApi().AllowAnonymous();
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, ApplicationRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AnxinDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "anxin.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Anxin";
                o.DefaultAuthenticateScheme = "Anxin";
                o.DefaultForbidScheme = "Anxin";
                o.DefaultChallengeScheme = "Anxin";
            })
            .AddPolicyScheme("Anxin", "Cookie or API key", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(ApiKeys.Header) ? ApiKeys.Scheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeys.Scheme, null);

        services.AddScoped<IClaimsTransformation, PermissionClaimsLoader>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorization();
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs") || ctx.Request.Headers.ContainsKey("HX-Request"))
        {
            ctx.Response.StatusCode = status;
            if (ctx.Request.Headers.ContainsKey("HX-Request") && status == StatusCodes.Status401Unauthorized)
            {
                ctx.Response.Headers["HX-Redirect"] = ctx.RedirectUri;
            }

            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddRateLimiting(IServiceCollection services, IConfiguration config)
    {
        // Only sign-in attempts count (a contact centre signs in from one NAT address at shift
        // change, so page views must not); per-account lockout does the rest.
        var perMinute = config.GetValue("RateLimiting:SignInPerMinute", 60);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, http => HttpMethods.IsGet(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("views")
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
