using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Dispatch;

/// <summary>The commissioning insurers' dispatch rules: one insurer edited at a time.</summary>
[HasPermission(Permissions.Dispatch.ManageRules)]
public sealed class DispatchRulesModel(ListDispatchRulesHandler list, ChangeDispatchRuleHandler change, AnxinDbContext db,
    IStringLocalizer<DispatchText> dispatchText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Insurer { get; set; }

    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public IReadOnlyList<DispatchRuleView> Rules { get; private set; } = [];

    public DispatchRuleView? Selected { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Surveyors { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Selected is not null)
        {
            Input = RuleInput.From(Selected);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Insurer is not { } insurerId)
        {
            return NotFound();
        }

        var skills = Enum.GetValues<ProductLine>().ToDictionary(l => l,
            l => (IReadOnlyList<SurveyorSkills>)[.. (Request.Form["Skills." + l].ToArray()).Select(v => Enum.TryParse<SurveyorSkills>(v, out var s) ? s : SurveyorSkills.None)]);
        var result = await change.HandleAsync(insurerId, new ChangeDispatchRuleRequest(Number(Input.MaxDistanceKm), Whole(Input.ArrivalLimitMinutes),
            skills, Input.Preferred, Input.Excluded, Input.Version), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        var text = new DispatchLocalizer(dispatchText, sharedText);
        foreach (var error in result.Errors)
        {
            // The form's names for the request's fields; skill errors show at the top.
            var key = error.Field switch
            {
                "PreferredStaffIds" => "Input.Preferred",
                "ExcludedStaffIds" => "Input.Excluded",
                "RequiredSkills" or "" => string.Empty,
                var field => "Input." + field,
            };
            ModelState.AddModelError(key, ResultMapping.Message(text, error));
        }

        if (result.Status == ResultStatus.Conflict)
        {
            ModelState.AddModelError(string.Empty, text[result.Code ?? "Error.Concurrency"]);
        }

        await LoadAsync(ct);
        if (result.IsOk && Selected is not null)
        {
            Input = RuleInput.From(Selected);
            Message = sharedText["Common.Saved"];
        }

        return Page();
    }

    private static double? Number(string? text) => string.IsNullOrWhiteSpace(text)
        ? null
        : double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    private static int? Whole(string? text) => string.IsNullOrWhiteSpace(text)
        ? null
        : int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1;

    private async Task LoadAsync(CancellationToken ct)
    {
        Rules = await list.HandleAsync(ct);
        Selected = Rules.FirstOrDefault(r => r.InsurerId == Insurer);
        Surveyors = (await (from p in db.SurveyorProfiles.AsNoTracking()
                            join s in db.Staff.AsNoTracking() on p.StaffId equals s.Id
                            orderby s.Name
                            select new { s.Id, s.Name, s.WorkNumber }).Take(500).ToListAsync(ct))
            .Select(s => (s.Id, $"{s.Name} ({s.WorkNumber})")).ToList();
    }

    public sealed class RuleInput
    {
        public string? MaxDistanceKm { get; set; }

        public string? ArrivalLimitMinutes { get; set; }

        public List<Guid> Preferred { get; set; } = [];

        public List<Guid> Excluded { get; set; } = [];

        public long? Version { get; set; }

        public static RuleInput From(DispatchRuleView r) => new()
        {
            MaxDistanceKm = r.MaxDistanceKm?.ToString(CultureInfo.InvariantCulture),
            ArrivalLimitMinutes = r.ArrivalLimitMinutes?.ToString(CultureInfo.InvariantCulture),
            Preferred = [.. r.PreferredStaffIds],
            Excluded = [.. r.ExcludedStaffIds],
            Version = r.Version,
        };
    }
}
