using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Administration;

public sealed class AdminEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.AdminText>();
        var roles = api.MapGroup("/roles").WithTags("Administration").RequirePermission(Permissions.Roles.Manage);
        roles.MapGet("/", (GetRolesHandler h, CancellationToken ct) => h.HandleAsync(ct));
        roles.MapPut("/{code}/permissions", async (string code, SetRolePermissionsRequest request, SaveRolePermissionsHandler h, HttpContext http, CancellationToken ct) =>
            request.Permissions is null
                ? Result.Invalid(nameof(request.Permissions), "Validation.Required").ToHttp(http)
                : (await h.HandleAsync(new Dictionary<string, IReadOnlyCollection<string>> { [code] = request.Permissions }, ct)).ToHttp(http));

        var keys = api.MapGroup("/api-keys").WithTags("Administration").RequirePermission(Permissions.ApiKeys.Manage);
        keys.MapGet("/", (ListApiKeysHandler h, CancellationToken ct) => h.HandleAsync(ct));
        // Not idempotent on purpose: the response carries the new key in clear, and a stored
        // replay would keep that secret in the database. A retried create makes a second key.
        keys.MapPost("/", async (CreateApiKeyRequest request, CreateApiKeyHandler h, HttpContext http, CancellationToken ct) =>
            (await h.HandleAsync(request, ct)).ToHttp(http, k => Results.Created($"/api/v1/api-keys/{k.Id}", k)));
        keys.MapDelete("/{id:guid}", async (Guid id, RevokeApiKeyHandler h, HttpContext http, CancellationToken ct) =>
            (await h.HandleAsync(id, ct)).ToHttp(http));

        api.MapGet("/audit", async ([AsParameters] AuditFilter filter, SearchAuditHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(filter, ct)).ToHttp(http, Results.Ok))
            .WithTags("Administration").RequirePermission(Permissions.Audit.View);
        api.MapGet("/audit/export", ([AsParameters] AuditFilter filter, string? format, string? columns, ExportAuditHandler h, HttpContext http) =>
                h.Handle(filter, format, columns).ToHttp(http, file => file))
            .WithTags("Administration").RequirePermission(Permissions.Audit.View);
    }
}
