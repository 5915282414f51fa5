using Anxin.Domain.Administration;
using Anxin.Domain.Messaging;
using Anxin.Web.Features.Organisation;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Messaging.Templates;

[HasPermission(Permissions.Messages.Manage)]
public sealed class TemplatesModel(ListMessageTemplatesHandler list, SaveMessageTemplateHandler save, GetOrgTreeHandler tree,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    [BindProperty]
    public TemplateInput Input { get; set; } = new();

    public IReadOnlyList<MessageTemplateDto> Templates { get; private set; } = [];

    public IReadOnlyList<OrgNodeDto> Nodes { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Templates.FirstOrDefault(t => t.Id == Edit) is { } t)
        {
            Input = new TemplateInput { Code = t.Code, Culture = t.Culture, Channel = t.Channel, OrgNodeId = t.OrgNodeId, Title = t.Title, Body = t.Body, Version = t.Version };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await save.HandleAsync(new SaveMessageTemplateRequest(Input.Code, Input.Culture, Input.Channel, Input.OrgNodeId, Input.Title, Input.Body, Input.Version), ct);
        ModelState.Clear();
        result.AddTo(ModelState, text);
        Saved = result.IsOk;
        if (result.IsOk)
        {
            Edit = result.Value!.Id;
            Input.Version = result.Value.Version;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Templates = await list.HandleAsync(null, ct);
        Nodes = await tree.HandleAsync(ct);
    }

    public sealed class TemplateInput
    {
        public string? Code { get; set; }

        public string? Culture { get; set; } = "zh-CN";

        public MessageChannel? Channel { get; set; } = MessageChannel.Sms;

        public Guid? OrgNodeId { get; set; }

        public string? Title { get; set; }

        public string? Body { get; set; }

        public long? Version { get; set; }
    }
}
