using Anxin.Web.Infrastructure.Localization;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Administration;

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
