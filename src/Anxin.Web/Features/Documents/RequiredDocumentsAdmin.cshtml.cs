using Anxin.Domain.Administration;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Documents;

/// <summary>The required-documents lists (CC-09): pick an insurer and a line, edit the Chinese and English items, one per line.</summary>
[HasPermission(Permissions.Cases.Manage)]
public sealed class RequiredDocumentsAdminModel(RequiredDocumentListsHandler lists, Anxin.Data.AnxinDbContext db, CurrentUser me,
    IStringLocalizer<PolicyText> policyText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Insurer { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProductLine Line { get; set; } = ProductLine.Motor;

    [BindProperty]
    public DocumentsInput Input { get; set; } = new();

    public RequiredDocumentListDto? Current { get; private set; }

    public IReadOnlyList<RequiredDocumentListDto> All { get; private set; } = [];

    public IReadOnlyList<InsurerRef> Insurers { get; private set; } = [];

    public bool OneInsurer => me.InsurerScope is not null;

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Current is null)
        {
            return NotFound();
        }

        Input = new DocumentsInput
        {
            Items = string.Join('\n', Current.Items),
            ItemsEn = string.Join('\n', Current.ItemsEn),
            Version = Current.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await lists.SaveAsync(Insurer, Line.ToString(), new SaveRequiredDocumentsRequest(Lines(Input.Items), Lines(Input.ItemsEn), Input.Version), ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        var text = new PolicyLocalizer(policyText, sharedText);
        result.AddTo(ModelState, text);
        await LoadAsync(ct);
        if (result.IsOk)
        {
            Input.Version = result.Value!.Version;
            Message = text["Common.Saved"];
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Insurers = (await InsurerDirectory.LoadAsync(db, ct)).All.Where(i => me.InsurerScope is null || i.Id == me.InsurerScope).ToList();
        Insurer ??= Insurers.Count == 1 && OneInsurer ? Insurers[0].Code : InsurerDirectory.Own;
        Current = await lists.GetAsync(Insurer, Line.ToString(), ct);
        All = await lists.ListAsync(ct);
    }

    private static string?[] Lines(string? text) => (text ?? string.Empty).Split('\n');

    public sealed class DocumentsInput
    {
        public string? Items { get; set; }

        public string? ItemsEn { get; set; }

        public long? Version { get; set; }
    }
}
