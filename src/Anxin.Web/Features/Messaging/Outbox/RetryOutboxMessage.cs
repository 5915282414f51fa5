using Anxin.Data;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Messaging.Outbox;

/// <summary>An administrator re-queues a message that failed (or is still retrying) for immediate delivery.</summary>
public sealed class RetryOutboxMessageHandler(AnxinDbContext db, TimeProvider time)
{
    public async Task<Result<OutboxMessageDto>> HandleAsync(Guid id, CancellationToken ct)
    {
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return Result<OutboxMessageDto>.NotFound();
        }

        if (message.State == OutboxState.Sent)
        {
            return Result<OutboxMessageDto>.Conflict("Outbox.AlreadySent");
        }

        var now = time.GetUtcNow();
        message.Retry(now);
        db.AddAuditEvent("OutboxMessageRetried", nameof(OutboxMessage), message.Id, message.TemplateCode, message.OrgPath, now);
        await db.SaveChangesAsync(ct);
        return OutboxMessageDto.From(message);
    }
}
