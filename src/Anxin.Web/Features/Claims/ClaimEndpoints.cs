using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

/// <summary>/api/v1/claims: the claim workflow (CLM-01…08). Changes take the claim <c>version</c> read (optional; a stale one is 409).</summary>
public sealed class ClaimEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.ClaimText>();
        var group = api.MapGroup("/claims").WithTags("Claims");
        var view = Permissions.Claims.View;
        var handle = Permissions.Claims.Handle;

        group.MapGet("/", async ([AsParameters] ClaimQuery q, ListClaimsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(new ListClaimsRequest(q.ToFilter(), q.After, q.PageSize), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(view);
        group.MapGet("/export", ([AsParameters] ClaimQuery q, string? format, string? columns, ExportClaimsHandler h, HttpContext http) =>
                h.Handle(q.ToFilter(), format, columns).ToHttp(http, file => file))
            .RequirePermission(view);
        group.MapGet("/{id:guid}", async (Guid id, GetClaimHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } c ? Results.Ok(c) : Results.Problem(statusCode: 404))
            .RequirePermission(view);
        group.MapGet("/{id:guid}/timeline", async (Guid id, GetClaimTimelineHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } t ? Results.Ok(t) : Results.Problem(statusCode: 404))
            .RequirePermission(view);
        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, AnxinDbContext db, CancellationToken ct) =>
                await db.ClaimAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.ClaimId == id && db.Claims.Any(c => c.Id == id))
                    .Select(a => new { a.FileName, a.ContentType, a.Content }).FirstOrDefaultAsync(ct) is { } file
                    ? Results.File(file.Content, file.ContentType, file.FileName)
                    : Results.Problem(statusCode: 404))
            .RequirePermission(view);
        group.MapGet("/{id:guid}/survey-photos/{photoId:guid}", async (Guid id, Guid photoId, GetClaimHandler h, CancellationToken ct) =>
                await h.SurveyPhotoAsync(id, photoId, ct) is { } photo
                    ? Results.File(photo.Content, photo.ContentType, photo.FileName)
                    : Results.Problem(statusCode: 404))
            .RequirePermission(view);
        group.MapPost("/{id:guid}/payable", (ComputePayableRequest request, ComputePayableHandler h, HttpContext http) =>
                h.Handle(request).ToHttp(http, Results.Ok))
            .RequirePermission(view);

        group.MapPost("/", async (OpenClaimRequest request, OpenClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, c => Results.Created($"/api/v1/claims/{c.Id}", c)))
            .RequirePermission(handle)
            .WithIdempotency();

        // Documents (CLM-02).
        group.MapPost("/{id:guid}/documents", async (Guid id, ReceiveDocumentsRequest request, ReceiveClaimDocumentsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/documents/upload", async (Guid id, [FromForm] string? code, [FromForm] string? name, [FromForm] long? version,
                IFormFile? file, ReceiveClaimDocumentsHandler h, HttpContext http, CancellationToken ct) =>
                (await UploadAsync(id, code, name, version, file, h, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/documents/required", async (Guid id, RequireDocumentRequest request, RequireClaimDocumentHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/documents/{code}/waive", async (Guid id, string code, WaiveDocumentRequest request, WaiveClaimDocumentHandler h, HttpContext http,
                CancellationToken ct) => (await h.HandleAsync(id, code, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/notices", async (Guid id, VersionRequest? request, SendMissingDocumentsNoticeHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request ?? new VersionRequest(), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);

        // Investigation (CLM-03).
        group.MapPost("/{id:guid}/investigation/tasks", async (Guid id, CreateInvestigationTaskRequest request, InvestigateClaimHandler h, HttpContext http,
                CancellationToken ct) => (await h.CreateTaskAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/investigation/tasks/{taskId:guid}/complete", async (Guid id, Guid taskId, CompleteInvestigationTaskRequest request,
                InvestigateClaimHandler h, HttpContext http, CancellationToken ct) => (await h.CompleteTaskAsync(id, taskId, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/investigation/conclude", async (Guid id, ConcludeInvestigationRequest request, InvestigateClaimHandler h, HttpContext http,
                CancellationToken ct) => (await h.ConcludeAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);

        // Adjudication, reserve (CLM-04) and approval (CLM-05).
        group.MapPost("/{id:guid}/accept", async (Guid id, AcceptClaimRequest request, AdjudicateClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.AcceptAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/refuse", async (Guid id, RefuseClaimRequest request, AdjudicateClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.RefuseAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/refusal-notice", async (Guid id, VersionRequest? request, AdjudicateClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.RefusalNoticeSentAsync(id, request ?? new VersionRequest(), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/reserve", async (Guid id, ChangeReserveRequest request, AdjudicateClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.ChangeReserveAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/approval/submit", async (Guid id, VersionRequest? request, AdjudicateClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.SubmitAsync(id, request ?? new VersionRequest(), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/approval/approve", async (Guid id, DecideApprovalRequest? request, DecideApprovalHandler h, HttpContext http, CancellationToken ct) =>
                (await h.ApproveAsync(id, request ?? new DecideApprovalRequest(), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.Approve);
        group.MapPost("/{id:guid}/approval/reject", async (Guid id, DecideApprovalRequest request, DecideApprovalHandler h, HttpContext http, CancellationToken ct) =>
                (await h.RejectAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.Approve);
        group.MapPost("/{id:guid}/advance", async (Guid id, RequestAdvancePaymentRequest request, DecideApprovalHandler h, HttpContext http, CancellationToken ct) =>
                (await h.RequestAdvanceAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);

        // Payment (CLM-06).
        group.MapPost("/{id:guid}/verify-policy", async (Guid id, VerifyClaimPolicyRequest request, PayClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.VerifyPolicyAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/payee", async (Guid id, AuthorisePayeeRequest request, PayClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.AuthorisePayeeAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/agreement", async (Guid id, VersionRequest? request, PayClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.RecordAgreementAsync(id, request ?? new VersionRequest(), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.Pay);
        group.MapPost("/{id:guid}/payments", async (Guid id, PayClaimRequest request, PayClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.PayAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.Pay);

        // Fraud flags (CLM-08).
        group.MapPost("/{id:guid}/fraud-flags", async (Guid id, RaiseFraudFlagRequest request, ReviewFraudFlagHandler h, HttpContext http, CancellationToken ct) =>
                (await h.RaiseAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/fraud-flags/{flagId:guid}/clear", async (Guid id, Guid flagId, ReviewFraudFlagRequest request, ReviewFraudFlagHandler h,
                HttpContext http, CancellationToken ct) => (await h.ClearAsync(id, flagId, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.ReviewFraud);
        group.MapPost("/{id:guid}/fraud-flags/{flagId:guid}/confirm", async (Guid id, Guid flagId, ReviewFraudFlagRequest request, ReviewFraudFlagHandler h,
                HttpContext http, CancellationToken ct) => (await h.ConfirmAsync(id, flagId, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.ReviewFraud);

        // Close and archive (CLM-07).
        group.MapPost("/{id:guid}/close", async (Guid id, CloseClaimRequest? request, CloseClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.CloseAsync(id, request ?? new CloseClaimRequest(), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawClaimRequest request, CloseClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.WithdrawAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(handle);
        group.MapPost("/{id:guid}/reopen", async (Guid id, ReopenClaimRequest request, CloseClaimHandler h, HttpContext http, CancellationToken ct) =>
                (await h.ReopenAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.Reopen);
    }

    private static async Task<Result<ClaimDetail>> UploadAsync(Guid id, string? code, string? name, long? version, IFormFile? file,
        ReceiveClaimDocumentsHandler h, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Result<ClaimDetail>.Invalid("File", Domain.Common.ValidationCodes.Required);
        }

        if (file.Length > ClaimAttachment.MaxBytes)
        {
            return Result<ClaimDetail>.Invalid("File", "Attachment.TooLarge");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return await h.UploadAsync(id, code, name, file.FileName, file.ContentType, buffer.ToArray(), version, ct);
    }
}

/// <summary>The query string of the queue and its export: ?queue=mine|approvals|team&amp;q=&amp;status=&amp;line=&amp;open=&amp;overdue=&amp;flagged=&amp;from=&amp;to=.</summary>
public sealed class ClaimQuery
{
    public ClaimQueue? Queue { get; init; }

    public string? Q { get; init; }

    public ClaimStatus? Status { get; init; }

    public ProductLine? Line { get; init; }

    public bool? Open { get; init; }

    public bool? Overdue { get; init; }

    public bool? Flagged { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? After { get; init; }

    public int? PageSize { get; init; }

    public ClaimFilter ToFilter() => new(Queue ?? ClaimQueue.Team, Q, Status, Line, Open, Overdue, Flagged, From, To);
}
