using Anxin.Data;
using Anxin.Domain.Administration;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Administration;

/// <summary>An API key as lists and the API show it: never the key itself, nor its hash.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, Guid OrgNodeId, string OrgNodeCode, string OrgNodeName,
    IReadOnlyList<string> Permissions, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? InsurerCode = null)
{
    public static ApiKeyDto From(ApiKey k, string nodeCode, string nodeName, string? insurerCode = null) =>
        new(k.Id, k.Name, k.Prefix, k.OrgNodeId, nodeCode, nodeName, k.PermissionList, k.CreatedAt, k.RevokedAt, insurerCode);
}

/// <summary>
/// The API keys on nodes the user may see, newest first. Both sets keep their data-scope filter
/// (IgnoreQueryFilters would lift it for the whole query, keys included).
/// </summary>
public sealed class ListApiKeysHandler(AnxinDbContext db)
{
    public async Task<IReadOnlyList<ApiKeyDto>> HandleAsync(CancellationToken ct)
    {
        var rows = await (from k in db.ApiKeys.AsNoTracking()
                          join n in db.OrgNodes on k.OrgNodeId equals n.Id
                          select new { Key = k, n.Code, n.Name }).ToListAsync(ct);
        var insurers = await db.Insurers.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        return rows.OrderByDescending(r => r.Key.CreatedAt).ThenByDescending(r => r.Key.Id)
            .Select(r => ApiKeyDto.From(r.Key, r.Code, r.Name, r.Key.InsurerId is { } i ? insurers.GetValueOrDefault(i) : null)).ToList();
    }
}
