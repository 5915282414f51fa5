using Anxin.Domain.Common;

namespace Anxin.Domain.Messaging;

public enum MessageChannel
{
    Sms = 1,
    Email = 2,
    InApp = 3,
}

public enum OutboxState
{
    Pending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// A notification to deliver, written in the same transaction as the business change
/// that caused it and delivered at least once by the dispatcher.
/// </summary>
public sealed class OutboxMessage : IOrgOwned
{
    public const int MaxAttempts = 8;

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    public MessageChannel Channel { get; private set; }

    /// <summary>A mobile number, an e-mail address or a user id, by channel.</summary>
    [Sensitive(SensitiveKind.Mobile)]
    public string Recipient { get; private set; } = string.Empty;

    public string TemplateCode { get; private set; } = string.Empty;

    /// <summary>Template parameters as a JSON object.</summary>
    public string Parameters { get; private set; } = "{}";

    public string Culture { get; private set; } = "zh-CN";

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public OutboxState State { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Which dispatcher holds this message and until when (a lease, safe across nodes).</summary>
    public string? LockedBy { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The rendered text as delivered, for the administrator's view.</summary>
    public string? RenderedText { get; private set; }

    public static OutboxMessage Create(MessageChannel channel, string recipient, string templateCode, string parametersJson,
        Guid orgNodeId, string orgPath, DateTimeOffset now, string culture = "zh-CN")
    {
        if (string.IsNullOrWhiteSpace(recipient))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Recipient));
        }

        if (string.IsNullOrWhiteSpace(templateCode))
        {
            throw new DomainException(ValidationCodes.Required, nameof(TemplateCode));
        }

        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Channel = channel,
            Recipient = recipient.Trim(),
            TemplateCode = templateCode.Trim(),
            Parameters = string.IsNullOrWhiteSpace(parametersJson) ? "{}" : parametersJson,
            Culture = culture,
            OrgNodeId = orgNodeId,
            OrgPath = orgPath,
            State = OutboxState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    public void Delivered(DateTimeOffset at, string renderedText)
    {
        State = OutboxState.Sent;
        SentAt = at;
        RenderedText = renderedText;
        LockedBy = null;
        LockedUntil = null;
        LastError = null;
    }

    /// <summary>A failed attempt: retried with exponential backoff, given up after <see cref="MaxAttempts"/>.</summary>
    public void AttemptFailed(DateTimeOffset at, string error)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        LockedBy = null;
        LockedUntil = null;
        if (Attempts >= MaxAttempts)
        {
            State = OutboxState.Failed;
            return;
        }

        NextAttemptAt = at + TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, Attempts - 1)));
    }

    /// <summary>An administrator's manual retry of a failed message.</summary>
    public void Retry(DateTimeOffset at)
    {
        if (State == OutboxState.Sent)
        {
            throw new DomainException("Outbox.AlreadySent");
        }

        State = OutboxState.Pending;
        Attempts = 0;
        NextAttemptAt = at;
        LockedBy = null;
        LockedUntil = null;
    }
}
