using Anxin.Data;
using Anxin.Domain.Calls;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Calls;

/// <summary>
/// A node's own wording of a step. Blank text removes the node's wording (the step is inherited
/// again). <paramref name="Version"/> is required when the node already has its own wording.
/// </summary>
public sealed record SaveCallScriptRequest(Guid? OrgNodeId, ScriptStep? Step, string? Text, long? Version);

/// <summary>A node's own forbidden phrases, one per line; <paramref name="Inherit"/> removes the node's list.</summary>
public sealed record SaveForbiddenPhrasesRequest(Guid? OrgNodeId, string? Phrases, bool? Inherit, long? Version);

/// <summary>Edits the scripts of a node in the user's scope (CC-02); optimistic concurrency; every change is audited.</summary>
public sealed class SaveCallScriptHandler(AnxinDbContext db, GetScriptSettingsHandler settings)
{
    public async Task<Result<ScriptSettings>> HandleAsync(SaveCallScriptRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Step is not { } step || !Enum.IsDefined(step))
        {
            errors.Add(nameof(request.Step), ValidationCodes.Required);
        }

        var node = request.OrgNodeId is { } nodeId ? await db.OrgNodes.SingleOrDefaultAsync(n => n.Id == nodeId, ct) : null;
        if (node is null)
        {
            errors.Add(nameof(request.OrgNodeId), request.OrgNodeId is null ? ValidationCodes.Required : "Org.ParentNotFound");
        }

        if (errors.Any)
        {
            return Result<ScriptSettings>.Invalid(errors.All);
        }

        var script = await db.CallScripts.SingleOrDefaultAsync(s => s.OrgNodeId == node!.Id && s.Step == request.Step, ct);
        try
        {
            if (script is not null && script.Version != request.Version)
            {
                return Result<ScriptSettings>.Conflict();
            }

            if (string.IsNullOrWhiteSpace(request.Text))
            {
                if (script is not null)
                {
                    db.CallScripts.Remove(script);
                }
            }
            else if (script is null)
            {
                db.CallScripts.Add(CallScript.Create(node!, request.Step!.Value, request.Text));
            }
            else
            {
                script.Edit(request.Text);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<ScriptSettings>.From(e);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Result<ScriptSettings>.Conflict();
        }

        return (await settings.HandleAsync(node!.Id, ct))!;
    }
}

public sealed class SaveForbiddenPhrasesHandler(AnxinDbContext db, GetScriptSettingsHandler settings)
{
    public async Task<Result<ScriptSettings>> HandleAsync(SaveForbiddenPhrasesRequest request, CancellationToken ct)
    {
        var node = request.OrgNodeId is { } nodeId ? await db.OrgNodes.SingleOrDefaultAsync(n => n.Id == nodeId, ct) : null;
        if (node is null)
        {
            return Result<ScriptSettings>.Invalid(nameof(request.OrgNodeId), request.OrgNodeId is null ? ValidationCodes.Required : "Org.ParentNotFound");
        }

        var list = await db.ForbiddenPhraseLists.SingleOrDefaultAsync(l => l.OrgNodeId == node.Id, ct);
        try
        {
            if (list is not null && list.Version != request.Version)
            {
                return Result<ScriptSettings>.Conflict();
            }

            var phrases = (request.Phrases ?? string.Empty).Split('\n');
            if (request.Inherit == true)
            {
                if (list is not null)
                {
                    db.ForbiddenPhraseLists.Remove(list);
                }
            }
            else if (list is null)
            {
                db.ForbiddenPhraseLists.Add(ForbiddenPhraseList.Create(node, phrases));
            }
            else
            {
                list.Replace(phrases);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<ScriptSettings>.From(e);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Result<ScriptSettings>.Conflict();
        }

        return (await settings.HandleAsync(node.Id, ct))!;
    }
}
