using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Administration;

/// <param name="InsurerCode">A commissioning insurer's code: the key then sees only that insurer's data (X-14); blank for none.</param>
public sealed record CreateApiKeyRequest(string? Name, Guid? OrgNodeId, IReadOnlyList<string>? Permissions, string? InsurerCode = null);

/// <summary>The new key, in clear text this one time; only its SHA-256 hash is stored.</summary>
public sealed record CreatedApiKeyDto(Guid Id, string Key, string Name, string Prefix, Guid OrgNodeId, IReadOnlyList<string> Permissions,
    string? InsurerCode = null);

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

        // An insurer's own administrator can only issue keys of that insurer (a blank gets it too).
        var insurerId = await Staff.StaffInsurers.ResolveAsync(db, me, request.InsurerCode, nameof(request.InsurerCode), errors, ct);
        if (errors.Any)
        {
            return Result<CreatedApiKeyDto>.Invalid(errors.All);
        }

        var insurerCode = insurerId is { } iid ? await db.Insurers.Where(i => i.Id == iid).Select(i => i.Code).SingleAsync(ct) : null;

        try
        {
            var key = ApiKeys.Generate();
            var apiKey = ApiKey.Create(request.Name!, ApiKeys.DisplayPrefix(key), ApiKeys.Hash(key), node!, permissions, me.Id ?? Guid.Empty, insurerId);
            db.ApiKeys.Add(apiKey);
            db.AddAuditEvent(EventName, nameof(ApiKey), apiKey.Id, $"{apiKey.Name} ({apiKey.Prefix}…) @ {node!.Code}{(insurerCode is null ? string.Empty : " insurer=" + insurerCode)}: {apiKey.Permissions}", apiKey.OrgPath, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return new CreatedApiKeyDto(apiKey.Id, key, apiKey.Name, apiKey.Prefix, apiKey.OrgNodeId, apiKey.PermissionList, insurerCode);
        }
        catch (DomainException e)
        {
            return Result<CreatedApiKeyDto>.From(e);
        }
    }
}
