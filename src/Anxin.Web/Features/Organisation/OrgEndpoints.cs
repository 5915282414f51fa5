using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;

namespace Anxin.Web.Features.Organisation;

public sealed class OrgEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/org-nodes").WithTags("Organisation");
        group.MapGet("/", (GetOrgTreeHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .RequirePermission(Permissions.Org.View);
        group.MapGet("/{id:guid}", async (Guid id, GetOrgTreeHandler h, CancellationToken ct) =>
                await h.GetAsync(id, ct) is { } node ? Results.Ok(node) : Results.NotFound())
            .RequirePermission(Permissions.Org.View);
        group.MapPost("/", async (CreateOrgNodeRequest request, CreateOrgNodeHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, n => Results.Created($"/api/v1/org-nodes/{n.Id}", n)))
            .RequirePermission(Permissions.Org.Manage)
            .WithIdempotency();
        group.MapPut("/{id:guid}", async (Guid id, EditOrgNodeRequest request, EditOrgNodeHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Org.Manage);
        group.MapPost("/{id:guid}/move", async (Guid id, MoveOrgNodeRequest request, MoveOrgNodeHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Org.Manage);
    }
}
