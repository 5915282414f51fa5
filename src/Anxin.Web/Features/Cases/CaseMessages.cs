using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Messaging;

namespace Anxin.Web.Features.Cases;

/// <summary>
/// Messages sent about a case, correlated without touching the outbox: the outbox row goes in with
/// a <see cref="QueuedEvent"/> audit event on the case naming the message id, so the case timeline
/// finds it by one keyed lookup. Any module that messages someone about a case (dispatch SMS to the
/// surveyor, say) queues through here to have it on the case's timeline.
/// </summary>
public static class CaseMessages
{
    public const string QueuedEvent = "CaseMessageQueued";

    public static void Queue(AnxinDbContext db, Case @case, OutboxMessage message, DateTimeOffset now)
    {
        db.Outbox.Add(message);
        db.AddAuditEvent(QueuedEvent, nameof(Case), @case.Id, Detail(message), @case.OrgPath, now);
    }

    /// <summary>The detail of the <see cref="QueuedEvent"/> audit event: the outbox id first.</summary>
    public static string Detail(OutboxMessage message) => $"{message.Id} {message.Channel} {message.TemplateCode}";

    /// <summary>The outbox id in a <see cref="QueuedEvent"/> detail.</summary>
    public static Guid? MessageId(string? detail) =>
        detail is { Length: >= 36 } && Guid.TryParse(detail.AsSpan(0, 36), out var id) ? id : null;
}
