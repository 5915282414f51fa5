using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Infrastructure.Localization;

/// <summary>
/// A feature's own strings first, then the shared ones (Common.*, Validation.*, Role.*), so a
/// feature keeps its texts in its own resource files without repeating the shared keys.
/// </summary>
public class FeatureText<TResource>(IStringLocalizer<TResource> feature, IStringLocalizer<SharedResource> shared) : IStringLocalizer
{
    public LocalizedString this[string name] => feature[name] is { ResourceNotFound: false } s ? s : shared[name];

    public LocalizedString this[string name, params object[] arguments] =>
        feature[name, arguments] is { ResourceNotFound: false } s ? s : shared[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        feature.GetAllStrings(includeParentCultures).Concat(shared.GetAllStrings(includeParentCultures));

    public static FeatureText<TResource> For(HttpContext http) => new(
        http.RequestServices.GetRequiredService<IStringLocalizer<TResource>>(),
        http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
}
