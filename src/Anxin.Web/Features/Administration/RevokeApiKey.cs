using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Administration;

/// <summary>
/// Revokes a key in the user's scope at once (the next request with it gets 401) and writes an
/// "ApiKeyRevoked" audit event. Revoking twice is a conflict (409), not a silent success, so a
/// caller learns that somebody else already revoked it.
/// </summary>
public sealed class RevokeApiKeyHandler(AnxinDbContext db, CurrentUser me, Infrastructure.Data.ShortCache cache, TimeProvider time)
{
    public const string EventName = "ApiKeyRevoked";

    public async Task<Result> HandleAsync(Guid id, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return Result.NotFound();
        }

        if (key.IsRevoked)
        {
            return Result.Conflict("ApiKeys.AlreadyRevoked");
        }

        var now = time.GetUtcNow();
        key.Revoke(me.Id ?? Guid.Empty, now);
        db.AddAuditEvent(EventName, nameof(ApiKey), key.Id, $"{key.Name} ({key.Prefix}…)", key.OrgPath, now);
        try
        {
            await db.SaveChangesAsync(ct);
            cache.Invalidate(ApiKeys.CacheKey);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict("ApiKeys.AlreadyRevoked");
        }
    }
}
