using Anxin.Domain.Administration;
using Anxin.Domain.Requests;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Requests;

/// <summary>
/// Ownership of cases and consultations (CC-05, CC-07): the same routes under <c>/cases/{id}</c>
/// and <c>/consultations/{id}</c>; the handlers decide who may (owner, supervisor over the owner).
/// </summary>
public sealed class RequestEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.ServiceText>();
        foreach (var (segment, kind, view) in new[]
                 {
                     ("cases", RequestKind.Case, Permissions.Cases.View),
                     ("consultations", RequestKind.Consultation, Permissions.Consultations.View),
                 })
        {
            var group = api.MapGroup("/" + segment).WithTags("Ownership");
            group.MapGet("/{id:guid}/ownership", async (Guid id, GetOwnershipHandler h, HttpContext http, CancellationToken ct) =>
                    (await h.HandleAsync(kind, id, ct)).ToHttp(http, Results.Ok))
                .RequirePermission(view);
            group.MapGet("/{id:guid}/history", async (Guid id, GetRequestHistoryHandler h, CancellationToken ct) =>
                    await h.HandleAsync(kind, id, ct) is { } history ? Results.Ok(history) : Results.Problem(statusCode: 404))
                .RequirePermission(view);
            group.MapPost("/{id:guid}/handover", async (Guid id, HandOverRequest request, HandOverRequestHandler h, HttpContext http, CancellationToken ct) =>
                    (await h.HandleAsync(kind, id, request, ct)).ToHttp(http, Results.Ok))
                .RequirePermission(view);
            group.MapPost("/{id:guid}/take-over", async (Guid id, TakeOverRequest request, TakeOverRequestHandler h, HttpContext http, CancellationToken ct) =>
                    (await h.HandleAsync(kind, id, request, ct)).ToHttp(http, Results.Ok))
                .RequirePermission(Permissions.Requests.Supervise);
            group.MapPost("/{id:guid}/escalate", async (Guid id, EscalateRequest request, EscalateRequestHandler h, HttpContext http, CancellationToken ct) =>
                    (await h.HandleAsync(kind, id, request, ct)).ToHttp(http, e => Results.Created($"/api/v1/{segment}/{id}/ownership", e)))
                .RequirePermission(view);
            group.MapPost("/{id:guid}/follow-up", async (Guid id, FollowUpRequest request, FollowUpRequestHandler h, HttpContext http, CancellationToken ct) =>
                    (await h.HandleAsync(kind, id, request, ct)).ToHttp(http, Results.Ok))
                .RequirePermission(view);
        }

        api.MapGet("/my/requests", async (bool? includeClosed, ListMyRequestsHandler h, CancellationToken ct) =>
                Results.Ok(await h.HandleAsync(includeClosed ?? false, ct)))
            .WithTags("Ownership")
            .RequirePermission(Permissions.Clocks.ViewOwn);
        api.MapGet("/escalations", async (EscalationStatus? status, ListEscalationsHandler h, CancellationToken ct) =>
                Results.Ok(await h.HandleAsync(status, ct)))
            .WithTags("Ownership")
            .RequirePermission(Permissions.Requests.Supervise);
    }
}
