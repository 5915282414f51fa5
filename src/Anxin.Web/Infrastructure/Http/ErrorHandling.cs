using Anxin.Domain.Common;
using Anxin.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Infrastructure.Http;

/// <summary>
/// Last line of defence: a refused domain change is a 400, a lost optimistic-concurrency race
/// is a 409, malformed input is a 400. Only bugs become 500s.
/// </summary>
public sealed class ExpectedExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> text)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            DomainException d => (StatusCodes.Status400BadRequest, text[d.Code].Value),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, text["Error.Concurrency"].Value),
            BadHttpRequestException b => (b.StatusCode, text["Error.BadRequest"].Value),
            FormatException or System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, text["Error.BadRequest"].Value),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title },
        });
    }
}
