using System.Text.RegularExpressions;
using Anxin.E2E.Infrastructure;

namespace Anxin.E2E.Pages;

/// <summary>A new employee and their account, as typed into /admin/staff/new.</summary>
public sealed record NewStaff(
    string WorkNumber,
    string Name,
    string OrgNodeName,
    string Position,
    string Mobile,
    string IdNumber,
    string Email,
    string UserName,
    string InitialPassword,
    IReadOnlyList<string> Roles);

/// <summary>
/// 员工管理: the list at /admin/staff and the form at /admin/staff/new. The form is located by
/// its field names (Input.WorkNumber …, Input.Roles checkboxes valued by role code), which
/// are the contract agreed with the staff feature; success lands on /admin/staff/{id}.
/// </summary>
public sealed partial class StaffPage(IPage page, UiText? text = null)
{
    private readonly UiText _text = text ?? UiText.ZhCn;

    public ILocator WorkNumber => Field("Input.WorkNumber");

    public ILocator Name => Field("Input.Name");

    public ILocator OrgNode => page.Locator("select[name='Input.OrgNodeId']");

    public ILocator Position => Field("Input.Position");

    public ILocator Mobile => Field("Input.Mobile");

    public ILocator IdNumber => Field("Input.IdNumber");

    public ILocator Email => Field("Input.Email");

    public ILocator UserName => Field("Input.UserName");

    public ILocator InitialPassword => Field("Input.InitialPassword");

    /// <summary>The form that holds the staff fields (the layout has other forms: language, sign-out).</summary>
    public ILocator Form => page.Locator("form", new() { Has = WorkNumber });

    public ILocator SubmitButton => Form.Locator("button[type='submit'], input[type='submit']").First;

    /// <summary>The role checkbox by its code (e.g. Teller).</summary>
    public ILocator Role(string code) => page.Locator($"input[type='checkbox'][name='Input.Roles'][value='{code}']");

    /// <summary>The same checkbox found through its label, e.g. 柜员.</summary>
    public ILocator RoleByLabel(string code) => page.GetByLabel(_text["Role." + code], new() { Exact = true });

    /// <summary>/admin/staff/{guid}: where a successful create lands.</summary>
    public static Regex DetailsUrl { get; } = DetailsUrlPattern();

    public async Task OpenNewAsync()
    {
        await page.GotoAsync("/admin/staff/new");
        await Assertions.Expect(WorkNumber).ToBeVisibleAsync();
    }

    public async Task FillAsync(NewStaff staff)
    {
        await WorkNumber.FillAsync(staff.WorkNumber);
        await Name.FillAsync(staff.Name);
        var node = await OrgNode.Locator("option", new() { HasText = staff.OrgNodeName }).GetAttributeAsync("value");
        await OrgNode.SelectOptionAsync(node!);
        await Position.FillAsync(staff.Position);
        await Mobile.FillAsync(staff.Mobile);
        await IdNumber.FillAsync(staff.IdNumber);
        await Email.FillAsync(staff.Email);
        await UserName.FillAsync(staff.UserName);
        await InitialPassword.FillAsync(staff.InitialPassword);
        foreach (var role in staff.Roles)
        {
            await Role(role).CheckAsync();
        }
    }

    public Task SubmitAsync() => SubmitButton.ClickAsync();

    private ILocator Field(string name) => page.Locator($"input[name='{name}'], textarea[name='{name}']");

    [GeneratedRegex(@"/admin/staff/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/?(\?.*)?$")]
    private static partial Regex DetailsUrlPattern();
}
