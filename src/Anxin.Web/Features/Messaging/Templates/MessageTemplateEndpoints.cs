using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Messaging.Templates;

public sealed class MessageTemplateEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/message-templates").WithTags("Messaging");
        group.MapGet("/", (string? code, ListMessageTemplatesHandler h, CancellationToken ct) => h.HandleAsync(code, ct))
            .RequirePermission(Permissions.Messages.Manage);
        group.MapPut("/", async (SaveMessageTemplateRequest request, SaveMessageTemplateHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Messages.Manage);
    }
}
