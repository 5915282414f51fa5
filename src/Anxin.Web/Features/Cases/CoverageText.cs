using Anxin.Domain.Policies;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Cases;

/// <summary>A coverage reason as the agent reads it: its code, its argument and the localized sentence.</summary>
public sealed record CoverageReasonText(string Code, string? Argument, string Text);

/// <summary>Localizes coverage outcomes and reasons (CaseText Coverage.*); a peril argument is named in the reader's language.</summary>
public static class CoverageText
{
    public static string Outcome(IStringLocalizer text, CoverageOutcome outcome) => text["Coverage.Outcome." + outcome];

    public static string Reason(IStringLocalizer text, CoverageReason reason)
    {
        if (reason.Argument is null)
        {
            return text[reason.Code];
        }

        var argument = reason.Code == "Coverage.PerilNotCovered" && Enum.TryParse<Peril>(reason.Argument, out var peril)
            ? text["Peril." + peril].Value
            : reason.Argument;
        return text[reason.Code, argument];
    }

    public static IReadOnlyList<CoverageReasonText> Reasons(IStringLocalizer text, IEnumerable<CoverageReason> reasons) =>
        [.. reasons.Select(r => new CoverageReasonText(r.Code, r.Argument, Reason(text, r)))];

    /// <summary>The Bootstrap colour of an outcome badge.</summary>
    public static string Tone(CoverageOutcome? outcome) => outcome switch
    {
        CoverageOutcome.Covered => "success",
        CoverageOutcome.PolicyNotFound => "secondary",
        null => "light",
        _ => "warning",
    };
}
