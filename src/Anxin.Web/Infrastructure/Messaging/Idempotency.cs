using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Anxin.Data;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Infrastructure.Messaging;

/// <summary>
/// <c>.WithIdempotency()</c> on a create endpoint: with an <c>Idempotency-Key</c> header,
/// the same caller, key and body get the first response again (same status and body); the same
/// key with another body is a 409. The unique index on (caller, key) decides concurrent duplicates.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IdempotentEndpoint()).AddEndpointFilter<IdempotencyFilter>();

    /// <summary>
    /// Idempotency where the handler writes the completed record in the same transaction as the
    /// object it creates (<see cref="IdempotencyClaim"/>): no separate claim and completion
    /// round trips, and a crash can never leave a created object without its record.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotencyInHandler(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IdempotentEndpoint { RecordedByHandler = true }).AddEndpointFilter<IdempotencyFilter>();

    /// <summary>Lets the filter re-read (hash) the body after model binding consumed it.</summary>
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Request.Headers.ContainsKey(Header) && http.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is not null)
        {
            http.Request.EnableBuffering();
        }

        return next(http);
    });
}

public sealed class IdempotentEndpoint
{
    public bool RecordedByHandler { get; init; }
}

/// <summary>
/// An Idempotency-Key the handler is asked to record with its own rows (<see cref="Idempotency.WithIdempotencyInHandler"/>).
/// The handler sets <see cref="Recorded"/> after its commit, or <see cref="LostToDuplicate"/> when the
/// unique (caller, key) index refused the record: then the filter answers with the earlier outcome.
/// </summary>
public sealed class IdempotencyClaim(string caller, string key, string path, string bodyHash)
{
    public bool Recorded { get; set; }

    public bool LostToDuplicate { get; set; }

    /// <summary>The completed record of a successful response, to be written with the handler's rows.</summary>
    public IdempotencyRecord Complete(int statusCode, string body, string contentType, string? location, DateTimeOffset now)
    {
        var record = IdempotencyRecord.Start(caller, key, path, bodyHash, now);
        record.Complete(statusCode, body, contentType, location);
        return record;
    }
}

internal sealed class IdempotencyFilter(IServiceScopeFactory scopes, TimeProvider time, IStringLocalizer<SharedResource> text) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Idempotency.Header, out var values))
        {
            return await next(context);
        }

        var key = values.ToString().Trim();
        if (values.Count != 1 || key.Length == 0 || key.Length > IdempotencyRecord.MaxKeyLength)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["Idempotency.InvalidKey"]);
        }

        var caller = Caller(http.User);
        if (caller is null)
        {
            return await next(context);
        }

        var hash = await HashBodyAsync(http.Request);
        var path = http.Request.Path.Value ?? string.Empty;
        await using var scope = scopes.CreateAsyncScope();
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is { RecordedByHandler: true })
        {
            return await RecordedByHandlerAsync(context, next, scope.ServiceProvider, caller, key, path, hash);
        }

        var db = scope.ServiceProvider.GetRequiredService<AnxinDbContext>();

        var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, http.RequestAborted);
        if (existing is not null)
        {
            return Replay(existing, hash, path);
        }

        var record = IdempotencyRecord.Start(caller, key, path, hash, time.GetUtcNow());
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // A concurrent duplicate claimed the key first: answer with its outcome.
            db.ChangeTracker.Clear();
            var winner = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, http.RequestAborted);
            return winner is null ? Conflict("Idempotency.InProgress") : Replay(winner, hash, path);
        }

        try
        {
            var result = await next(context);
            var (status, body, contentType, location) = await ExecuteBufferedAsync(http, result);
            if (status >= 500)
            {
                await ForgetAsync(db, record);
            }
            else
            {
                record.Complete(status, body, contentType, location);
                await db.SaveChangesAsync(CancellationToken.None);
            }

            return Results.Empty;
        }
        catch
        {
            await ForgetAsync(db, record);
            throw;
        }
    }

    /// <summary>
    /// No lookup first: the handler's insert of the completed record meets the unique index, and only
    /// a duplicate pays for reading the earlier outcome. Responses the handler did not record (a 400,
    /// say) are recorded afterwards, as in the other mode.
    /// </summary>
    private async Task<object?> RecordedByHandlerAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, IServiceProvider services,
        string caller, string key, string path, string hash)
    {
        // The context is only needed off the fast path (a refused request or a duplicate key).
        var http = context.HttpContext;
        var claim = new IdempotencyClaim(caller, key, path, hash);
        http.Features.Set(claim);
        var result = await next(context);
        if (claim.Recorded)
        {
            return result;
        }

        if (!claim.LostToDuplicate)
        {
            var (status, body, contentType, location) = await ExecuteBufferedAsync(http, result);
            if (status >= 500)
            {
                return Results.Empty;
            }

            var record = claim.Complete(status, body, contentType ?? "application/json; charset=utf-8", location, time.GetUtcNow());
            var db = services.GetRequiredService<AnxinDbContext>();
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return Results.Empty;
            }
            catch (DbUpdateException)
            {
                // The key was used before: the response already went out; nothing more to record.
                return Results.Empty;
            }
        }

        var winner = await services.GetRequiredService<AnxinDbContext>().IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, http.RequestAborted);
        return winner is null ? Conflict("Idempotency.InProgress") : Replay(winner, hash, path);
    }

    private static string? Caller(ClaimsPrincipal user) =>
        user.FindFirstValue(AnxinClaims.ApiKeyId) is { Length: > 0 } apiKey ? "apikey:" + apiKey
        : user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId ? "user:" + userId
        : null;

    private static async Task<string> HashBodyAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek)
        {
            throw new InvalidOperationException("Idempotent endpoint without UseIdempotencyBuffering: the body cannot be re-read.");
        }

        request.Body.Position = 0;
        var hash = await SHA256.HashDataAsync(request.Body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Runs the endpoint's result into a buffer, then copies it to the client.</summary>
    private static async Task<(int Status, string Body, string? ContentType, string? Location)> ExecuteBufferedAsync(HttpContext http, object? result)
    {
        var response = http.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            var asResult = result as IResult ?? (result is null ? Results.Empty : Results.Ok(result));
            await asResult.ExecuteAsync(http);
        }
        finally
        {
            response.Body = original;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
        return (response.StatusCode, Encoding.UTF8.GetString(buffer.ToArray()), response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } l ? l : null);
    }

    private static async Task ForgetAsync(AnxinDbContext db, IdempotencyRecord record)
    {
        db.ChangeTracker.Clear();
        await db.IdempotencyRecords.Where(r => r.Id == record.Id).ExecuteDeleteAsync(CancellationToken.None);
    }

    private IResult Replay(IdempotencyRecord record, string hash, string path)
    {
        if (record.BodyHash != hash || record.Path != path)
        {
            return Conflict("Idempotency.KeyReused");
        }

        return record.IsComplete ? new ReplayResult(record) : Conflict("Idempotency.InProgress");
    }

    private IResult Conflict(string code) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text[code]);

    private sealed class ReplayResult(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = record.StatusCode;
            response.Headers[Idempotency.ReplayedHeader] = "true";
            if (record.Location is not null)
            {
                response.Headers.Location = record.Location;
            }

            if (!string.IsNullOrEmpty(record.ResponseBody))
            {
                response.ContentType = record.ContentType ?? "application/json; charset=utf-8";
                await response.WriteAsync(record.ResponseBody, httpContext.RequestAborted);
            }
        }
    }
}
