using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Administration;

public sealed record CreateApiKeyRequest(string? Name, Guid? OrgNodeId, IReadOnlyList<string>? Permissions);

/// <summary>The new key, in clear text this one time; only its SHA-256 hash is stored.</summary>
public sealed record CreatedApiKeyDto(Guid Id, string Key, string Name, string Prefix, Guid OrgNodeId, IReadOnlyList<string> Permissions);

/// <summary>
/// Issues an API key on a node inside the user's scope, carrying only permissions the user
/// holds themselves, and writes an "ApiKeyCreated" audit event.
/// </summary>
public sealed class CreateApiKeyHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public const string EventName = "ApiKeyCreated";

    public async Task<Result<CreatedApiKeyDto>> HandleAsync(CreateApiKeyRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(request.Name), request.Name);
        var permissions = (request.Permissions ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToList();
        if (permissions.Count == 0)
        {
            errors.Add(nameof(request.Permissions), "ApiKey.NoPermissions");
        }
        else if (permissions.Any(p => !Permissions.IsKnown(p)))
        {
            errors.Add(nameof(request.Permissions), "ApiKey.UnknownPermission");
        }
        else if (permissions.Any(p => !me.Has(p)))
        {
            errors.Add(nameof(request.Permissions), "ApiKeys.PermissionNotHeld");
        }

        // The scope filter hides nodes outside the user's subtree: they are "not found".
        var node = request.OrgNodeId is { } nodeId ? await db.OrgNodes.SingleOrDefaultAsync(n => n.Id == nodeId, ct) : null;
        if (node is null)
        {
            errors.Add(nameof(request.OrgNodeId), request.OrgNodeId is null ? ValidationCodes.Required : "ApiKeys.NodeNotFound");
        }

        if (errors.Any)
        {
            return Result<CreatedApiKeyDto>.Invalid(errors.All);
        }

        try
        {
            var key = ApiKeys.Generate();
            var apiKey = ApiKey.Create(request.Name!, ApiKeys.DisplayPrefix(key), ApiKeys.Hash(key), node!, permissions, me.Id ?? Guid.Empty);
            db.ApiKeys.Add(apiKey);
            db.AddAuditEvent(EventName, nameof(ApiKey), apiKey.Id, $"{apiKey.Name} ({apiKey.Prefix}…) @ {node!.Code}: {apiKey.Permissions}", apiKey.OrgPath, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return new CreatedApiKeyDto(apiKey.Id, key, apiKey.Name, apiKey.Prefix, apiKey.OrgNodeId, apiKey.PermissionList);
        }
        catch (DomainException e)
        {
            return Result<CreatedApiKeyDto>.From(e);
        }
    }
}
