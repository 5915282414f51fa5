using Anxin.Domain.Administration;
using Anxin.Domain.Customers;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;

namespace Anxin.Web.Features.Customers;

public sealed class CustomerEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.CustomerText>();
        var group = api.MapGroup("/customers").WithTags("Customers");

        group.MapGet("/", async ([AsParameters] CustomerQuery q, ListCustomersHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(new ListCustomersRequest(q.ToFilter(), q.After, q.PageSize), ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Customers.View);
        group.MapGet("/export", ([AsParameters] CustomerQuery q, string? format, string? columns, ExportCustomersHandler h, HttpContext http) =>
                h.Handle(q.ToFilter(), format, columns).ToHttp(http, file => file))
            .RequirePermission(Permissions.Customers.View);
        group.MapGet("/{id:guid}", async (Guid id, GetCustomerHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } customer ? Results.Ok(customer) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Customers.View);
        group.MapGet("/{id:guid}/timeline", async (Guid id, GetCustomerTimelineHandler h, CancellationToken ct) =>
                await h.HandleAsync(id, ct) is { } timeline ? Results.Ok(timeline) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Customers.View);
        group.MapPost("/", async (RegisterCustomerRequest request, RegisterCustomerHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, outcome => outcome.Customer is { } c
                    ? Results.Created($"/api/v1/customers/{c.Id}", c)
                    : DuplicateMobile(http, outcome.PossibleDuplicates)))
            .RequirePermission(Permissions.Customers.Manage)
            .WithIdempotency();
        group.MapPut("/{id:guid}/contact", async (Guid id, EditCustomerContactRequest request, EditCustomerContactHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Customers.Manage);
        group.MapPost("/{id:guid}/deactivate", async (Guid id, DeactivateCustomerRequest request, DeactivateCustomerHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http))
            .RequirePermission(Permissions.Customers.Manage);
        group.MapPost("/{id:guid}/reveal", async (Guid id, RevealCustomerPersonalDataRequest request, RevealCustomerPersonalDataHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Customers.View)
            .RequirePermission(Permissions.PersonalData.Reveal);
    }

    /// <summary>409 with the possible duplicates: send again with <c>confirmDuplicateMobile: true</c> (and a new idempotency key).</summary>
    private static IResult DuplicateMobile(HttpContext http, IReadOnlyList<CustomerMatch> duplicates) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: CustomerLocalizer.For(http)[RegisterCustomerHandler.DuplicateMobile],
        extensions: new Dictionary<string, object?>
        {
            ["code"] = RegisterCustomerHandler.DuplicateMobile,
            ["possibleDuplicates"] = duplicates,
        });
}

/// <summary>The query string of the list and the export: ?q=&amp;kind=&amp;active=&amp;after=&amp;pageSize=.</summary>
public sealed class CustomerQuery
{
    public string? Q { get; init; }

    public CustomerKind? Kind { get; init; }

    public bool? Active { get; init; }

    public string? After { get; init; }

    public int? PageSize { get; init; }

    public CustomerFilter ToFilter() => new(Q, Kind, Active);
}
