using System.Globalization;
using System.Resources;

namespace Anxin.E2E.Infrastructure;

/// <summary>
/// The app's own texts (Resources/SharedResource*.resx) in one UI culture, so page objects
/// find labels and buttons in whichever language the page is in.
/// </summary>
public sealed class UiText(string culture)
{
    private static readonly ResourceManager Resources = new("Anxin.Web.Resources.SharedResource", typeof(Program).Assembly);

    public static readonly UiText ZhCn = new("zh-CN");

    public static readonly UiText En = new("en");

    public string Culture { get; } = culture;

    public string this[string key] =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(Culture))
        ?? throw new KeyNotFoundException($"No text '{key}' in SharedResource ({Culture}).");
}
