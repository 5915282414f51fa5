using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;

namespace Anxin.Web.Features.Cases;

public sealed class CaseEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/cases").WithTags("Cases");

        group.MapPost("/", async (ReportLossRequest request, ReportLossHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, http.Features.Get<IdempotencyClaim>(), ct))
                    .ToCaseHttp(http, c => Results.Created(ReportLossHandler.Location(c.Id), c)))
            .RequirePermission(Permissions.Cases.Report)
            .WithIdempotencyInHandler();
        group.MapGet("/dashboard", async (string? month, GetCaseDashboardHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(month, ct)).ToCaseHttp(http, Results.Ok))
            .RequirePermission(Permissions.Cases.View);
        group.MapGet("/", async ([AsParameters] CaseQuery q, ListCasesHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(new ListCasesRequest(q.ToFilter(), q.After, q.PageSize), ct)).ToCaseHttp(http, Results.Ok))
            .RequirePermission(Permissions.Cases.View);
        group.MapGet("/export", ([AsParameters] CaseQuery q, string? format, string? columns, ExportCasesHandler h, HttpContext http) =>
                h.Handle(q.ToFilter(), format, columns).ToCaseHttp(http, file => file))
            .RequirePermission(Permissions.Cases.View);
        group.MapGet("/{id:guid}", async (Guid id, GetCaseHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } c ? Results.Ok(c) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Cases.View);
        group.MapGet("/{id:guid}/required-documents", async (Guid id, GetCaseHandler cases, GetRequiredDocumentsHandler h, CancellationToken ct) =>
                await cases.HandleAsync(id, ct) is { } c ? Results.Ok(await h.ForAsync(c.InsurerId, c.Line, c.Injuries, ct)) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Cases.View);
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

public static class CaseResults
{
    public static IResult ToCaseHttp(this Result result, HttpContext http, Func<IResult>? ok = null) =>
        result.ToHttp(http, ok, CaseLocalizer.For(http));

    public static IResult ToCaseHttp<T>(this Result<T> result, HttpContext http, Func<T, IResult> ok) =>
        result.ToHttp(http, ok, CaseLocalizer.For(http));
}
