using Anxin.Data;
using Anxin.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Messaging.Templates;

public sealed record MessageTemplateDto(Guid Id, string Code, string Culture, MessageChannel Channel, Guid? OrgNodeId, string? OrgNodeName,
    string? Title, string Body, long Version, DateTimeOffset UpdatedAt);

/// <summary>The global templates and the overrides on the organisation nodes the user may see.</summary>
public sealed class ListMessageTemplatesHandler(AnxinDbContext db)
{
    public async Task<IReadOnlyList<MessageTemplateDto>> HandleAsync(string? code, CancellationToken ct)
    {
        var nodes = await db.OrgNodes.AsNoTracking().Select(n => new { n.Id, n.Name }).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var q = db.MessageTemplates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(code))
        {
            var trimmed = code.Trim();
            q = q.Where(t => t.Code == trimmed);
        }

        var templates = await q.ToListAsync(ct);
        return templates
            .Where(t => t.OrgNodeId is null || nodes.ContainsKey(t.OrgNodeId.Value))
            .OrderBy(t => t.Code, StringComparer.Ordinal).ThenBy(t => t.Channel).ThenBy(t => t.Culture, StringComparer.Ordinal)
            .ThenBy(t => t.OrgNodeId is null ? string.Empty : nodes[t.OrgNodeId.Value], StringComparer.Ordinal)
            .Select(t => ToDto(t, t.OrgNodeId is { } id ? nodes[id] : null))
            .ToList();
    }

    public static MessageTemplateDto ToDto(MessageTemplate t, string? nodeName) =>
        new(t.Id, t.Code, t.Culture, t.Channel, t.OrgNodeId, nodeName, t.Title, t.Body, t.Version, t.UpdatedAt);
}
