using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Claims;

/// <summary>A document handed in: its checklist code (or only its name), and the documents it makes necessary (names).</summary>
public sealed record ReceivedDocumentInput(string? Code = null, string? Name = null, IReadOnlyList<string>? Raises = null);

public sealed record ReceiveDocumentsRequest(IReadOnlyList<ReceivedDocumentInput>? Documents, long? Version = null);

public sealed record RequireDocumentRequest(string? Name, string? Code = null, long? Version = null);

public sealed record WaiveDocumentRequest(string? Reason, long? Version = null);

public sealed record VersionRequest(long? Version = null);

/// <summary>
/// Registers one submission by the claimant (CLM-02): each document received, optionally with its
/// scan (stored with the claim's file), and the documents it raised. When the last item of an open
/// missing-documents notice arrives the decision clock resumes.
/// </summary>
public sealed class ReceiveClaimDocumentsHandler(ChangeClaimHandler changes, GetClaimHandler details, AnxinDbContext db)
{
    public async Task<Result<ClaimDetail>> HandleAsync(Guid id, ReceiveDocumentsRequest request, CancellationToken ct) =>
        await ReceiveAsync(id, request.Documents ?? [], request.Version, null, ct);

    /// <summary>One document with its scan.</summary>
    public async Task<Result<ClaimDetail>> UploadAsync(Guid id, string? code, string? name, string? fileName, string? contentType, byte[] content,
        long? version, CancellationToken ct) =>
        await ReceiveAsync(id, [new ReceivedDocumentInput(code, name)], version, (fileName, contentType, content), ct);

    private async Task<Result<ClaimDetail>> ReceiveAsync(Guid id, IReadOnlyList<ReceivedDocumentInput> input, long? version,
        (string? FileName, string? ContentType, byte[] Content)? file, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, version, (claim, actor) =>
        {
            var documents = input.Select(d => Resolve(claim, d)).ToList();
            if (file is { } f)
            {
                db.ClaimAttachments.Add(ClaimAttachment.Create(claim, documents[0].Code, null, f.FileName, f.ContentType, f.Content, actor.StaffId));
            }

            claim.ReceiveDocuments(documents, actor.Now);
            var raised = documents.SelectMany(d => d.Raises ?? []).Select(r => r.Name).ToList();
            return new ClaimEvent("ClaimDocumentsReceived", string.Join("、", documents.Select(d => d.Name))
                + (raised.Count > 0 ? " → " + string.Join("、", raised) : string.Empty) + (file is null ? string.Empty : " (+file)"));
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    /// <summary>A code of the claim's checklist, or a name (its code is derived), plus the documents it raises.</summary>
    private static ReceivedDocument Resolve(Claim claim, ReceivedDocumentInput input)
    {
        var code = string.IsNullOrWhiteSpace(input.Code) ? null : input.Code.Trim();
        var known = code is null ? null : claim.Documents.FirstOrDefault(d => d.Code == code);
        var name = string.IsNullOrWhiteSpace(input.Name) ? known?.Name ?? string.Empty : input.Name.Trim();
        code ??= name.Length == 0 ? string.Empty : DocumentCodes.For(name);
        var raises = (input.Raises ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(DocumentCodes.Requirement).ToList();
        return new ReceivedDocument(code, name, raises);
    }
}

/// <summary>Adds a required document to the checklist (a later notice may only ask for it if a submission raised it, art. 22).</summary>
public sealed class RequireClaimDocumentHandler(ChangeClaimHandler changes, GetClaimHandler details)
{
    public async Task<Result<ClaimDetail>> HandleAsync(Guid id, RequireDocumentRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, (claim, actor) =>
        {
            var name = (request.Name ?? string.Empty).Trim();
            var code = string.IsNullOrWhiteSpace(request.Code) ? (name.Length == 0 ? string.Empty : DocumentCodes.For(name)) : request.Code.Trim();
            claim.RequireDocuments([new DocumentRequirement(code, name)], actor.Now);
            return new ClaimEvent("ClaimDocumentRequired", name);
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }
}

/// <summary>Stops requiring a document, with a reason.</summary>
public sealed class WaiveClaimDocumentHandler(ChangeClaimHandler changes, GetClaimHandler details)
{
    public async Task<Result<ClaimDetail>> HandleAsync(Guid id, string code, WaiveDocumentRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, (claim, actor) =>
        {
            var name = claim.Documents.FirstOrDefault(d => d.Code == code)?.Name ?? code;
            claim.WaiveDocument(code, request.Reason ?? string.Empty, actor.Now);
            return new ClaimEvent("ClaimDocumentWaived", $"{name}: {request.Reason}");
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }
}

/// <summary>
/// Sends the one-time missing-documents notice (一次性通知, art. 22): everything still missing, by SMS
/// (the printable notice is <c>/claims/{id}/notices/missing-documents</c>); the decision clock pauses
/// until everything listed has arrived. A second notice for items the first did not ask for is refused
/// unless the claimant's new submission raised them.
/// </summary>
public sealed class SendMissingDocumentsNoticeHandler(ChangeClaimHandler changes, GetClaimHandler details, AnxinDbContext db)
{
    public async Task<Result<ClaimDetail>> HandleAsync(Guid id, VersionRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, (claim, actor) =>
        {
            var notice = claim.SendMissingDocumentsNotice(actor.StaffId, actor.Now);
            var names = notice.Items().Select(code => claim.Documents.First(d => d.Code == code).Name).ToList();
            db.Outbox.Add(OutboxMessage.Create(MessageChannel.Sms, claim.ClaimantMobile, "Claim.MissingDocuments", JsonSerializer.Serialize(new
            {
                claimNumber = claim.Number,
                documents = string.Join("、", names),
            }), claim.OrgNodeId, claim.OrgPath, actor.Now));
            return new ClaimEvent("MissingDocumentsNoticeSent", $"#{notice.Round}: {string.Join("、", names)}");
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }
}
