using Anxin.E2E.Infrastructure;

namespace Anxin.E2E.Pages;

/// <summary>/admin/org/new: parent, kind, code, name.</summary>
public sealed class NewOrgNodePage(IPage page, UiText? text = null)
{
    private readonly UiText _text = text ?? UiText.ZhCn;

    public ILocator Parent => page.GetByLabel(_text["Org.Parent"], new() { Exact = true });

    public ILocator Kind => page.GetByLabel(_text["Org.Kind"], new() { Exact = true });

    public ILocator Code => page.GetByLabel(_text["Common.Code"], new() { Exact = true });

    public ILocator Name => page.GetByLabel(_text["Common.Name"], new() { Exact = true });

    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = _text["Common.Save"], Exact = true });

    /// <summary>Fills the form; the parent is picked by its code, the kind by its resource key (e.g. SubBranch).</summary>
    public async Task FillAsync(string parentCode, string kind, string code, string name)
    {
        // Options read "　　深圳中心支公司 (GD-SZ)", indented by depth; pick by the code in brackets.
        var parentValue = await Parent.Locator("option", new() { HasText = $"({parentCode})" }).GetAttributeAsync("value");
        await Parent.SelectOptionAsync(parentValue!);
        await Kind.SelectOptionAsync(new SelectOptionValue { Label = _text["OrgKind." + kind] });
        await Code.FillAsync(code);
        await Name.FillAsync(name);
    }

    public Task SaveAsync() => SaveButton.ClickAsync();
}
