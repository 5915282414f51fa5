using Anxin.Web.Features.Cases;

namespace Anxin.Web.Infrastructure.Http;

/// <summary>
/// The benchmark's yardstick (BENCHMARKS.md): POST /bench/bare takes the same JSON body as the
/// loss-report API through the same pipeline, touches no database and answers 201. Mapped only with
/// <c>Bench:BareEndpoint=true</c>, anonymous, and left out of the OpenAPI document.
/// </summary>
public static class BareEndpoint
{
    public const string Path = "/bench/bare";

    public static WebApplication MapBareEndpoint(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Bench:BareEndpoint"))
        {
            app.MapPost(Path, (ReportLossRequest request) => Results.Created(Path, new { accepted = request.Description?.Length ?? 0 }))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return app;
    }
}
