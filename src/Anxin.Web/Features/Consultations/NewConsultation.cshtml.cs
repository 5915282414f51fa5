using System.Globalization;
using Anxin.Domain.Administration;
using Anxin.Domain.Clocks;
using Anxin.Domain.Consultations;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Consultations;

/// <summary>
/// The agent takes a consultation during the call (CC-06), keyboard first: caller, question, and
/// either the answer given at once or a promised reply time (default one working day).
/// </summary>
[HasPermission(Permissions.Consultations.Manage)]
public sealed class NewConsultationModel(RegisterConsultationHandler register, IStringLocalizer<ServiceText> serviceText,
    IStringLocalizer<SharedResource> sharedText) : PageModel
{
    private const string LocalFormat = "yyyy-MM-ddTHH:mm";

    [BindProperty]
    public ConsultationInput Input { get; set; } = new();

    /// <summary>The default promise, shown as a hint (China time).</summary>
    public string? DefaultReplyBy { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadDefaultAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var localizer = new ServiceLocalizer(serviceText, sharedText);
        DateTimeOffset? promised = null;
        if (!string.IsNullOrWhiteSpace(Input.PromisedReplyAt) && string.IsNullOrWhiteSpace(Input.Answer))
        {
            if (DateTime.TryParseExact(Input.PromisedReplyAt.Trim(), [LocalFormat, LocalFormat + ":ss"], CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var local))
            {
                promised = new DateTimeOffset(local, WorkingCalendar.ChinaTime.GetUtcOffset(local));
            }
            else
            {
                ModelState.AddModelError("Input.PromisedReplyAt", localizer["Consultation.PromiseFormat"]);
                await LoadDefaultAsync(ct);
                return Page();
            }
        }

        var result = await register.HandleAsync(new RegisterConsultationRequest(Input.CallerName, Input.CallerMobile, Input.Category, Input.Question,
            Input.Answer, promised, CustomerNumber: Input.CustomerNumber), ct);
        if (result.IsOk)
        {
            return Redirect($"/consultations/{result.Value!.Id}?saved=true");
        }

        result.AddTo(ModelState, localizer);
        await LoadDefaultAsync(ct);
        return Page();
    }

    private async Task LoadDefaultAsync(CancellationToken ct)
    {
        if (await register.DefaultReplyForMeAsync(ct) is { } by)
        {
            var local = TimeZoneInfo.ConvertTime(by, WorkingCalendar.ChinaTime);
            DefaultReplyBy = local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            Input.PromisedReplyAt ??= local.ToString(LocalFormat, CultureInfo.InvariantCulture);
        }
    }

    public sealed class ConsultationInput
    {
        public string? CallerName { get; set; }

        public string? CallerMobile { get; set; }

        public ConsultationCategory? Category { get; set; } = ConsultationCategory.Product;

        public string? Question { get; set; }

        public string? Answer { get; set; }

        /// <summary>China time, as the datetime-local input sends it.</summary>
        public string? PromisedReplyAt { get; set; }

        public string? CustomerNumber { get; set; }
    }
}
