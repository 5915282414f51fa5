using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Infrastructure.Localization;

/// <summary>
/// A feature's own strings first, then the shared ones (Common.*, Validation.*, Role.*), so a
/// feature keeps its texts in its own resource files without repeating the shared keys.
/// </summary>
public class FeatureText(IStringLocalizer feature, IStringLocalizer shared) : IStringLocalizer
{
    public LocalizedString this[string name] => feature[name] is { ResourceNotFound: false } s ? s : shared[name];

    public LocalizedString this[string name, params object[] arguments] =>
        feature[name, arguments] is { ResourceNotFound: false } s ? s : shared[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        feature.GetAllStrings(includeParentCultures).Concat(shared.GetAllStrings(includeParentCultures));

    /// <summary>
    /// The strings of the feature whose endpoint serves this request (<see cref="FeatureTextEndpoints.WithFeatureText{TResource}"/>),
    /// then the shared ones; only the shared ones where the endpoint names no feature.
    /// </summary>
    public static IStringLocalizer ForEndpoint(HttpContext http)
    {
        var shared = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return http.GetEndpoint()?.Metadata.GetMetadata<FeatureTextMetadata>() is { } feature
            ? new FeatureText(http.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(feature.Resource), shared)
            : shared;
    }
}

/// <inheritdoc cref="FeatureText"/>
public class FeatureText<TResource>(IStringLocalizer<TResource> feature, IStringLocalizer<SharedResource> shared) : FeatureText(feature, shared)
{
    public static FeatureText<TResource> For(HttpContext http) => new(
        http.RequestServices.GetRequiredService<IStringLocalizer<TResource>>(),
        http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
}

/// <summary>Endpoint metadata: which feature's resource set localizes this endpoint's problem details.</summary>
public sealed record FeatureTextMetadata(Type Resource);
