using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Messaging;

namespace Anxin.Web.Features.Claims;

/// <summary>The vendor register under <c>/api/v1/vendors</c> and the claims' service requests under <c>/api/v1/claims/{id}/service-requests</c> and <c>/api/v1/service-requests</c>.</summary>
public sealed class VendorEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.ClaimText>();
        var vendors = api.MapGroup("/vendors").WithTags("Vendors");
        vendors.MapGet("/", async ([AsParameters] VendorQuery q, ListVendorsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(q.ToFilter(), q.After, q.PageSize, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Vendors.View);
        vendors.MapGet("/export", ([AsParameters] VendorQuery q, string? format, string? columns, ExportVendorsHandler h, HttpContext http) =>
                h.Handle(q.ToFilter(), format, columns).ToHttp(http, file => file))
            .RequirePermission(Permissions.Vendors.View);
        vendors.MapGet("/{id:guid}", async (Guid id, ListVendorsHandler h, CancellationToken ct) =>
                await h.GetAsync(id, ct) is { } vendor ? Results.Ok(vendor) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Vendors.View);
        vendors.MapPost("/", async (SaveVendorRequest request, SaveVendorHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(null, request, ct)).ToHttp(http, v => Results.Created($"/api/v1/vendors/{v.Id}", v)))
            .RequirePermission(Permissions.Vendors.Manage)
            .WithIdempotency();
        vendors.MapPut("/{id:guid}", async (Guid id, SaveVendorRequest request, SaveVendorHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Vendors.Manage);

        var claims = api.MapGroup("/claims/{id:guid}/service-requests").WithTags("Claims");
        claims.MapGet("/", async (Guid id, ServiceRequestsHandler h, CancellationToken ct) =>
                await h.ForVisibleClaimAsync(id, ct) is { } list ? Results.Ok(list) : Results.Problem(statusCode: StatusCodes.Status404NotFound))
            .RequirePermission(Permissions.Claims.View);
        claims.MapPost("/", async (Guid id, CreateServiceRequest request, ServiceRequestsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.CreateAsync(id, request, ct)).ToHttp(http, r => Results.Created($"/api/v1/service-requests/{r.Id}", r)))
            .RequirePermission(Permissions.Claims.Handle)
            .WithIdempotency();

        var requests = api.MapGroup("/service-requests/{id:guid}").WithTags("Claims");
        requests.MapPost("/quote", async (Guid id, VendorAmountRequest request, ServiceRequestsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.QuoteAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Vendors.Report);
        requests.MapPost("/service-done", async (Guid id, ServiceTextRequest request, ServiceRequestsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.ServiceDoneAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Vendors.Report);
        requests.MapPost("/invoice", async (Guid id, VendorAmountRequest request, ServiceRequestsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.InvoiceAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Vendors.Report);
        requests.MapPost("/vendor-messages", async (Guid id, ServiceTextRequest request, ServiceRequestsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.VendorMessageAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Vendors.Report);
        requests.MapPost("/accept-quote", async (Guid id, ServiceTextRequest request, ServiceRequestsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.AcceptQuoteAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.Handle);
        requests.MapPost("/reject-quote", async (Guid id, ServiceTextRequest request, ServiceRequestsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.RejectQuoteAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.Handle);
        requests.MapPost("/cancel", async (Guid id, ServiceTextRequest request, ServiceRequestsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.CancelAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.Handle);
        requests.MapPost("/replies", async (Guid id, ServiceTextRequest request, ServiceRequestsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.ReplyAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.Handle);
        requests.MapPost("/acknowledge", async (Guid id, ServiceTextRequest request, ServiceRequestsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.AcknowledgeAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.Handle);
    }
}

public sealed record VendorQuery(VendorKind? Kind, string? Q, bool? Active, string? After, int? PageSize)
{
    public VendorFilter ToFilter() => new(Kind, Q, Active ?? true);
}
