using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Claims;

/// <summary>/claims/reviews/{id}: one beneficiary check — reveal the number for the call, record the answers or a call not answered.</summary>
[HasPermission(Permissions.Claims.Callback)]
public sealed class BeneficiaryCheckPageModel(GetBeneficiaryCheckHandler get, AnswerBeneficiaryCheckHandler answer, RevealBeneficiaryMobileHandler reveal,
    IStringLocalizer<ClaimText> claimText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    public BeneficiaryCheckItem Check { get; private set; } = null!;

    public string? RevealedMobile { get; private set; }

    [TempData]
    public string? Message { get; set; }

    private ClaimLocalizer Text => new(claimText, sharedText);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, bool? repairDone, bool? askedToPay, decimal? amountAskedFor, string? notes, long? version,
        CancellationToken ct) =>
        await AfterAsync(id, await answer.AnswerAsync(id, new AnswerBeneficiaryCheckRequest(repairDone, askedToPay, amountAskedFor, notes, version), ct), ct);

    public async Task<IActionResult> OnPostNoAnswerAsync(Guid id, string? notes, long? version, CancellationToken ct) =>
        await AfterAsync(id, await answer.NoAnswerAsync(id, new NoAnswerRequest(notes, version), ct), ct);

    public async Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken ct)
    {
        var result = await reveal.HandleAsync(id, ct);
        if (!result.IsOk)
        {
            return NotFound();
        }

        RevealedMobile = result.Value!.Mobile;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> AfterAsync(Guid id, Result<BeneficiaryCheckItem> result, CancellationToken ct)
    {
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.IsOk)
        {
            Message = Text[result.Value!.ProblemFound ? "Review.SavedProblem" : "Common.Saved"];
            return Redirect($"/claims/reviews/{id}");
        }

        ModelState.Clear();
        result.AddTo(ModelState, Text, string.Empty);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } check)
        {
            return false;
        }

        Check = check;
        return true;
    }
}
