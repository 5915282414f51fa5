namespace Anxin.Web.Infrastructure.Auth;

/// <summary>A user who must change their password (first sign-in, after a reset) can do nothing else.</summary>
public sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/account/changepassword", "/account/logout", "/culture", "/lib/", "/css/", "/js/", "/health"];

    public Task InvokeAsync(HttpContext http)
    {
        if (!http.User.HasClaim(c => c.Type == AnxinClaims.MustChangePassword))
        {
            return next(http);
        }

        var path = http.Request.Path.Value ?? "/";
        if (Allowed.Any(a => path.StartsWith(a, StringComparison.OrdinalIgnoreCase)))
        {
            return next(http);
        }

        if (path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        http.Response.Redirect("/account/changepassword");
        return Task.CompletedTask;
    }
}
