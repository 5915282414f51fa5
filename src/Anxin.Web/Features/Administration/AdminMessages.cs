using System.Text.Json;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Administration;

/// <summary>
/// Looks a message up in AdminText first, then in the shared resources, so administration
/// results can use their own codes (ApiKeys.*, Roles.*) beside the shared ones (Validation.*).
/// </summary>
public sealed class AdminMessages(IStringLocalizer<AdminText> admin, IStringLocalizer<SharedResource> shared) : IStringLocalizer
{
    public LocalizedString this[string name] => admin[name] is { ResourceNotFound: false } s ? s : shared[name];

    public LocalizedString this[string name, params object[] arguments] =>
        admin[name, arguments] is { ResourceNotFound: false } s ? s : shared[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        admin.GetAllStrings(includeParentCultures).Concat(shared.GetAllStrings(includeParentCultures));

    public static AdminMessages For(HttpContext http) => new(
        http.RequestServices.GetRequiredService<IStringLocalizer<AdminText>>(),
        http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
}

/// <summary>Like <see cref="ResultMapping.ToHttp(Result, HttpContext, Func{IResult}?)"/>, with administration messages.</summary>
public static class AdminResults
{
    public static IResult ToAdminHttp(this Result result, HttpContext http, Func<IResult>? ok = null)
    {
        var text = AdminMessages.For(http);
        return result.Status switch
        {
            ResultStatus.Ok => ok?.Invoke() ?? TypedResults.NoContent(),
            ResultStatus.Invalid => TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Field))
                    .ToDictionary(g => g.Key, g => g.Select(e => text[e.Code].Value).ToArray()),
                title: text["Error.Validation"],
                extensions: new Dictionary<string, object?>
                {
                    ["codes"] = result.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Field)).ToDictionary(g => g.Key, g => g.First().Code),
                }),
            ResultStatus.NotFound => TypedResults.Problem(statusCode: 404, title: text[result.Code ?? "Error.NotFound"]),
            ResultStatus.Forbidden => TypedResults.Problem(statusCode: 403, title: text[result.Code ?? "Error.Forbidden"]),
            _ => TypedResults.Problem(statusCode: 409, title: text[result.Code ?? "Error.Concurrency"]),
        };
    }

    public static IResult ToAdminHttp<T>(this Result<T> result, HttpContext http, Func<T, IResult> ok) =>
        ((Result)result).ToAdminHttp(http, () => ok(result.Value!));
}

/// <summary>Localized permission names, grouped by area (the part before the dot).</summary>
public static class PermissionCatalog
{
    public static string Area(string permission) => permission[..permission.IndexOf('.', StringComparison.Ordinal)];

    public static IEnumerable<IGrouping<string, string>> ByArea() => Domain.Administration.Permissions.All.GroupBy(Area);
}
