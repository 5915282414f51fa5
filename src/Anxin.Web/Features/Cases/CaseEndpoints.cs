using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.Antiforgery;

namespace Anxin.Web.Features.Cases;

public sealed class CaseEndpoints : IEndpointModule
{
    /// <summary>The largest upload request: the most files at the largest size, plus the form around them.</summary>
    public const long UploadLimit = CaseAttachment.MaxFilesPerUpload * (long)CaseAttachment.MaxBytes + 1_048_576;

    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.CaseText>();
        var group = api.MapGroup("/cases").WithTags("Cases");

        group.MapPost("/", async (ReportLossRequest request, ReportLossHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, http.Features.Get<IdempotencyClaim>(), ct))
                    .ToHttp(http, c => Results.Created(ReportLossHandler.Location(c.Id), c)))
            .RequirePermission(Permissions.Cases.Report)
            .WithIdempotencyInHandler();
        group.MapGet("/dashboard", async (string? month, GetCaseDashboardHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(month, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Cases.View);
        group.MapGet("/", async ([AsParameters] CaseQuery q, ListCasesHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(new ListCasesRequest(q.ToFilter(), q.After, q.PageSize), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Cases.View);
        group.MapGet("/export", ([AsParameters] CaseQuery q, string? format, string? columns, ExportCasesHandler h, HttpContext http) =>
                h.Handle(q.ToFilter(), format, columns).ToHttp(http, file => file))
            .RequirePermission(Permissions.Cases.View);
        group.MapGet("/coverage-preview", async ([AsParameters] CoveragePreviewQuery q, PreviewCoverageHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(q.ToRequest(), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Cases.Report);
        group.MapGet("/{id:guid}", async (Guid id, GetCaseHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } c ? Results.Ok(c) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Cases.View);
        group.MapGet("/{id:guid}/required-documents", async (Guid id, GetCaseHandler cases, GetRequiredDocumentsHandler h, CancellationToken ct) =>
                await cases.HandleAsync(id, ct) is { } c ? Results.Ok(await h.ForAsync(c.InsurerId, c.Line, c.Injuries, ct)) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Cases.View);
        group.MapGet("/{id:guid}/timeline", async (Guid id, GetCaseTimelineHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } timeline ? Results.Ok(timeline) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Cases.View);
        group.MapGet("/{id:guid}/attachments", async (Guid id, ListCaseAttachmentsHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } list ? Results.Ok(list) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Cases.View);
        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, GetCaseAttachmentHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, attachmentId, ct) is { } file
                    ? Results.File(file.Content, file.ContentType, file.FileName)
                    : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Cases.View);
        group.MapPost("/{id:guid}/attachments", async (Guid id, IFormFileCollection files, AddCaseAttachmentsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, AttachmentUpload.From(files), ct)).ToHttp(http, added => Results.Ok(added)))
            .RequirePermission(Permissions.Cases.Report)
            .AddEndpointFilter(AntiforgeryForCookies)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(UploadLimit));
        group.MapPost("/{id:guid}/verify-policy", async (Guid id, VerifyCasePolicyRequest request, VerifyCasePolicyHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Cases.Manage);
        group.MapPost("/{id:guid}/cancel", async (Guid id, CancelCaseRequest request, CancelCaseHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Cases.Manage);
        group.MapPost("/{id:guid}/reveal", async (Guid id, RevealCasePersonalDataRequest request, RevealCasePersonalDataHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Cases.View)
            .RequirePermission(Permissions.PersonalData.Reveal);
    }

    /// <summary>
    /// The API group skips antiforgery (keys send no cookies); a multipart upload can be posted
    /// cross-site by a plain HTML form, so a browser's cookie-signed upload must carry the token.
    /// </summary>
    private static async ValueTask<object?> AntiforgeryForCookies(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.RequestServices.GetRequiredService<CurrentUser>().IsApiKey
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: CaseLocalizer.For(http)["Error.BadRequest"]);
        }

        return await next(context);
    }
}

public sealed class GetCaseHandler(Anxin.Data.AnxinDbContext db)
{
    public Task<CaseDetail?> HandleAsync(Guid id, CancellationToken ct) => CaseDetail.LoadAsync(db, id, ct);
}

/// <summary>The query string of the case list and export.</summary>
public sealed class CaseQuery
{
    public string? Q { get; init; }

    public CaseStatus? Status { get; init; }

    public ProductLine? Line { get; init; }

    public string? Insurer { get; init; }

    public bool? Verified { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? After { get; init; }

    public int? PageSize { get; init; }

    public CaseFilter ToFilter() => new(Q, Status, Line, Insurer, Verified, From, To);
}

/// <summary>The query string of the coverage preview.</summary>
public sealed class CoveragePreviewQuery
{
    public string? Insurer { get; init; }

    public string? PolicyNumber { get; init; }

    public string? Plate { get; init; }

    public DateTimeOffset? LossAt { get; init; }

    public Peril? Cause { get; init; }

    public CoveragePreviewRequest ToRequest() => new(Insurer, PolicyNumber, Plate, LossAt, Cause);
}
