using Anxin.Data;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Messaging.Outbox;

public sealed record OutboxQuery(OutboxState? State, MessageChannel? Channel, string? TemplateCode, DateOnly? Date, string? Cursor, int? Take);

public sealed record OutboxMessageDto(Guid Id, DateTimeOffset CreatedAt, MessageChannel Channel, string Recipient, string TemplateCode,
    string Culture, OutboxState State, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError, string? RenderedText)
{
    public static OutboxMessageDto From(OutboxMessage m) => new(m.Id, m.CreatedAt, m.Channel, MaskRecipient(m.Channel, m.Recipient), m.TemplateCode,
        m.Culture, m.State, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError, m.RenderedText);

    public static string MaskRecipient(MessageChannel channel, string recipient) => channel switch
    {
        MessageChannel.Sms => Masking.Mobile(recipient),
        MessageChannel.Email => Masking.Email(recipient),
        _ => recipient,
    };
}

/// <summary>Outbox messages in the user's data scope, newest first, with keyset paging .</summary>
public sealed class ListOutboxMessagesHandler(AnxinDbContext db)
{
    public const int DefaultTake = 50;

    public async Task<Result<ListPage<OutboxMessageDto>>> HandleAsync(OutboxQuery query, CancellationToken ct)
    {
        var take = Paging.Size(query.Take, DefaultTake);
        var q = db.Outbox.AsNoTracking();
        if (query.State is { } state)
        {
            q = q.Where(m => m.State == state);
        }

        if (query.Channel is { } channel)
        {
            q = q.Where(m => m.Channel == channel);
        }

        if (!string.IsNullOrWhiteSpace(query.TemplateCode))
        {
            var code = query.TemplateCode.Trim();
            q = q.Where(m => m.TemplateCode == code);
        }

        if (query.Date is { } date)
        {
            var offset = WorkingCalendar.ChinaTime.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue));
            var from = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), offset);
            var to = from.AddDays(1);
            q = q.Where(m => m.CreatedAt >= from && m.CreatedAt < to);
        }

        if (!string.IsNullOrEmpty(query.Cursor))
        {
            if (!KeysetCursor.TryDecode(query.Cursor, out DateTimeOffset at, out Guid id))
            {
                return Result<ListPage<OutboxMessageDto>>.Invalid(nameof(query.Cursor), KeysetCursor.InvalidCode);
            }

            q = q.Where(m => m.CreatedAt < at || (m.CreatedAt == at && m.Id < id));
        }

        var rows = await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(take + 1).ToListAsync(ct);
        var (page, next) = Paging.Cut(rows, take, m => KeysetCursor.Encode(m.CreatedAt, m.Id));
        return new ListPage<OutboxMessageDto>(page.Select(OutboxMessageDto.From).ToList(), next);
    }
}
