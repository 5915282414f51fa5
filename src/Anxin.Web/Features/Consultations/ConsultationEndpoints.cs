using Anxin.Domain.Administration;
using Anxin.Domain.Consultations;
using Anxin.Web.Features.Requests;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;

namespace Anxin.Web.Features.Consultations;

public sealed class ConsultationEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.ServiceText>();
        var group = api.MapGroup("/consultations").WithTags("Consultations");

        group.MapPost("/", async (RegisterConsultationRequest request, RegisterConsultationHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, c => Results.Created($"/api/v1/consultations/{c.Id}", c)))
            .RequirePermission(Permissions.Consultations.Manage)
            .WithIdempotency();
        group.MapGet("/", async ([AsParameters] ConsultationQuery q, ListConsultationsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(new ListConsultationsRequest(q.ToFilter(), q.After, q.PageSize), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Consultations.View);
        group.MapGet("/export", ([AsParameters] ConsultationQuery q, string? format, string? columns, ExportConsultationsHandler h, HttpContext http) =>
                h.Handle(q.ToFilter(), format, columns).ToHttp(http, file => file))
            .RequirePermission(Permissions.Consultations.View);
        group.MapGet("/{id:guid}", async (Guid id, GetConsultationHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } c ? Results.Ok(c) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Consultations.View);
        group.MapPost("/{id:guid}/answer", async (Guid id, AnswerConsultationRequest request, AnswerConsultationHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Consultations.View);
    }
}

public sealed class GetConsultationHandler(Anxin.Data.AnxinDbContext db, CurrentUser me)
{
    public Task<ConsultationDetail?> HandleAsync(Guid id, CancellationToken ct) => ConsultationDetail.LoadAsync(db, me, id, ct);
}

/// <summary>The query string of the consultation list and export.</summary>
public sealed class ConsultationQuery
{
    public string? Q { get; init; }

    public ConsultationStatus? Status { get; init; }

    public ConsultationCategory? Category { get; init; }

    public bool? Mine { get; init; }

    public bool? Overdue { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? After { get; init; }

    public int? PageSize { get; init; }

    public ConsultationFilter ToFilter() => new(Q, Status, Category, Mine ?? false, Overdue ?? false, From, To);
}
