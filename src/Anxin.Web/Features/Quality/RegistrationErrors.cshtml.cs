using Anxin.Domain.Administration;
using Anxin.Domain.Quality;
using Anxin.Web.Features.Shared;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Quality;

/// <summary>QA's registration-error register (CC-08): filters, paging, export; record an error for a case or consultation number; confirm corrections.</summary>
[HasPermission(Permissions.Quality.ViewErrors)]
public sealed class RegistrationErrorsModel(ListRegistrationErrorsHandler list, RecordRegistrationErrorHandler record, ConfirmRegistrationErrorHandler confirm,
    CurrentUser me, IStringLocalizer<ServiceText> serviceText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public RecordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public RegistrationErrorStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public RegistrationErrorCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Agent { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public RegistrationErrorPage Result { get; private set; } = new([], null, 0);

    public PagerModel Pager { get; private set; } = null!;

    public string? Message { get; private set; }

    public bool CanRecord => me.Has(Permissions.Quality.RecordErrors);

    private ServiceLocalizer Text => new(serviceText, sharedText);

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Message = done is "Record" or "Confirm" ? Text["RegistrationError.Done." + done].Value : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        if (!CanRecord)
        {
            return Forbid();
        }

        var result = await record.HandleAsync(new RecordRegistrationErrorRequest(Input.SubjectNumber, Input.Category, Input.Description,
            null, Input.ResponsibleWorkNumber), ct);
        if (result.IsOk)
        {
            return Redirect("/quality/errors?done=Record");
        }

        ModelState.Clear();
        result.AddTo(ModelState, Text);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid errorId, long? version, CancellationToken ct)
    {
        if (!CanRecord)
        {
            return Forbid();
        }

        var result = await confirm.HandleAsync(errorId, new ConfirmRegistrationErrorRequest(version), ct);
        if (result.IsOk)
        {
            return Redirect("/quality/errors?done=Confirm");
        }

        ModelState.Clear();
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, ResultMapping.Message(Text, error));
        }

        if (result.Errors.Count == 0)
        {
            ModelState.AddModelError(string.Empty, Text[result.Code ?? "Error.Concurrency"]);
        }

        await LoadAsync(ct);
        return Page();
    }

    public string LinkTo(string? after, string path = "/quality/errors", string? format = null)
    {
        var q = new Dictionary<string, string?>
        {
            ["status"] = Status?.ToString(),
            ["category"] = Category?.ToString(),
            ["agent"] = Agent,
            ["month"] = Month,
            ["q"] = Q,
            ["after"] = after,
            ["format"] = format,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, q.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var filter = new RegistrationErrorFilter(Status, Category, Agent, Month, Q);
        var result = await list.HandleAsync(filter, After, null, ct);
        if (!result.IsOk)
        {
            result = await list.HandleAsync(filter with { Month = null }, null, null, ct);
        }

        Result = result.Value!;
        Pager = new PagerModel(Result.Total, After is not null, LinkTo(null), Result.NextCursor is { } next ? LinkTo(next) : null);
    }

    public sealed class RecordInput
    {
        public string? SubjectNumber { get; set; }

        public RegistrationErrorCategory? Category { get; set; }

        public string? ResponsibleWorkNumber { get; set; }

        public Guid? ResponsibleStaffId { get; set; }

        public string? Description { get; set; }
    }
}
