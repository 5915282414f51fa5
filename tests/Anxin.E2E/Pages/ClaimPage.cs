using System.Globalization;
using System.Resources;
using Anxin.E2E.Infrastructure;

namespace Anxin.E2E.Pages;

/// <summary>The claim strings (Resources/ClaimText*.resx) in one UI culture.</summary>
public sealed class ClaimText(string culture)
{
    private static readonly ResourceManager Resources = new("Anxin.Web.Resources.ClaimText", typeof(Program).Assembly);

    public static readonly ClaimText ZhCn = new("zh-CN");

    public string this[string key] =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(culture)) ?? throw new KeyNotFoundException($"No text '{key}' in ClaimText ({culture}).");
}

/// <summary>/claims/{id}: the claim page's sections and their buttons, found by their visible names.</summary>
public sealed class ClaimPage(IPage page, ClaimText? text = null)
{
    private readonly ClaimText _text = text ?? ClaimText.ZhCn;

    public ILocator Number => page.GetByTestId("claim-number");

    public ILocator Status => page.GetByTestId("claim-status");

    public ILocator ArchiveNumber => page.GetByTestId("archive-number");

    public ILocator Message => page.GetByTestId("message");

    public ILocator Errors => page.GetByTestId("form-error");

    public ILocator Timeline => page.GetByTestId("timeline");

    public ILocator DueDates => page.GetByTestId("due-dates");

    public ILocator Approvals => page.GetByTestId("approvals");

    public ILocator PayableSteps => page.GetByTestId("payable-steps").First;

    public string StatusText(string status) => _text["Claim.Status." + status];

    public Task OpenButtonAsync() => Button("Claim.Open").ClickAsync();

    public Task SendNoticeAsync() => Button("Claim.SendNotice").ClickAsync();

    /// <summary>Ticks every missing document and registers them as received.</summary>
    public async Task RegisterAllMissingAsync()
    {
        foreach (var box in await page.Locator("input[name='codes']").AllAsync())
        {
            await box.CheckAsync();
        }

        await Button("Claim.RegisterReceivedButton").ClickAsync();
    }

    public Task AssessAsync(string coverage, decimal loss) =>
        page.GetByTestId("assessed-" + coverage).FillAsync(loss.ToString(CultureInfo.InvariantCulture));

    public Task ComputeAsync() => Button("Claim.Compute").ClickAsync();

    public Task AcceptAsync() => Button("Claim.Accept").ClickAsync();

    public async Task ApproveAsync(string note)
    {
        await page.GetByLabel(_text["Claim.DecisionNote"], new() { Exact = true }).FillAsync(note);
        await Button("Claim.Approve").ClickAsync();
    }

    public Task RecordAgreementAsync() => Button("Claim.RecordAgreement").ClickAsync();

    public async Task PayAsync(string payee, string bankCard)
    {
        await page.GetByLabel(_text["Claim.Payee"], new() { Exact = true }).FillAsync(payee);
        await page.GetByLabel(_text["Claim.BankCard"], new() { Exact = true }).FillAsync(bankCard);
        await Button("Claim.Pay").ClickAsync();
    }

    public Task CloseAsync() => Button("Claim.Close").ClickAsync();

    public ILocator TimelineEntry(string type) => Timeline.Locator($"[data-timeline-type='{type}']");

    private ILocator Button(string key) => page.GetByRole(AriaRole.Button, new() { Name = _text[key], Exact = true });
}
