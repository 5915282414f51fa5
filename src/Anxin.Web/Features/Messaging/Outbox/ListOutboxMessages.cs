using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Messaging;
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

public sealed record OutboxPageDto(IReadOnlyList<OutboxMessageDto> Items, string? NextCursor);

/// <summary>Outbox messages in the user's data scope, newest first, with keyset paging .</summary>
public sealed class ListOutboxMessagesHandler(AnxinDbContext db)
{
    public const int DefaultTake = 50;

    public async Task<OutboxPageDto> HandleAsync(OutboxQuery query, CancellationToken ct)
    {
        var take = Math.Clamp(query.Take ?? DefaultTake, 1, 200);
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

        if (Cursor.TryParse(query.Cursor, out var at, out var id))
        {
            q = q.Where(m => m.CreatedAt < at || (m.CreatedAt == at && m.Id < id));
        }

        var rows = await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(take + 1).ToListAsync(ct);
        var next = rows.Count > take ? Cursor.Format(rows[take - 1].CreatedAt, rows[take - 1].Id) : null;
        return new OutboxPageDto(rows.Take(take).Select(OutboxMessageDto.From).ToList(), next);
    }

    /// <summary>"{utc ticks}_{id}" of the last row shown.</summary>
    public static class Cursor
    {
        public static string Format(DateTimeOffset at, Guid id) => at.UtcTicks.ToString(CultureInfo.InvariantCulture) + "_" + id.ToString("N");

        public static bool TryParse(string? cursor, out DateTimeOffset at, out Guid id)
        {
            at = default;
            id = default;
            var parts = cursor?.Split('_');
            if (parts is not { Length: 2 } || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out id))
            {
                return false;
            }

            at = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }
    }
}
