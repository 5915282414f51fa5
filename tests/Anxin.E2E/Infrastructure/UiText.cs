using System.Globalization;
using System.Resources;

namespace Anxin.E2E.Infrastructure;

/// <summary>
/// The app's own texts (Resources/SharedResource*.resx, or a feature's set such as CaseText) in one
/// UI culture, so page objects find labels and buttons in whichever language the page is in.
/// </summary>
public sealed class UiText(string culture, string set = "SharedResource")
{
    private readonly ResourceManager _resources = new("Anxin.Web.Resources." + set, typeof(Program).Assembly);

    public static readonly UiText ZhCn = new("zh-CN");

    public static readonly UiText En = new("en");

    public string Culture { get; } = culture;

    public string this[string key] =>
        _resources.GetString(key, CultureInfo.GetCultureInfo(Culture))
        ?? throw new KeyNotFoundException($"No text '{key}' in {set} ({Culture}).");
}
