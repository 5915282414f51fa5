using Anxin.Domain.Administration;
using Anxin.Domain.Calls;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Calls;

/// <summary>The call log (CC-01) and the CTI event intake.</summary>
public sealed class CallEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.CallText>();
        api.MapPost("/cti/events", async (CtiEventRequest request, RecordCtiEventHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, Results.Ok))
            .WithTags("Calls")
            .RequirePermission(Permissions.Calls.Cti);

        var calls = api.MapGroup("/calls").WithTags("Calls");
        calls.MapGet("/", async ([AsParameters] CallQuery q, ListCallsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(new ListCallsRequest(q.ToFilter(), q.After, q.PageSize), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Calls.View);
        calls.MapGet("/export", async ([AsParameters] CallQuery q, string? format, string? columns, ExportCallsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(q.ToFilter(), format, columns, ct)).ToHttp(http, file => file))
            .RequirePermission(Permissions.Calls.View);
        calls.MapGet("/{id:guid}", async (Guid id, GetCallHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } call ? Results.Ok(call) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Calls.View);
        calls.MapPut("/{id:guid}/classification", async (Guid id, ClassifyCallRequest request, ClassifyCallHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Calls.Desk);
    }
}

/// <summary>The query string of the list and the export: ?from=&amp;to=&amp;type=&amp;agent=&amp;state=&amp;number=&amp;after=&amp;pageSize=.</summary>
public sealed class CallQuery
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public CallType? Type { get; init; }

    public string? Agent { get; init; }

    public CallState? State { get; init; }

    public string? Number { get; init; }

    public string? After { get; init; }

    public int? PageSize { get; init; }

    public CallFilter ToFilter() => new(From, To, Type, Agent, State, Number);
}
