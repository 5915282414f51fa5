using Anxin.E2E.Infrastructure;

namespace Anxin.E2E.Pages;

/// <summary>/m/tasks: the surveyor's phone page — one card per task with one big button for the next step.</summary>
public sealed class SurveyorTasksPage(IPage page, string culture = "zh-CN")
{
    private readonly UiText _text = new(culture, "DispatchText");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = _text["Field.Title"] });

    public ILocator Message => page.GetByTestId("field-message");

    public ILocator Presence => page.GetByTestId("my-presence");

    public ILocator Task(string caseNumber) => page.Locator($"[data-testid=task][data-case-number='{caseNumber}']");

    public ILocator State(string caseNumber) => Task(caseNumber).GetByTestId("task-state");

    public ILocator CallLink(string caseNumber) => Task(caseNumber).GetByTestId("call");

    public ILocator AcknowledgeButton(string caseNumber) => Button(caseNumber, "Field.Acknowledge");

    public ILocator ArrivedButton(string caseNumber) => Button(caseNumber, "Field.Arrived");

    public ILocator LossAmount(string caseNumber) => Task(caseNumber).GetByLabel(_text["Field.LossAmount"], new() { Exact = true });

    public ILocator Notes(string caseNumber) => Task(caseNumber).GetByLabel(_text["Field.Notes"], new() { Exact = true });

    public ILocator Photos(string caseNumber) => Task(caseNumber).GetByLabel(_text["Field.Photos"], new() { Exact = true });

    public ILocator SubmitButton(string caseNumber) => Button(caseNumber, "Field.Submit");

    public ILocator Assessed(string caseNumber) => Task(caseNumber).GetByTestId("assessed");

    public async Task<SurveyorTasksPage> OpenAsync()
    {
        await page.GotoAsync("/m/tasks");
        return this;
    }

    public async Task AcknowledgeAsync(string caseNumber) => await AcknowledgeButton(caseNumber).ClickAsync();

    public async Task ArriveAsync(string caseNumber) => await ArrivedButton(caseNumber).ClickAsync();

    public async Task AssessAsync(string caseNumber, string amount, string notes, params FilePayload[] photos)
    {
        await LossAmount(caseNumber).FillAsync(amount);
        await Notes(caseNumber).FillAsync(notes);
        if (photos.Length > 0)
        {
            await Photos(caseNumber).SetInputFilesAsync(photos);
        }

        await SubmitButton(caseNumber).ClickAsync();
    }

    /// <summary>Whether the page is wider than the viewport (a phone would scroll sideways).</summary>
    public Task<bool> OverflowsHorizontallyAsync() =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    private ILocator Button(string caseNumber, string key) =>
        Task(caseNumber).GetByRole(AriaRole.Button, new() { Name = _text[key], Exact = true });
}
