using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Dispatch;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Dispatch;

[HasPermission(Permissions.Dispatch.ManageSurveyors)]
public sealed class SurveyorEditModel(GetSurveyorHandler get, ChangeSurveyorProfileHandler change, AnxinDbContext db,
    IStringLocalizer<DispatchText> dispatchText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public SurveyorDetail Surveyor { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Code, string Name)> Insurers { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid staffId, CancellationToken ct)
    {
        if (!await LoadAsync(staffId, ct))
        {
            return NotFound();
        }

        Input = ProfileInput.From(Surveyor);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid staffId, CancellationToken ct)
    {
        var result = await change.HandleAsync(staffId, new ChangeSurveyorProfileRequest(Input.Skills, Number(Input.BaseLatitude),
            Number(Input.BaseLongitude), int.TryParse(Input.LoadCap, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cap) ? cap : 0,
            Input.InsurerIds, Input.Version), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        result.AddTo(ModelState, new DispatchLocalizer(dispatchText, sharedText));
        if (!await LoadAsync(staffId, ct))
        {
            return NotFound();
        }

        if (result.IsOk)
        {
            Input = ProfileInput.From(Surveyor);
            Message = sharedText["Common.Saved"];
        }

        return Page();
    }

    /// <summary>Blank is "missing"; text that is not a number is out of range (the page keeps what was typed).</summary>
    private static double? Number(string? text) => string.IsNullOrWhiteSpace(text)
        ? null
        : double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    private async Task<bool> LoadAsync(Guid staffId, CancellationToken ct)
    {
        if (await get.HandleAsync(staffId, ct) is not { } surveyor)
        {
            return false;
        }

        Surveyor = surveyor;
        Insurers = (await db.Insurers.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.Code).Select(i => new { i.Id, i.Code, i.Name }).ToListAsync(ct))
            .Select(i => (i.Id, i.Code, i.Name)).ToList();
        return true;
    }

    public sealed class ProfileInput
    {
        public List<SurveyorSkills> Skills { get; set; } = [];

        public string? BaseLatitude { get; set; }

        public string? BaseLongitude { get; set; }

        public string? LoadCap { get; set; }

        public List<Guid> InsurerIds { get; set; } = [];

        public long? Version { get; set; }

        public static ProfileInput From(SurveyorDetail s) => new()
        {
            Skills = [.. s.Skills],
            BaseLatitude = s.BaseLatitude?.ToString(CultureInfo.InvariantCulture),
            BaseLongitude = s.BaseLongitude?.ToString(CultureInfo.InvariantCulture),
            LoadCap = s.LoadCap.ToString(CultureInfo.InvariantCulture),
            InsurerIds = [.. s.InsurerIds],
            Version = s.Version,
        };
    }
}
