using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Staff;

/// <summary>The staff strings first, then the shared ones (Common.*, Validation.*, Role.*).</summary>
public sealed class StaffLocalizer(IStringLocalizer<StaffText> staff, IStringLocalizer<SharedResource> shared) : IStringLocalizer
{
    public LocalizedString this[string name] => staff[name] is { ResourceNotFound: false } s ? s : shared[name];

    public LocalizedString this[string name, params object[] arguments] =>
        staff[name, arguments] is { ResourceNotFound: false } s ? s : shared[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        staff.GetAllStrings(includeParentCultures).Concat(shared.GetAllStrings(includeParentCultures));

    public static StaffLocalizer For(HttpContext http) => new(
        http.RequestServices.GetRequiredService<IStringLocalizer<StaffText>>(),
        http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
}

public static class StaffResults
{
    /// <summary>
    /// <see cref="ResultMapping.ToHttp"/>, then the staff-specific codes (which the shared
    /// resource does not know) get their message from <see cref="StaffText"/>.
    /// </summary>
    public static IResult ToStaffHttp(this Result result, HttpContext http, Func<IResult>? ok = null)
    {
        if (result.IsOk)
        {
            return result.ToHttp(http, ok);
        }

        // ResultMapping's "codes" dictionary takes one code per field: pass the first of each
        // field there (several password rules can fail at once) and list every message below.
        var mapped = result.Status == ResultStatus.Invalid
            ? Result.Invalid(result.Errors.GroupBy(e => e.Field, StringComparer.Ordinal).Select(g => g.First()).ToList()).ToHttp(http)
            : result.ToHttp(http, ok);

        var text = StaffLocalizer.For(http);
        switch (mapped)
        {
            case ValidationProblem validation:
                var messages = result.Errors.GroupBy(e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Field));
                foreach (var group in messages)
                {
                    validation.ProblemDetails.Errors[group.Key] = group.Select(e => text[e.Code].Value).ToArray();
                }

                break;
            case ProblemHttpResult problem when result.Code is not null:
                problem.ProblemDetails.Title = text[result.Code];
                break;
        }

        return mapped;
    }

    public static IResult ToStaffHttp<T>(this Result<T> result, HttpContext http, Func<T, IResult> ok) =>
        ((Result)result).ToStaffHttp(http, () => ok(result.Value!));
}
