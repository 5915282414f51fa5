using Anxin.Domain.Dispatch;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Dispatch;

public static class SurveyorColumns
{
    /// <param name="t">Dispatch strings, then shared ones (<see cref="DispatchLocalizer"/>).</param>
    public static ListColumns<SurveyorListItem> For(IStringLocalizer t) => new(
        new("workNumber", "Surveyor.WorkNumber", s => s.WorkNumber),
        new("name", "Surveyor.Name", s => s.Name),
        new("orgNode", "Surveyor.OrgNode", s => s.OrgNodeName),
        new("skills", "Surveyor.Skills", s => string.Join(" ", s.Skills.Select(k => t["Skill." + k]))),
        new("presence", "Surveyor.Presence", s => s.Presence is { } p ? t["Presence." + p] : t["Surveyor.NoProfile"]),
        new("load", "Surveyor.Load", s => s.HasProfile ? $"{s.ActiveLoad}/{s.LoadCap}" : string.Empty),
        new("insurers", "Surveyor.Insurers", s => s.HasProfile ? (s.Insurers.Count == 0 ? t["Surveyor.AllInsurers"] : string.Join(" ", s.Insurers)) : string.Empty),
        new("positionAt", "Surveyor.PositionAt", s => s.PositionAt?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>Exports the filtered surveyor list as CSV or XLSX with the chosen columns. No personal data leaves.</summary>
public sealed class ExportSurveyorsHandler(ListSurveyorsHandler list, TimeProvider time,
    IStringLocalizer<DispatchText> dispatchText, IStringLocalizer<SharedResource> sharedText)
{
    public Result<TabularExportResult<SurveyorListItem>> Handle(SurveyorFilter filter, string? format, string? columns)
    {
        var parsed = TabularExport.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return Result<TabularExportResult<SurveyorListItem>>.Fail(parsed);
        }

        var t = new DispatchLocalizer(dispatchText, sharedText);
        var chosen = SurveyorColumns.For(t).Choose(columns);
        return chosen.IsOk
            ? Result<TabularExportResult<SurveyorListItem>>.Ok(TabularExport.File("surveyors", parsed.Value, chosen.Value!, t, list.StreamAsync(filter), time))
            : Result<TabularExportResult<SurveyorListItem>>.Fail(chosen);
    }
}
