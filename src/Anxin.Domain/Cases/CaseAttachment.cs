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

    /// <summary>How many files one upload (the intake form, or one later upload) may carry.</summary>
    public const int MaxFilesPerUpload = 10;

    /// <summary>The types accepted, for the file picker's <c>accept</c> attribute.</summary>
    public const string AcceptedTypes = "image/jpeg,image/png,image/webp,application/pdf";

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

    public static CaseAttachment Create(Case owner, AttachmentKind kind, string? fileName, byte[] content, Guid? uploadedBy)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(content);
        if (ProblemWith(content) is { } problem)
        {
            throw new DomainException(problem, "File");
        }

        // The last path segment (Windows or Unix separators), without control characters.
        var name = new string(Path.GetFileName((fileName ?? "file").Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        name = name.Length == 0 ? "file" : name[..Math.Min(name.Length, MaxFileNameLength)];
        return new CaseAttachment
        {
            Id = Guid.CreateVersion7(),
            CaseId = owner.Id,
            Kind = kind,
            FileName = name,
            ContentType = Sniff(content)!,
            Size = content.Length,
            Content = content,
            UploadedByStaffId = uploadedBy,
            OrgNodeId = owner.OrgNodeId,
            OrgPath = owner.OrgPath,
        };
    }

    /// <summary>Why a file cannot be attached (a message code), or null when it can. The bytes decide the type, not the name.</summary>
    public static string? ProblemWith(ReadOnlySpan<byte> content) =>
        content.Length == 0 ? ValidationCodes.Required
        : content.Length > MaxBytes ? "Attachment.TooLarge"
        : Sniff(content) is null ? "Attachment.Type"
        : null;

    /// <summary>The type the content's signature shows (JPEG, PNG, WebP or PDF); null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) => content switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', ..] => "application/pdf",
        _ => null,
    };
}
