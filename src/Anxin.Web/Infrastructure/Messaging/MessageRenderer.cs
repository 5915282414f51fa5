using Anxin.Data;
using Anxin.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Messaging;

public sealed record RenderedMessage(Guid TemplateId, string? Title, string Body);

/// <summary>
/// Picks the template for a message — the nearest one up the organisation tree from the
/// message's node, else the global one; the message's culture, else zh-CN — and fills it.
/// </summary>
public sealed class MessageRenderer(AnxinDbContext db)
{
    public const string FallbackCulture = "zh-CN";

    public async Task<RenderedMessage?> RenderAsync(OutboxMessage message, CancellationToken ct)
    {
        var template = await FindAsync(message.TemplateCode, message.Channel, message.Culture, message.OrgPath, ct);
        return template is null
            ? null
            : new RenderedMessage(template.Id, template.Title is null ? null : MessageTemplate.Fill(template.Title, message.Parameters),
                MessageTemplate.Fill(template.Body, message.Parameters));
    }

    public async Task<MessageTemplate?> FindAsync(string code, MessageChannel channel, string culture, string orgPath, CancellationToken ct)
    {
        var candidates = await db.MessageTemplates.AsNoTracking()
            .Where(t => t.Code == code && t.Channel == channel && (t.Culture == culture || t.Culture == FallbackCulture))
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return null;
        }

        var nodeIds = candidates.Where(t => t.OrgNodeId != null).Select(t => t.OrgNodeId!.Value).Distinct().ToList();
        var paths = nodeIds.Count == 0
            ? []
            : await db.OrgNodes.IgnoreQueryFilters().AsNoTracking().Where(n => nodeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Path, ct);

        int Depth(MessageTemplate t) => t.OrgNodeId is not { } id
            ? 0
            : paths.TryGetValue(id, out var path) && orgPath.StartsWith(path, StringComparison.Ordinal) ? path.Length : -1;

        var inCulture = candidates.Any(t => t.Culture == culture && Depth(t) >= 0) ? culture : FallbackCulture;
        return candidates.Where(t => t.Culture == inCulture && Depth(t) >= 0).MaxBy(Depth);
    }
}
