using Anxin.Web.Infrastructure.Localization;

namespace Anxin.Web.Infrastructure.Http;

/// <summary>Names the feature whose strings localize a module's problem details (see <see cref="ResultMapping.ToHttp(Result, HttpContext, Func{IResult}?, Microsoft.Extensions.Localization.IStringLocalizer?)"/>).</summary>
public static class FeatureTextEndpoints
{
    /// <summary>Every endpoint a module maps on the returned builder speaks <typeparamref name="TResource"/>, then the shared strings.</summary>
    public static IEndpointRouteBuilder WithFeatureText<TResource>(this IEndpointRouteBuilder api) =>
        api.MapGroup(string.Empty).WithMetadata(new FeatureTextMetadata(typeof(TResource)));
}
