using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;

namespace Anxin.Web.Features.Staff;

public sealed class StaffEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.StaffText>();
        var group = api.MapGroup("/staff").WithTags("Staff");

        group.MapGet("/", async ([AsParameters] StaffQuery q, ListStaffHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(new ListStaffRequest(q.ToFilter(), q.After, q.PageSize), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Staff.View);
        group.MapGet("/export", ([AsParameters] StaffQuery q, string? format, ExportStaffHandler h, HttpContext http) =>
                h.Handle(q.ToFilter(), format, q.Columns).ToHttp(http, file => file))
            .RequirePermission(Permissions.Staff.Export);
        group.MapGet("/{id:guid}", async (Guid id, GetStaffHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } staff ? Results.Ok(staff) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Staff.View);
        group.MapPost("/", async (CreateStaffRequest request, CreateStaffHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, s => Results.Created($"/api/v1/staff/{s.Id}", s)))
            .RequirePermission(Permissions.Staff.Manage)
            .WithIdempotency();
        group.MapPut("/{id:guid}", async (Guid id, EditStaffRequest request, EditStaffHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Staff.Manage);
        group.MapPost("/{id:guid}/reset-password", async (Guid id, ResetStaffPasswordRequest request, ResetStaffPasswordHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http))
            .RequirePermission(Permissions.Staff.ResetPassword);
        group.MapPost("/{id:guid}/unlock", async (Guid id, UnlockStaffAccountHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, ct)).ToHttp(http))
            .RequirePermission(Permissions.Staff.Manage);
        group.MapPost("/{id:guid}/reveal", async (Guid id, RevealStaffPersonalDataRequest request, RevealStaffPersonalDataHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Staff.View)
            .RequirePermission(Permissions.PersonalData.Reveal);
    }
}

/// <summary>The query string of the list and the export: ?q=&amp;orgNodeId=&amp;role=&amp;active=&amp;after=&amp;pageSize=&amp;columns=.</summary>
public sealed class StaffQuery
{
    public string? Q { get; init; }

    public Guid? OrgNodeId { get; init; }

    public string? Role { get; init; }

    public bool? Active { get; init; }

    public string? After { get; init; }

    public int? PageSize { get; init; }

    /// <summary>The export's columns, comma-separated keys of <see cref="StaffColumns"/>; blank for all.</summary>
    public string? Columns { get; init; }

    public StaffFilter ToFilter() => new(Q, OrgNodeId, Role, Active);
}
