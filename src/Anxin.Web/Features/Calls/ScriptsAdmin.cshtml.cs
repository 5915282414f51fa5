using Anxin.Domain.Administration;
using Anxin.Domain.Calls;
using Anxin.Web.Features.Organisation;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Calls;

/// <summary>Scripts and forbidden phrases per organisation node, with what each node inherits (CC-02).</summary>
[HasPermission(Permissions.Calls.ManageScripts)]
public sealed class ScriptsAdminModel(GetScriptSettingsHandler get, SaveCallScriptHandler saveScript, SaveForbiddenPhrasesHandler savePhrases,
    GetOrgTreeHandler tree, CurrentUser me, IStringLocalizer<CallText> callText, IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Node { get; set; }

    [BindProperty]
    public ScriptStep? Step { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Phrases { get; set; }

    [BindProperty]
    public long? Version { get; set; }

    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    public ScriptSettings? Settings { get; private set; }

    public bool Saved { get; private set; }

    /// <summary>The step whose form failed, to show the user's input and errors there.</summary>
    public ScriptStep? FailedStep { get; private set; }

    public bool PhrasesFailed { get; private set; }

    /// <summary>The messages of the failed form (field and form-level).</summary>
    public IEnumerable<string> Errors => ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScriptAsync(bool inherit, CancellationToken ct)
    {
        // Blank means "inherit" only through the dedicated button: an empty box is a mistake.
        var result = !inherit && string.IsNullOrWhiteSpace(Text)
            ? Result<ScriptSettings>.Invalid(nameof(Text), Domain.Common.ValidationCodes.Required)
            : await saveScript.HandleAsync(new SaveCallScriptRequest(Node, Step, inherit ? null : Text, Version), ct);

        return await AfterAsync(result, () => FailedStep = Step, ct);
    }

    public async Task<IActionResult> OnPostPhrasesAsync(bool inherit, CancellationToken ct)
    {
        var result = await savePhrases.HandleAsync(new SaveForbiddenPhrasesRequest(Node, Phrases, inherit, Version), ct);
        return await AfterAsync(result, () => PhrasesFailed = true, ct);
    }

    private async Task<IActionResult> AfterAsync(Result<ScriptSettings> result, Action failed, CancellationToken ct)
    {
        ModelState.Clear();
        if (result.IsOk)
        {
            return Redirect($"/admin/scripts?node={Node}&saved=true");
        }

        failed();
        result.AddTo(ModelState, new CallLocalizer(callText, sharedText), "Form");
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Saved = Request.Query["saved"] == "true";
        Nodes = await tree.HandleAsync(ct);
        Node ??= Nodes.FirstOrDefault(n => n.Id == me.OrgNodeId)?.Id ?? Nodes.FirstOrDefault()?.Id;
        if (Node is not { } node)
        {
            return true;
        }

        Settings = await get.HandleAsync(node, ct);
        return Settings is not null;
    }
}
