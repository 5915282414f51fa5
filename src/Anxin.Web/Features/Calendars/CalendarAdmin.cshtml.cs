using Anxin.Domain.Administration;
using Anxin.Domain.Clocks;
using Anxin.Web.Features.Organisation;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Calendars;

/// <summary>/admin/calendar: a node's working hours and the holidays / make-up days of a year (empty node: the global days).</summary>
[HasPermission(Permissions.Calendars.Manage)]
public sealed class CalendarAdminModel(GetOrgTreeHandler tree, GetCalendarHandler get, SetWorkingHoursHandler setHours,
    AddCalendarDayHandler addDay, RemoveCalendarDayHandler removeDay, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Node { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; } = 2026;

    [BindProperty]
    public string? Hours { get; set; }

    [BindProperty]
    public DayInput Day { get; set; } = new();

    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    public CalendarDto Calendar { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostHoursAsync(CancellationToken ct)
    {
        var result = await setHours.HandleAsync(Node ?? Guid.Empty, new SetWorkingHoursRequest(Hours), ct);
        result.AddTo(ModelState, text, prefix: string.Empty);
        return result.IsOk ? Redirect(Url()) : await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddDayAsync(CancellationToken ct)
    {
        var result = await addDay.HandleAsync(Node ?? Guid.Empty, new AddCalendarDayRequest(Day.Date, Day.Kind, Day.Name), ct);
        result.AddTo(ModelState, text, prefix: nameof(Day));
        return result.IsOk ? Redirect(Url()) : await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveDayAsync(DateOnly date, CancellationToken ct)
    {
        var result = await removeDay.HandleAsync(Node ?? Guid.Empty, date, ct);
        result.AddTo(ModelState, text, prefix: string.Empty);
        return result.IsOk ? Redirect(Url()) : await LoadAsync(ct) ? Page() : NotFound();
    }

    private new string Url() => $"/admin/calendar?Node={Node}&Year={Year}";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Nodes = await tree.HandleAsync(ct);
        var result = await get.HandleAsync(Node ?? Guid.Empty, Year, ct);
        if (!result.IsOk)
        {
            return false;
        }

        Calendar = result.Value!;
        Hours ??= Calendar.Hours;
        return true;
    }

    public sealed class DayInput
    {
        public DateOnly? Date { get; set; }

        public DayKind? Kind { get; set; } = DayKind.Holiday;

        public string? Name { get; set; }
    }
}
