using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Messaging;

namespace Anxin.Web.Infrastructure.Messaging;

/// <summary>A rendered message ready for a gateway.</summary>
public sealed record OutgoingMessage(Guid Id, MessageChannel Channel, string Recipient, string TemplateCode, string? Title, string Body);

/// <summary>Delivers messages of one channel; throws when delivery failed (the dispatcher retries).</summary>
public interface IMessageGateway
{
    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

public interface ISmsGateway : IMessageGateway;

public interface IEmailGateway : IMessageGateway;

/// <summary>Default SMS gateway: logs the delivery with a masked mobile number and never the text.</summary>
public sealed partial class LoggingSmsGateway(ILogger<LoggingSmsGateway> log) : ISmsGateway
{
    public Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        LogSent(log, message.Id, message.TemplateCode, Masking.Mobile(message.Recipient));
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "SMS {MessageId} ({TemplateCode}) sent to {Recipient}")]
    private static partial void LogSent(ILogger logger, Guid messageId, string templateCode, string recipient);
}

/// <summary>Default e-mail gateway: logs the delivery with a masked address and never the text.</summary>
public sealed partial class LoggingEmailGateway(ILogger<LoggingEmailGateway> log) : IEmailGateway
{
    public Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        LogSent(log, message.Id, message.TemplateCode, Masking.Email(message.Recipient));
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "E-mail {MessageId} ({TemplateCode}) sent to {Recipient}")]
    private static partial void LogSent(ILogger logger, Guid messageId, string templateCode, string recipient);
}

/// <summary>
/// In-app channel: adds a <see cref="Notification"/> to the dispatcher's context, so it is saved
/// together with the message's Delivered state. The recipient is the user id.
/// </summary>
public sealed class InAppGateway(AnxinDbContext db, TimeProvider time) : IMessageGateway
{
    public Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (!Guid.TryParse(message.Recipient, out var userId))
        {
            throw new InvalidOperationException("In-app recipient is not a user id.");
        }

        db.Notifications.Add(Notification.Create(userId, message.Title ?? message.TemplateCode, message.Body, null, time.GetUtcNow()));
        return Task.CompletedTask;
    }
}
