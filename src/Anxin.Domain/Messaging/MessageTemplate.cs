using System.Text.Json;
using System.Text.RegularExpressions;
using Anxin.Domain.Common;

namespace Anxin.Domain.Messaging;

/// <summary>
/// The text of a notification per code, culture and channel (X-11), with <c>{placeholder}</c>
/// parameters. A template on an organisation node overrides the global one (no node) for
/// messages of that node and its subtree; the nearest node up the tree wins.
/// </summary>
public sealed partial class MessageTemplate : IVersioned
{
    public const int MaxBodyLength = 2000;
    public const int MaxTitleLength = 200;

    private MessageTemplate()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Culture { get; private set; } = "zh-CN";

    public MessageChannel Channel { get; private set; }

    /// <summary>Null: the global default.</summary>
    public Guid? OrgNodeId { get; private set; }

    /// <summary>E-mail subject or in-app title; SMS ignores it.</summary>
    public string? Title { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static MessageTemplate Create(string code, string culture, MessageChannel channel, Guid? orgNodeId, string? title, string body, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Code));
        }

        if (!Enum.IsDefined(channel))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Channel));
        }

        var template = new MessageTemplate
        {
            Id = Guid.CreateVersion7(),
            Code = code.Trim(),
            Culture = string.IsNullOrWhiteSpace(culture) ? "zh-CN" : culture.Trim(),
            Channel = channel,
            OrgNodeId = orgNodeId,
        };
        template.Edit(title, body, now);
        return template;
    }

    public void Edit(string? title, string body, DateTimeOffset now)
    {
        body = (body ?? string.Empty).Trim();
        title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        if (body.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(Body));
        }

        if (body.Length > MaxBodyLength || title?.Length > MaxTitleLength)
        {
            throw new DomainException("Validation.TooLong", body.Length > MaxBodyLength ? nameof(Body) : nameof(Title));
        }

        Title = title;
        Body = body;
        UpdatedAt = now;
    }

    public void BumpVersion() => Version++;

    /// <summary>Fills <c>{name}</c> placeholders from a JSON object; unknown placeholders stay visible.</summary>
    public static string Fill(string text, string parametersJson)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(parametersJson) ? "{}" : parametersJson);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    values[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : p.Value.GetRawText();
                }
            }
        }
        catch (JsonException)
        {
            // Bad parameters render as visible placeholders rather than failing the delivery.
        }

        return Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
