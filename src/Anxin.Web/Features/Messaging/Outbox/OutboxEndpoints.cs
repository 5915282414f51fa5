using Anxin.Domain.Administration;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Messaging.Outbox;

public sealed class OutboxEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/outbox").WithTags("Messaging");
        group.MapGet("/", async (OutboxState? state, MessageChannel? channel, string? templateCode, DateOnly? date, string? cursor, int? take,
                ListOutboxMessagesHandler h, HttpContext http, CancellationToken ct) =>
                    (await h.HandleAsync(new OutboxQuery(state, channel, templateCode, date, cursor, take), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Messages.View);
        group.MapPost("/{id:guid}/retry", async (Guid id, RetryOutboxMessageHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Messages.Manage);
    }
}
