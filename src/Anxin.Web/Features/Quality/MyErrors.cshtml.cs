using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Quality;

/// <summary>The signed-in agent's registration errors (CC-08), open ones first, each with a correction form.</summary>
public sealed class MyErrorsModel(ListRegistrationErrorsHandler list, CorrectRegistrationErrorHandler correct, IStringLocalizer<ServiceText> serviceText,
    IStringLocalizer<SharedResource> sharedText) : PageModel
{
    public IReadOnlyList<RegistrationErrorView> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Message = done == "Correct" ? new ServiceLocalizer(serviceText, sharedText)["RegistrationError.Done.Correct"].Value : null;
        Errors = await list.MineAsync(null, ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync(Guid errorId, string? note, long? version, CancellationToken ct)
    {
        var result = await correct.HandleAsync(errorId, new CorrectRegistrationErrorRequest(note, version), ct);
        if (result.IsOk)
        {
            return Redirect("/my/errors?done=Correct");
        }

        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Status is ResultStatus.Forbidden)
        {
            return Forbid();
        }

        var text = new ServiceLocalizer(serviceText, sharedText);
        ModelState.Clear();
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, ResultMapping.Message(text, error));
        }

        if (result.Errors.Count == 0)
        {
            ModelState.AddModelError(string.Empty, text[result.Code ?? "Error.Concurrency"]);
        }

        Errors = await list.MineAsync(null, ct);
        return Page();
    }
}
