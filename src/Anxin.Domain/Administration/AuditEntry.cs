namespace Anxin.Domain.Administration;

public enum AuditKind
{
    /// <summary>A field of business data changed (written by the save pipeline).</summary>
    Change = 1,

    /// <summary>A business event written on purpose by a handler.</summary>
    Event = 2,
}

/// <summary>One append-only row of the audit trail .</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public AuditKind Kind { get; private set; }

    /// <summary>Added / Modified / Deleted for changes; the event name for events.</summary>
    public string Action { get; private set; } = string.Empty;

    public string EntityType { get; private set; } = string.Empty;

    public string? EntityId { get; private set; }

    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public Guid? ActorId { get; private set; }

    public string? ActorName { get; private set; }

    public string? RequestId { get; private set; }

    /// <summary>Path of the organisation node the audited data belongs to, for data scope.</summary>
    public string OrgPath { get; private set; } = "/";

    public static AuditEntry Change(DateTimeOffset at, string action, string entityType, string? entityId,
        string? field, string? oldValue, string? newValue, Actor actor, string orgPath) => new()
        {
            Id = Guid.CreateVersion7(),
            At = at,
            Kind = AuditKind.Change,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Field = field,
            OldValue = Truncate(oldValue),
            NewValue = Truncate(newValue),
            ActorId = actor.Id,
            ActorName = actor.Name,
            RequestId = actor.RequestId,
            OrgPath = orgPath,
        };

    public static AuditEntry Event(DateTimeOffset at, string name, string entityType, string? entityId,
        string? detail, Actor actor, string orgPath) => new()
        {
            Id = Guid.CreateVersion7(),
            At = at,
            Kind = AuditKind.Event,
            Action = name,
            EntityType = entityType,
            EntityId = entityId,
            NewValue = Truncate(detail),
            ActorId = actor.Id,
            ActorName = actor.Name,
            RequestId = actor.RequestId,
            OrgPath = orgPath,
        };

    private static string? Truncate(string? value) =>
        value is { Length: > 2000 } ? value[..2000] : value;
}

/// <summary>Who is acting: a user, an API key or the system.</summary>
public sealed record Actor(Guid? Id, string Name, string? RequestId)
{
    public static readonly Actor System = new(null, "system", null);
}
