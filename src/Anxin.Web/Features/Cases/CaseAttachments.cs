using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

/// <summary>A file as received (form or API), read only once its size is known to be acceptable.</summary>
public sealed record AttachmentUpload(string? FileName, long Length, Func<CancellationToken, Task<byte[]>> ReadAsync)
{
    public static AttachmentUpload From(IFormFile file) => new(file.FileName, file.Length, async ct =>
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, CaseAttachment.MaxBytes));
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    });

    public static IReadOnlyList<AttachmentUpload> From(IEnumerable<IFormFile>? files) =>
        [.. (files ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).Select(From)];
}

public sealed record ReadAttachment(string FileName, byte[] Content);

/// <summary>Checks uploads before anything is saved: how many, how big, and (by their bytes) what type; errors name the file.</summary>
public static class AttachmentUploads
{
    public const string Field = "Files";

    public static async Task<IReadOnlyList<ReadAttachment>> ReadAsync(IReadOnlyList<AttachmentUpload> uploads, FieldErrors errors, CancellationToken ct)
    {
        if (uploads.Count > CaseAttachment.MaxFilesPerUpload)
        {
            errors.Add(Field, "Attachment.TooMany", CaseAttachment.MaxFilesPerUpload.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return [];
        }

        var read = new List<ReadAttachment>();
        foreach (var upload in uploads)
        {
            var name = Path.GetFileName((upload.FileName ?? "file").Replace('\\', '/'));
            if (upload.Length > CaseAttachment.MaxBytes)
            {
                errors.Add(Field, "Attachment.FileTooLarge", name);
                continue;
            }

            var content = await upload.ReadAsync(ct);
            switch (CaseAttachment.ProblemWith(content))
            {
                case null:
                    read.Add(new ReadAttachment(name, content));
                    break;
                case "Attachment.TooLarge":
                    errors.Add(Field, "Attachment.FileTooLarge", name);
                    break;
                case ValidationCodes.Required:
                    errors.Add(Field, "Attachment.FileEmpty", name);
                    break;
                default:
                    errors.Add(Field, "Attachment.FileType", name);
                    break;
            }
        }

        return read;
    }
}

/// <summary>An attachment as listed on the case page and by the API (no content).</summary>
public sealed record CaseAttachmentItem(Guid Id, AttachmentKind Kind, string FileName, string ContentType, int Size, DateTimeOffset UploadedAt,
    Guid? UploadedByStaffId, string? UploadedBy)
{
    public string Href(Guid caseId) => $"/api/v1/cases/{caseId}/attachments/{Id}";
}

/// <summary>
/// The attachments of a case the actor may see. Attachments carry no insurer of their own: every
/// query goes through the case, whose organisation scope and insurer partition decide.
/// </summary>
public sealed class ListCaseAttachmentsHandler(AnxinDbContext db)
{
    /// <summary>Null when the case does not exist or is outside the actor's scope or insurer.</summary>
    public async Task<IReadOnlyList<CaseAttachmentItem>?> HandleAsync(Guid caseId, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, ct))
        {
            return null;
        }

        var rows = await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == caseId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new CaseAttachmentItem(a.Id, a.Kind, a.FileName, a.ContentType, a.Size, a.CreatedAt, a.UploadedByStaffId, null))
            .ToListAsync(ct);
        var names = await StaffNames.LoadAsync(db, rows.Select(r => r.UploadedByStaffId), ct);
        return [.. rows.Select(r => r with { UploadedBy = r.UploadedByStaffId is { } s ? names.GetValueOrDefault(s) : null })];
    }
}

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>One attachment's content, through its case (same permission and scope as the case page).</summary>
public sealed class GetCaseAttachmentHandler(AnxinDbContext db)
{
    public async Task<AttachmentFile?> HandleAsync(Guid caseId, Guid attachmentId, CancellationToken ct) =>
        await db.CaseAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.CaseId == caseId && db.Cases.Any(c => c.Id == caseId))
            .Select(a => new AttachmentFile(a.FileName, a.ContentType, a.Content))
            .SingleOrDefaultAsync(ct);
}

/// <summary>Adds photos or documents to a case after intake (the reporter sends more); audited per file.</summary>
public sealed class AddCaseAttachmentsHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<CaseAttachmentItem>>> HandleAsync(Guid caseId, IReadOnlyList<AttachmentUpload> uploads, CancellationToken ct)
    {
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null)
        {
            return Result<IReadOnlyList<CaseAttachmentItem>>.NotFound();
        }

        var errors = new FieldErrors();
        if (uploads.Count == 0)
        {
            errors.Add(AttachmentUploads.Field, ValidationCodes.Required);
        }

        var files = await AttachmentUploads.ReadAsync(uploads, errors, ct);
        if (errors.Any)
        {
            return Result<IReadOnlyList<CaseAttachmentItem>>.Invalid(errors.All);
        }

        var now = time.GetUtcNow();
        var added = files.Select(f => CaseAttachment.Create(@case, AttachmentKind.Intake, f.FileName, f.Content, me.StaffId)).ToList();
        db.CaseAttachments.AddRange(added);
        foreach (var a in added)
        {
            db.AddAuditEvent("CaseAttachmentAdded", nameof(CaseAttachment), a.Id, $"{@case.Number} {a.FileName} {a.ContentType} {a.Size}", @case.OrgPath, now);
        }

        await db.SaveChangesAsync(ct);
        return added.Select(a => new CaseAttachmentItem(a.Id, a.Kind, a.FileName, a.ContentType, a.Size, a.CreatedAt, a.UploadedByStaffId, null)).ToList();
    }
}
