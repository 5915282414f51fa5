using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

/// <summary>Review sampling rules [Claims.ManageReview] and the beneficiary checks [Claims.Callback] under <c>/api/v1/claim-review</c>.</summary>
public sealed class ClaimReviewEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.ClaimText>();
        var group = api.MapGroup("/claim-review").WithTags("Claims");
        var manage = Permissions.Claims.ManageReview;
        var callback = Permissions.Claims.Callback;

        group.MapGet("/rules", async (ManageReviewRulesHandler h, CancellationToken ct) => Results.Ok(await h.ListAsync(ct)))
            .RequirePermission(manage);
        group.MapPost("/rules", async (SaveReviewRuleRequest request, ManageReviewRulesHandler h, HttpContext http, CancellationToken ct) =>
                (await h.SaveAsync(null, request, ct)).ToHttp(http, r => Results.Created($"/api/v1/claim-review/rules/{r.Id}", r)))
            .RequirePermission(manage)
            .WithIdempotency();
        group.MapPut("/rules/{id:guid}", async (Guid id, SaveReviewRuleRequest request, ManageReviewRulesHandler h, HttpContext http, CancellationToken ct) =>
                (await h.SaveAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(manage);
        group.MapDelete("/rules/{id:guid}", async (Guid id, ManageReviewRulesHandler h, HttpContext http, CancellationToken ct) =>
                (await h.DeleteAsync(id, ct)).ToHttp(http))
            .RequirePermission(manage);

        group.MapGet("/checks", async ([AsParameters] BeneficiaryCheckQuery q, ListBeneficiaryChecksHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(q.ToFilter(), q.After, q.PageSize, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(callback);
        group.MapGet("/checks/export", ([AsParameters] BeneficiaryCheckQuery q, string? format, string? columns, ExportBeneficiaryChecksHandler h,
                HttpContext http) => h.Handle(q.ToFilter(), format, columns).ToHttp(http, file => file))
            .RequirePermission(callback);
        group.MapGet("/checks/{id:guid}", async (Guid id, GetBeneficiaryCheckHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } check ? Results.Ok(check) : Results.Problem(statusCode: 404))
            .RequirePermission(callback);
        group.MapPost("/checks/{id:guid}/answer", async (Guid id, AnswerBeneficiaryCheckRequest request, AnswerBeneficiaryCheckHandler h, HttpContext http,
                CancellationToken ct) => (await h.AnswerAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(callback);
        group.MapPost("/checks/{id:guid}/no-answer", async (Guid id, NoAnswerRequest request, AnswerBeneficiaryCheckHandler h, HttpContext http,
                CancellationToken ct) => (await h.NoAnswerAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(callback);
        group.MapPost("/checks/{id:guid}/reveal", async (Guid id, RevealBeneficiaryMobileHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(callback);
    }
}

public sealed record BeneficiaryCheckQuery(BeneficiaryCheckStatus? Status, bool? Problem, string? Q, string? After, int? PageSize)
{
    public BeneficiaryCheckFilter ToFilter() => new(Status, Problem, Q);
}

/// <summary>One check as the callback team sees it (masked), or null outside their scope.</summary>
public sealed class GetBeneficiaryCheckHandler(AnxinDbContext db)
{
    public async Task<BeneficiaryCheckItem?> HandleAsync(Guid id, CancellationToken ct)
    {
        var check = await db.BeneficiaryChecks.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        return check is null ? null : (await BeneficiaryCheckViews.DescribeAsync(db, [check], ct))[0];
    }
}
