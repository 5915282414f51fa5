using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Dispatch;

public sealed class AssignmentEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.DispatchText>();
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Dispatch");
        cases.MapGet("/recommendations", async (Guid id, int? top, bool? explain, RecommendSurveyorsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, top, explain ?? false, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Dispatch.Assign);
        cases.MapPost("/assignments", async (Guid id, AssignSurveyorRequest request, AssignSurveyorHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, a => Results.Created($"/api/v1/assignments/{a.Id}", a)))
            .RequirePermission(Permissions.Dispatch.Assign)
            .WithIdempotency();
        cases.MapGet("/assignments", async (Guid id, ListCaseAssignmentsHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } list ? Results.Ok(list) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Cases.View);

        var assignments = api.MapGroup("/assignments").WithTags("Dispatch");
        assignments.MapGet("/mine", async (MyTasksHandler h, CancellationToken ct) => Results.Ok(await h.HandleAsync(ct)))
            .RequirePermission(Permissions.Dispatch.Field);
        assignments.MapPost("/{id:guid}/acknowledge", async (Guid id, AcknowledgeAssignmentHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Dispatch.Field);
        assignments.MapPost("/{id:guid}/arrival", async (Guid id, ReportArrivalHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Dispatch.Field);
        assignments.MapPost("/{id:guid}/assessment", async (Guid id, RecordAssessmentRequest request, RecordAssessmentHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Dispatch.Field);
        assignments.MapPost("/{id:guid}/photos", async (Guid id, IFormFileCollection photos, AddSurveyPhotosHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, [.. photos.Select(f => new UploadedPhoto(f.FileName, f.Length, f.OpenReadStream))], ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Dispatch.Field)
            .DisableAntiforgery();
        assignments.MapGet("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, GetSurveyPhotoHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, photoId, ct) is { } photo
                    ? Results.File(photo.Content, photo.ContentType, photo.FileName)
                    : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Cases.View);
    }
}

/// <summary>A case's assignments, newest first (its dispatch history), for whoever may see the case.</summary>
public sealed class ListCaseAssignmentsHandler(AnxinDbContext db)
{
    public async Task<IReadOnlyList<AssignmentView>?> HandleAsync(Guid caseId, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, ct))
        {
            return null;
        }

        var rows = await db.Assignments.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking()
            .Where(a => a.CaseId == caseId).OrderByDescending(a => a.AssignedAt).ThenByDescending(a => a.Id).ToListAsync(ct);
        return await AssignmentView.LoadAsync(db, rows, ct);
    }
}
