using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Infrastructure.Messaging;

/// <summary>In-app notices to a member of staff: one outbox row per account, in the language that account chose.</summary>
public static class StaffInbox
{
    /// <summary>Adds the rows to <paramref name="db"/> (saved with the caller's change); returns how many accounts get one.</summary>
    public static async Task<int> QueueAsync(AnxinDbContext db, Guid staffId, string template, object parameters, Guid orgNodeId, string orgPath,
        DateTimeOffset now, CancellationToken ct)
    {
        var users = await db.Users.Where(u => u.StaffId == staffId).Select(u => new { u.Id, u.PreferredCulture }).ToListAsync(ct);
        var json = JsonSerializer.Serialize(parameters);
        foreach (var user in users)
        {
            db.Outbox.Add(OutboxMessage.Create(MessageChannel.InApp, user.Id.ToString(), template, json, orgNodeId, orgPath, now,
                user.PreferredCulture ?? MessageRenderer.FallbackCulture));
        }

        return users.Count;
    }
}
