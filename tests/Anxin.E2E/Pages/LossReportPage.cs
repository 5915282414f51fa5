using Anxin.E2E.Infrastructure;

namespace Anxin.E2E.Pages;

/// <summary>/cases/new: the loss-report intake form and its live policy lookup, found by their labels.</summary>
public sealed class LossReportPage(IPage page, string culture = "zh-CN")
{
    private readonly UiText _text = new(culture, "CaseText");

    public ILocator Insurer => Field("Case.Insurer");

    public ILocator PolicyNumber => Field("Case.PolicyNumber");

    public ILocator Plate => Field("Case.Plate");

    public ILocator Line => Field("Case.Line");

    public ILocator ReporterName => Field("Case.ReporterName");

    public ILocator ReporterMobile => Field("Case.ReporterMobile");

    public ILocator LossAt => Field("Case.LossAt");

    public ILocator LossPlace => Field("Case.LossPlace");

    public ILocator Cause => Field("Case.Cause");

    public ILocator Description => Field("Case.Description");

    /// <summary>The live policy lookup beside the form.</summary>
    public ILocator Lookup => page.GetByTestId("coverage-preview");

    public ILocator ErrorOf(string field) => page.Locator($"[data-valmsg-for='Input.{field}']");

    private ILocator Field(string key) => page.GetByLabel(_text[key], new() { Exact = true });
}

/// <summary>/cases/{id}/reported and /cases/{id}: the case number, the coverage result and the timeline.</summary>
public sealed class CasePage(IPage page)
{
    public ILocator Number => page.GetByTestId("case-number");

    public ILocator Coverage => page.GetByTestId("coverage-result");

    public ILocator Documents => page.GetByTestId("required-documents");

    public ILocator Timeline => page.GetByTestId("timeline");

    public ILocator TimelineEntry(string type) => page.Locator($"[data-testid=timeline] [data-timeline-type='{type}']");
}
