using Anxin.Domain.Administration;
using Anxin.Domain.Quality;
using Anxin.Web.Features.Requests;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Infrastructure.Messaging;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Quality;

public sealed class QualityEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.ServiceText>();
        var group = api.MapGroup("/quality/errors").WithTags("Quality");
        group.MapPost("/", async (RecordRegistrationErrorRequest request, RecordRegistrationErrorHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(request, ct)).ToHttp(http, e => Results.Created($"/api/v1/quality/errors/{e.Id}", e)))
            .RequirePermission(Permissions.Quality.RecordErrors)
            .WithIdempotency();
        group.MapGet("/", async ([AsParameters] RegistrationErrorQuery q, ListRegistrationErrorsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(q.ToFilter(), q.After, q.PageSize, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Quality.ViewErrors);
        group.MapGet("/export", ([AsParameters] RegistrationErrorQuery q, string? format, string? columns, ExportRegistrationErrorsHandler h, HttpContext http) =>
                h.Handle(q.ToFilter(), format, columns).ToHttp(http, file => file))
            .RequirePermission(Permissions.Quality.ViewErrors);
        group.MapGet("/summary", async (string? from, string? to, SummarizeRegistrationErrorsHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(from, to, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Quality.ViewErrors);
        group.MapPost("/{id:guid}/correct", async (Guid id, CorrectRegistrationErrorRequest request, CorrectRegistrationErrorHandler h, HttpContext http,
                    CancellationToken ct) => (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok));
        group.MapPost("/{id:guid}/confirm", async (Guid id, ConfirmRegistrationErrorRequest request, ConfirmRegistrationErrorHandler h, HttpContext http,
                    CancellationToken ct) => (await h.HandleAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Quality.RecordErrors);

        api.MapGet("/my/errors", async (RegistrationErrorStatus? status, ListRegistrationErrorsHandler h, CancellationToken ct) =>
                Results.Ok(await h.MineAsync(status, ct)))
            .WithTags("Quality");
    }
}

/// <summary>The query string of the registration-error list and export.</summary>
public sealed class RegistrationErrorQuery
{
    public RegistrationErrorStatus? Status { get; init; }

    public RegistrationErrorCategory? Category { get; init; }

    public string? Agent { get; init; }

    public string? Month { get; init; }

    public string? Q { get; init; }

    public string? After { get; init; }

    public int? PageSize { get; init; }

    public RegistrationErrorFilter ToFilter() => new(Status, Category, Agent, Month, Q);
}

public static class RegistrationErrorColumns
{
    public static ListColumns<RegistrationErrorView> For(IStringLocalizer t) => new(
        new("number", "RegistrationError.Subject", e => e.SubjectNumber),
        new("category", "RegistrationError.Category", e => t["RegistrationError.Category." + e.Category]),
        new("description", "RegistrationError.Description", e => e.Description),
        new("agent", "RegistrationError.Responsible", e => e.Responsible),
        new("status", "Common.Status", e => t["RegistrationError.Status." + e.Status]),
        new("recordedBy", "RegistrationError.RecordedBy", e => e.RecordedBy),
        new("recordedAt", "RegistrationError.RecordedAt", e => Consultations.ConsultationColumns.Local(e.RecordedAt)),
        new("correction", "RegistrationError.CorrectionNote", e => e.CorrectionNote),
        new("correctedAt", "RegistrationError.CorrectedAt", e => Consultations.ConsultationColumns.Local(e.CorrectedAt)),
        new("confirmedAt", "RegistrationError.ConfirmedAt", e => Consultations.ConsultationColumns.Local(e.ConfirmedAt)));
}

/// <summary>Exports the filtered registration-error list as CSV or XLSX, inside the actor's scope.</summary>
public sealed class ExportRegistrationErrorsHandler(ListRegistrationErrorsHandler list, TimeProvider time, IStringLocalizer<ServiceText> serviceText,
    IStringLocalizer<SharedResource> sharedText)
{
    public Result<TabularExportResult<RegistrationErrorView>> Handle(RegistrationErrorFilter filter, string? format, string? columns)
    {
        var text = new ServiceLocalizer(serviceText, sharedText);
        var parsed = TabularExport.ParseFormat(format);
        if (!parsed.IsOk)
        {
            return Result<TabularExportResult<RegistrationErrorView>>.Fail(parsed);
        }

        if (!string.IsNullOrWhiteSpace(filter.Month) && ListRegistrationErrorsHandler.ParseMonth(filter.Month) is null)
        {
            return Result<TabularExportResult<RegistrationErrorView>>.Invalid("Month", "RegistrationError.MonthFormat");
        }

        var chosen = RegistrationErrorColumns.For(text).Choose(columns);
        return chosen.IsOk
            ? Result<TabularExportResult<RegistrationErrorView>>.Ok(TabularExport.File("registration-errors", parsed.Value, chosen.Value!, text,
                list.RowsAsync(filter), time))
            : Result<TabularExportResult<RegistrationErrorView>>.Fail(chosen);
    }
}
