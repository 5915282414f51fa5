using System.Globalization;
using Anxin.Domain.Dispatch;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Dispatch;

/// <summary>A ranking reason in words ("ETA 12 min (8.1 km)") and in figures.</summary>
public sealed record ReasonView(RankingReasonCode Code, string Text, double? Value, double? Value2, IReadOnlyList<SurveyorSkills> Skills);

public static class RankingReasonText
{
    public static ReasonView Describe(RankingReason reason, IStringLocalizer text)
    {
        var skills = reason.Skill.Split().ToList();
        var skillNames = string.Join("、", skills.Select(s => text["Skill." + s].Value));
        var key = "Reason." + reason.Code;
        var words = reason.Code switch
        {
            RankingReasonCode.Eta => text[key, Whole(reason.Value), Km(reason.Value2)],
            RankingReasonCode.Load or RankingReasonCode.AtCapacity => text[key, Whole(reason.Value), Whole(reason.Value2)],
            RankingReasonCode.SkillMatched or RankingReasonCode.SkillMissing => text[key, skillNames],
            RankingReasonCode.OnBreak or RankingReasonCode.Preferred => text[key, Whole(Math.Abs(reason.Value ?? 0))],
            RankingReasonCode.EtaOverArrivalLimit => text[key, Whole(reason.Value), Whole(reason.Value2)],
            RankingReasonCode.TooFar => text[key, Km(reason.Value), Km(reason.Value2)],
            _ => text[key],
        };
        return new ReasonView(reason.Code, words.Value, reason.Value, reason.Value2, skills);
    }

    public static IReadOnlyList<ReasonView> Describe(IEnumerable<RankingReason> reasons, IStringLocalizer text) =>
        [.. reasons.Select(r => Describe(r, text))];

    private static string Whole(double? value) => value is { } v ? Math.Round(v).ToString("0", CultureInfo.InvariantCulture) : "?";

    private static string Km(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "?";
}
