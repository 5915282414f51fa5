using Anxin.Domain.Administration;
using Anxin.Web.Features.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Documents;

/// <summary>/api/v1/required-documents/{insurerCode|OWN}/{line}: the claim documents checklist (CC-09).</summary>
public sealed class RequiredDocumentEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.PolicyText>();
        var group = api.MapGroup("/required-documents").WithTags("Required documents");

        group.MapGet("/", async (RequiredDocumentListsHandler h, CancellationToken ct) => Results.Ok(await h.ListAsync(ct)))
            .RequirePermission(Permissions.Cases.Manage);
        group.MapGet("/{insurer}/{line}", async (string insurer, string line, RequiredDocumentListsHandler h, CancellationToken ct) =>
                await h.GetAsync(insurer, line, ct) is { } list ? Results.Ok(list) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Cases.Manage);
        group.MapPut("/{insurer}/{line}", async (string insurer, string line, SaveRequiredDocumentsRequest request, RequiredDocumentListsHandler h,
                HttpContext http, CancellationToken ct) =>
                (await h.SaveAsync(insurer, line, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Cases.Manage);
    }
}
