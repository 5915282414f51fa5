using Anxin.Web.Infrastructure.Localization;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Administration;

/// <summary>Localized permission names, grouped by area (the part before the dot).</summary>
public static class PermissionCatalog
{
    public static string Area(string permission) => permission[..permission.IndexOf('.', StringComparison.Ordinal)];

    public static IEnumerable<IGrouping<string, string>> ByArea() => Domain.Administration.Permissions.All.GroupBy(Area);
}
