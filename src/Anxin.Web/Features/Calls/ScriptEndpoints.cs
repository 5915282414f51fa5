using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Calls;

/// <summary>Call scripts and forbidden phrases per organisation node (CC-02).</summary>
public sealed class ScriptEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.CallText>();
        var group = api.MapGroup("/call-scripts").WithTags("Calls");
        group.MapGet("/{orgNodeId:guid}", async (Guid orgNodeId, GetScriptSettingsHandler h, CancellationToken ct) =>
                await h.HandleAsync(orgNodeId, ct) is { } settings ? Results.Ok(settings) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Calls.ManageScripts);
        group.MapPut("/", async (SaveCallScriptRequest request, SaveCallScriptHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Calls.ManageScripts);
        group.MapPut("/forbidden-phrases", async (SaveForbiddenPhrasesRequest request, SaveForbiddenPhrasesHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Calls.ManageScripts);
    }
}
