namespace Anxin.E2E.Pages;

/// <summary>
/// 登记保单 at /policies/new: fields by their names (Input.Number …), coverage rows by
/// [data-coverage-row] with fields Input.Coverages[i].Code / .SumInsured / .Deductible.
/// </summary>
public sealed class NewPolicyPage(IPage page)
{
    public ILocator Rows => page.Locator("[data-coverage-row]");

    public ILocator Field(string name) => page.Locator($"[name='{name}']");

    public ILocator CoverageCode(int row) => Field($"Input.Coverages[{row}].Code");

    public ILocator SumInsured(int row) => Field($"Input.Coverages[{row}].SumInsured");

    public ILocator RemoveButton(int row) => Rows.Nth(row).Locator("[data-remove-coverage]");

    public async Task FillMotorAsync(string number, string plate, string start, string end)
    {
        await Field("Input.InsurerCode").SelectOptionAsync("PICC");
        await Field("Input.Number").FillAsync(number);
        await Field("Input.Line").SelectOptionAsync("Motor");
        await Field("Input.HolderName").FillAsync("键盘投保人");
        await Field("Input.InsuredName").FillAsync("键盘投保人");
        await Field("Input.StartsAt").FillAsync(start);
        await Field("Input.EndsAt").FillAsync(end);
        await Field("Input.Premium").FillAsync("2980.00");
        await Field("Input.Plate").FillAsync(plate);
    }
}
