using System.Text.Json;
using Anxin.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Infrastructure.Http;

/// <summary>Turns results into problem details (API) and model-state errors (pages), localized.</summary>
public static class ResultMapping
{
    /// <param name="text">A localizer; by default the endpoint's feature strings, then the shared ones (see FeatureText.ForEndpoint).</param>
    public static IResult ToHttp(this Result result, HttpContext http, Func<IResult>? ok = null, IStringLocalizer? text = null)
    {
        text ??= FeatureText.ForEndpoint(http);
        return result.Status switch
        {
            ResultStatus.Ok => ok?.Invoke() ?? TypedResults.NoContent(),
            ResultStatus.Invalid => TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Field))
                    .ToDictionary(g => g.Key, g => g.Select(e => Message(text, e)).ToArray()),
                title: text["Error.Validation"],
                extensions: new Dictionary<string, object?>
                {
                    ["codes"] = result.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Field))
                        .ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray()),
                }),
            ResultStatus.NotFound => TypedResults.Problem(statusCode: 404, title: text[result.Code ?? "Error.NotFound"]),
            ResultStatus.Forbidden => TypedResults.Problem(statusCode: 403, title: text[result.Code ?? "Error.Forbidden"]),
            _ => TypedResults.Problem(statusCode: 409, title: text[result.Code ?? "Error.Concurrency"]),
        };
    }

    /// <summary>The localized message of a field error, with its argument when it has one.</summary>
    public static string Message(IStringLocalizer text, FieldError error) =>
        error.Argument is null ? text[error.Code].Value : text[error.Code, error.Argument].Value;

    public static IResult ToHttp<T>(this Result<T> result, HttpContext http, Func<T, IResult> ok, IStringLocalizer? text = null) =>
        ((Result)result).ToHttp(http, () => ok(result.Value!), text);

    /// <summary>Adds the result's errors to a page's model state under <paramref name="prefix"/>.</summary>
    public static void AddTo(this Result result, ModelStateDictionary modelState, IStringLocalizer text, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            var key = string.IsNullOrEmpty(error.Field) ? string.Empty : $"{prefix}.{error.Field}";
            modelState.AddModelError(key, Message(text, error));
        }

        if (result.Status is ResultStatus.Conflict or ResultStatus.NotFound or ResultStatus.Forbidden)
        {
            modelState.AddModelError(string.Empty, text[result.Code ?? "Error.Concurrency"]);
        }
    }
}
