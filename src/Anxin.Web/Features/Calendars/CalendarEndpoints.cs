using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Calendars;

/// <summary>/api/v1/calendars/{nodeId}: the node's business calendar (Guid.Empty: the global days).</summary>
public sealed class CalendarEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/calendars/{nodeId:guid}").WithTags("Calendars").RequirePermission(Permissions.Calendars.Manage);
        group.MapGet("/", async (Guid nodeId, int? year, GetCalendarHandler h, HttpContext http, CancellationToken ct) =>
            (await h.HandleAsync(nodeId, year, ct)).ToHttp(http, Results.Ok));
        group.MapPut("/hours", async (Guid nodeId, SetWorkingHoursRequest request, SetWorkingHoursHandler h, HttpContext http, CancellationToken ct) =>
            (await h.HandleAsync(nodeId, request, ct)).ToHttp(http, Results.Ok));
        group.MapPost("/days", async (Guid nodeId, AddCalendarDayRequest request, AddCalendarDayHandler h, HttpContext http, CancellationToken ct) =>
            (await h.HandleAsync(nodeId, request, ct)).ToHttp(http, d => Results.Created($"/api/v1/calendars/{nodeId}?year={d.Date.Year}", d)));
        group.MapDelete("/days", async (Guid nodeId, DateOnly date, RemoveCalendarDayHandler h, HttpContext http, CancellationToken ct) =>
            (await h.HandleAsync(nodeId, date, ct)).ToHttp(http));
    }
}
