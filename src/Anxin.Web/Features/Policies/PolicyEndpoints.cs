using Anxin.Domain.Administration;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.Mvc;

namespace Anxin.Web.Features.Policies;

public sealed class PolicyEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.PolicyText>();
        var group = api.MapGroup("/policies").WithTags("Policies");

        group.MapPost("/", async (CreatePolicyRequest request, RegisterPolicyHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, p => Results.Created($"/api/v1/policies/{p.Id}", p)))
            .RequirePermission(Permissions.Policies.Manage)
            .WithIdempotency();
        group.MapGet("/", async ([AsParameters] PolicyQuery q, ListPoliciesHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(new ListPoliciesRequest(q.ToFilter(), q.After, q.PageSize), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Policies.View);
        group.MapGet("/export", ([AsParameters] PolicyQuery q, string? format, string? columns, ExportPoliciesHandler h, HttpContext http) =>
                h.Handle(q.ToFilter(), format, columns).ToHttp(http, file => file))
            .RequirePermission(Permissions.Policies.View);
        group.MapGet("/{id:guid}", async (Guid id, GetPolicyHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } policy ? Results.Ok(policy) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Policies.View);
        group.MapGet("/{id:guid}/cases", async (Guid id, GetPolicyHandler h, CancellationToken ct) =>
                await h.CasesAsync(id, ct) is { } cases ? Results.Ok(cases) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Policies.View)
            .RequirePermission(Permissions.Cases.View);
        group.MapPost("/{id:guid}/terminate", async (Guid id, TerminatePolicyRequest request, TerminatePolicyHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Policies.Manage);
        group.MapPost("/import", async (IFormFile? file, ImportPoliciesHandler h, HttpContext http, CancellationToken ct) =>
                await ImportAsync(file, h, http, ct))
            .RequirePermission(Permissions.Policies.Import)
            .WithMetadata(new RequestSizeLimitAttribute(PolicyCsv.MaxBytes + (1024 * 1024)))
            .DisableAntiforgery();
        group.MapGet("/import/template", () => Results.File(PolicyCsv.Template(), "text/csv; charset=utf-8", "policy-import-template.csv"))
            .RequirePermission(Permissions.Policies.Import);
    }

    /// <summary>200 with the count, or 400 with the row-by-row report (nothing imported), or 400 with a file-level field error.</summary>
    private static async Task<IResult> ImportAsync(IFormFile? file, ImportPoliciesHandler h, HttpContext http, CancellationToken ct)
    {
        await using var stream = file?.OpenReadStream();
        var result = await h.HandleAsync(stream, file?.FileName, ct);
        return result.ToHttp(http, outcome => outcome.Rejected
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: PolicyLocalizer.For(http)["Import.Rejected", outcome.ErrorCount],
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = "Import.Rejected",
                    ["rowCount"] = outcome.RowCount,
                    ["imported"] = 0,
                    ["errorCount"] = outcome.ErrorCount,
                    ["errors"] = outcome.Errors,
                })
            : Results.Ok(new { rowCount = outcome.RowCount, imported = outcome.Imported }));
    }
}

/// <summary>The query string of the list and the export: ?q=&amp;line=&amp;insurer=&amp;status=&amp;inForceOn=&amp;after=&amp;pageSize=.</summary>
public sealed class PolicyQuery
{
    public string? Q { get; init; }

    public ProductLine? Line { get; init; }

    /// <summary>An insurer's code, or OWN for our own business.</summary>
    public string? Insurer { get; init; }

    public PolicyStatus? Status { get; init; }

    public DateOnly? InForceOn { get; init; }

    public string? After { get; init; }

    public int? PageSize { get; init; }

    public PolicyFilter ToFilter() => new(Q, Line, Insurer, Status, InForceOn);
}
