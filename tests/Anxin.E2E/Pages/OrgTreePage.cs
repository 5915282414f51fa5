using Anxin.E2E.Infrastructure;

namespace Anxin.E2E.Pages;

/// <summary>/admin/org: the organisation tree the user may see.</summary>
public sealed class OrgTreePage(IPage page, UiText? text = null)
{
    private readonly UiText _text = text ?? UiText.ZhCn;

    public ILocator Tree => page.GetByTestId("org-tree");

    /// <summary>Every node shown, at any depth.</summary>
    public ILocator Nodes => Tree.Locator("li[data-node-code]");

    public ILocator NewNodeLink => page.GetByRole(AriaRole.Link, new() { NameRegex = AccessibleName.WithIcon(_text["Org.New"]) });

    /// <summary>A node by its code (its own row, not its children's).</summary>
    public ILocator Node(string code) => Tree.Locator($"li[data-node-code='{code}']");

    /// <summary>A node's name as shown in the tree (a link for managers, plain text otherwise).</summary>
    public ILocator NodeName(string name) => Tree.GetByText(name, new() { Exact = true });

    /// <summary>The child node <paramref name="childCode"/> drawn under <paramref name="parentCode"/>.</summary>
    public ILocator ChildOf(string parentCode, string childCode) => Node(parentCode).Locator($"li[data-node-code='{childCode}']");

    public async Task<NewOrgNodePage> OpenNewNodeAsync()
    {
        await NewNodeLink.ClickAsync();
        return new NewOrgNodePage(page, _text);
    }
}
