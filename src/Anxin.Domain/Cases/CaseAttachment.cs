using Anxin.Domain.Common;

namespace Anxin.Domain.Cases;

public enum AttachmentKind
{
    /// <summary>Photos and documents sent with the report.</summary>
    Intake = 1,

    /// <summary>Photos taken by the surveyor on site.</summary>
    Survey = 2,
}

/// <summary>A photo or document of a case, stored in the database so every node serves it.</summary>
public sealed class CaseAttachment : IOrgOwned, IHasTimestamps
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxFileNameLength = 200;

    private static readonly string[] AllowedTypes = ["image/jpeg", "image/png", "image/webp", "application/pdf"];

    private CaseAttachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public int Size { get; private set; }

    public byte[] Content { get; private set; } = [];

    public Guid? UploadedByStaffId { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static CaseAttachment Create(Case owner, AttachmentKind kind, string? fileName, string? contentType, byte[] content, Guid? uploadedBy)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, "File");
        }

        if (content.Length > MaxBytes)
        {
            throw new DomainException("Attachment.TooLarge", "File");
        }

        if (contentType is null || !AllowedTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            throw new DomainException("Attachment.Type", "File");
        }

        var name = Path.GetFileName(fileName ?? "file").Trim();
        name = name.Length == 0 ? "file" : name[..Math.Min(name.Length, MaxFileNameLength)];
        return new CaseAttachment
        {
            Id = Guid.CreateVersion7(),
            CaseId = owner.Id,
            Kind = kind,
            FileName = name,
            ContentType = contentType.ToLowerInvariant(),
            Size = content.Length,
            Content = content,
            UploadedByStaffId = uploadedBy,
            OrgNodeId = owner.OrgNodeId,
            OrgPath = owner.OrgPath,
        };
    }
}
