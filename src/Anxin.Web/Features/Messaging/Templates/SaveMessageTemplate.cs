using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Messaging;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Messaging.Templates;

/// <summary>Version is required when the template exists (optimistic concurrency); omit it to create an override.</summary>
public sealed record SaveMessageTemplateRequest(string? Code, string? Culture, MessageChannel? Channel, Guid? OrgNodeId, string? Title, string? Body, long? Version);

/// <summary>
/// Creates or edits the template for (code, culture, channel, organisation node). Overrides go on
/// a node the user may see; global templates (no node) need an unrestricted data scope.
/// </summary>
public sealed class SaveMessageTemplateHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<Result<MessageTemplateDto>> HandleAsync(SaveMessageTemplateRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(request.Code), request.Code);
        errors.Required(nameof(request.Body), request.Body);
        if (request.Channel is null || !Enum.IsDefined(request.Channel.Value))
        {
            errors.Add(nameof(request.Channel), ValidationCodes.Required);
        }

        if (!LocalizationSetup.Supported.Contains(request.Culture ?? string.Empty, StringComparer.Ordinal))
        {
            errors.Add(nameof(request.Culture), ValidationCodes.Required);
        }

        string? nodeName = null;
        if (request.OrgNodeId is { } nodeId)
        {
            nodeName = await db.OrgNodes.Where(n => n.Id == nodeId).Select(n => n.Name).SingleOrDefaultAsync(ct);
            if (nodeName is null)
            {
                errors.Add(nameof(request.OrgNodeId), "Org.ParentNotFound");
            }
        }
        else if (me.ScopePrefix != "/")
        {
            return Result<MessageTemplateDto>.Forbidden();
        }

        if (errors.Any)
        {
            return Result<MessageTemplateDto>.Invalid(errors.All);
        }

        var code = request.Code!.Trim();
        var now = time.GetUtcNow();
        try
        {
            var template = await db.MessageTemplates.SingleOrDefaultAsync(
                t => t.Code == code && t.Culture == request.Culture && t.Channel == request.Channel && t.OrgNodeId == request.OrgNodeId, ct);
            if (template is null)
            {
                template = MessageTemplate.Create(code, request.Culture!, request.Channel!.Value, request.OrgNodeId, request.Title, request.Body!, now);
                db.MessageTemplates.Add(template);
            }
            else
            {
                if (request.Version != template.Version)
                {
                    return Result<MessageTemplateDto>.Conflict();
                }

                template.Edit(request.Title, request.Body!, now);
            }

            db.AddAuditEvent("MessageTemplateSaved", nameof(MessageTemplate), template.Id, $"{code} {request.Culture} {request.Channel}", null, now);
            await db.SaveChangesAsync(ct);
            return ListMessageTemplatesHandler.ToDto(template, nodeName);
        }
        catch (DomainException e)
        {
            return Result<MessageTemplateDto>.From(e);
        }
        catch (DbUpdateException)
        {
            return Result<MessageTemplateDto>.Conflict();
        }
    }
}
