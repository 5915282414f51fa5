using Anxin.Domain.Common;

namespace Anxin.Domain.Claims;

/// <summary>
/// A scanned document or photo of a claim's file (一案一卷): a received document (with its
/// checklist code) or an investigation attachment. Stored in the database so every node serves it.
/// </summary>
public sealed class ClaimAttachment : IOrgOwned, IHasTimestamps
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxFileNameLength = 200;

    private static readonly string[] AllowedTypes = ["image/jpeg", "image/png", "image/webp", "application/pdf"];

    private ClaimAttachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    /// <summary>The checklist code of the document it shows, when it is a received document.</summary>
    public string? DocumentCode { get; private set; }

    /// <summary>The investigation task it belongs to, when it is an investigation attachment.</summary>
    public Guid? InvestigationTaskId { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public int Size { get; private set; }

    public byte[] Content { get; private set; } = [];

    public Guid? UploadedByStaffId { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static ClaimAttachment Create(Claim owner, string? documentCode, Guid? investigationTaskId, string? fileName, string? contentType, byte[] content,
        Guid? uploadedBy)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(content);
        if (owner.Status == ClaimStatus.Closed)
        {
            throw new DomainException("Claim.Closed");
        }

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
        return new ClaimAttachment
        {
            Id = Guid.CreateVersion7(),
            ClaimId = owner.Id,
            DocumentCode = string.IsNullOrWhiteSpace(documentCode) ? null : documentCode.Trim(),
            InvestigationTaskId = investigationTaskId,
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
