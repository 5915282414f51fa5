using Anxin.Domain.Common;

namespace Anxin.Domain.Dispatch;

/// <summary>
/// A survey photo of an assignment, stored in the database so that every app node serves it
/// (no node-local files). The type is read from the file's own bytes, never from what the
/// client claims; only JPEG, PNG and WebP images are accepted.
/// </summary>
public sealed class AssignmentPhoto
{
    public const int MaxFileNameLength = 100;

    private AssignmentPhoto()
    {
    }

    public Guid Id { get; private set; }

    public Guid AssignmentId { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public int SizeBytes { get; private set; }

    public byte[] Content { get; private set; } = [];

    public Guid? UploadedByStaffId { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public static AssignmentPhoto Create(Assignment assignment, string? fileName, byte[] content, int maxBytes, Guid? uploadedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(content);
        assignment.EnsureCanAddPhotos();
        if (content.Length == 0)
        {
            throw new DomainException("Dispatch.Photo.Empty", "Photos");
        }

        if (content.Length > maxBytes)
        {
            throw new DomainException("Dispatch.Photo.TooLarge", "Photos");
        }

        var type = Sniff(content) ?? throw new DomainException("Dispatch.Photo.Type", "Photos");
        return new AssignmentPhoto
        {
            Id = Guid.CreateVersion7(),
            AssignmentId = assignment.Id,
            FileName = CleanName(fileName, type),
            ContentType = type,
            SizeBytes = content.Length,
            Content = content,
            UploadedByStaffId = uploadedBy,
            UploadedAt = at,
        };
    }

    /// <summary>The image type from the magic bytes, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (b.Length >= 8 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return null;
    }

    private static string CleanName(string? fileName, string type)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/')).Trim();
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]);
        if (name.Length == 0)
        {
            name = "photo" + (type == "image/png" ? ".png" : type == "image/webp" ? ".webp" : ".jpg");
        }

        return name.Length > MaxFileNameLength ? name[^MaxFileNameLength..] : name;
    }
}
