using Anxin.Web.Infrastructure.Localization;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Administration;

/// <summary>The administration strings first, then the shared ones.</summary>
public sealed class AdminMessages(IStringLocalizer<AdminText> admin, IStringLocalizer<SharedResource> shared)
    : FeatureText<AdminText>(admin, shared)
{
    public static new AdminMessages For(HttpContext http) => new(
        http.RequestServices.GetRequiredService<IStringLocalizer<AdminText>>(),
        http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
}

public static class AdminResults
{
    public static IResult ToAdminHttp(this Result result, HttpContext http, Func<IResult>? ok = null) =>
        result.ToHttp(http, ok, AdminMessages.For(http));

    public static IResult ToAdminHttp<T>(this Result<T> result, HttpContext http, Func<T, IResult> ok) =>
        result.ToHttp(http, ok, AdminMessages.For(http));
}

/// <summary>Localized permission names, grouped by area (the part before the dot).</summary>
public static class PermissionCatalog
{
    public static string Area(string permission) => permission[..permission.IndexOf('.', StringComparison.Ordinal)];

    public static IEnumerable<IGrouping<string, string>> ByArea() => Domain.Administration.Permissions.All.GroupBy(Area);
}
