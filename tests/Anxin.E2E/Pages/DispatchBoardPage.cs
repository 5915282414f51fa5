using Anxin.E2E.Infrastructure;

namespace Anxin.E2E.Pages;

/// <summary>/dispatch: cases waiting for a surveyor (live), cases in progress, surveyors by presence and load.</summary>
public sealed class DispatchBoardPage(IPage page, string culture = "zh-CN")
{
    private readonly UiText _text = new(culture, "DispatchText");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = _text["Board.Title"] });

    public ILocator WaitingCases => page.GetByTestId("waiting-cases");

    public ILocator ActiveCases => page.GetByTestId("active-cases");

    public ILocator Surveyors => page.GetByTestId("board-surveyors");

    /// <summary>The confirmation line after an assignment ("案件 BA… 已派工。").</summary>
    public ILocator Dispatched => page.GetByTestId("dispatched");

    public ILocator WaitingCase(string number) => WaitingCases.Locator($"tr[data-number='{number}']");

    public ILocator Surveyor(string name) => Surveyors.Locator($"tr[data-name='{name}']");

    public async Task<DispatchBoardPage> OpenAsync()
    {
        await page.GotoAsync("/dispatch");
        return this;
    }

    /// <summary>Opens a waiting case's dispatch page by following its number.</summary>
    public async Task<CaseDispatchPage> OpenCaseAsync(string number)
    {
        await WaitingCase(number).GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        return new CaseDispatchPage(page, culture);
    }
}

/// <summary>/dispatch/cases/{id}: the ranked recommendation with reasons; Enter assigns the top candidate.</summary>
public sealed class CaseDispatchPage(IPage page, string culture = "zh-CN")
{
    private readonly UiText _text = new(culture, "DispatchText");

    public ILocator Recommendations => page.GetByTestId("recommendations");

    public ILocator TopCandidate => Recommendations.Locator("tr[data-rank='1']");

    public ILocator Candidate(string name) => Recommendations.Locator($"tr[data-name='{name}']");

    public ILocator Reasons(ILocator candidate) => candidate.Locator("[data-reason]");

    public ILocator AssignTopButton => page.GetByRole(AriaRole.Button, new() { Name = _text["CaseDispatch.AssignTop"], Exact = true });

    public ILocator ReassignReason => page.GetByLabel(_text["CaseDispatch.ReassignReason"], new() { Exact = true });

    public ILocator Excluded => page.GetByTestId("excluded");

    public ILocator History => page.GetByTestId("assignment-history");

    /// <summary>The keyboard way: the top candidate's button has the focus, Enter assigns.</summary>
    public async Task AssignTopWithEnterAsync()
    {
        await Assertions.Expect(AssignTopButton).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
    }
}
