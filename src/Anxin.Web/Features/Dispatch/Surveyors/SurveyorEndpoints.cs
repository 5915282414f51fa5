using Anxin.Domain.Administration;
using Anxin.Domain.Dispatch;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Dispatch;

public sealed class SurveyorEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.DispatchText>();
        var group = api.MapGroup("/surveyors").WithTags("Dispatch");

        group.MapGet("/", async ([AsParameters] SurveyorQuery q, ListSurveyorsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(new ListSurveyorsRequest(q.ToFilter(), q.After, q.PageSize), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Dispatch.ManageSurveyors);
        group.MapGet("/export", ([AsParameters] SurveyorQuery q, string? format, string? columns, ExportSurveyorsHandler h, HttpContext http) =>
                h.Handle(q.ToFilter(), format, columns).ToHttp(http, file => file))
            .RequirePermission(Permissions.Dispatch.ManageSurveyors);
        group.MapGet("/{staffId:guid}", async (Guid staffId, GetSurveyorHandler h, CancellationToken ct) =>
                await h.HandleAsync(staffId, ct) is { } surveyor ? Results.Ok(surveyor) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Dispatch.ManageSurveyors);
        group.MapPut("/{staffId:guid}", async (Guid staffId, ChangeSurveyorProfileRequest request, ChangeSurveyorProfileHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(staffId, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Dispatch.ManageSurveyors);
        group.MapPost("/me/position", async (ReportPositionRequest request, ReportPositionHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Dispatch.Field);
        group.MapPost("/me/presence", async (ChangePresenceRequest request, ChangePresenceHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Dispatch.Field);
    }
}

/// <summary>The query string of the list and the export: ?q=&amp;skill=&amp;presence=&amp;after=&amp;pageSize=.</summary>
public sealed class SurveyorQuery
{
    public string? Q { get; init; }

    public SurveyorSkills? Skill { get; init; }

    public SurveyorPresence? Presence { get; init; }

    public string? After { get; init; }

    public int? PageSize { get; init; }

    public SurveyorFilter ToFilter() => new(Q, Skill, Presence);
}
