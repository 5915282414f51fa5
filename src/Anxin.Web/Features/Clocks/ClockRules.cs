using Anxin.Data;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Data;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Clocks;

public sealed record ClockRuleDto(string Code, int Amount, DeadlineUnit Unit, int WarnPercent, bool Statutory, RuleSource Source,
    string? FromNode, int DefaultAmount, DeadlineUnit DefaultUnit, int DefaultWarnPercent)
{
    public static ClockRuleDto From(EffectiveRule r) => new(r.Rule.Code, r.Rule.Amount, r.Rule.Unit, r.Rule.WarnPercent, r.Standard.Statutory,
        r.Source, r.FromNodeName, r.Standard.Amount, r.Standard.Unit, r.Standard.WarnPercent);
}

public sealed record ChangeClockRuleRequest(int? Amount, DeadlineUnit? Unit, int? WarnPercent);

/// <summary>The clock rules in force at a node, and where each comes from.</summary>
public sealed class GetClockRulesHandler(AnxinDbContext db)
{
    public async Task<Result<IReadOnlyList<ClockRuleDto>>> HandleAsync(Guid nodeId, CancellationToken ct)
    {
        var path = await db.OrgNodes.Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(ct);
        if (path is null)
        {
            return Result<IReadOnlyList<ClockRuleDto>>.NotFound();
        }

        return (await ClockRuleBook.ForNodeAsync(db, path, ct)).Select(ClockRuleDto.From).ToList();
    }
}

/// <summary>Sets a node's own version of a rule; a statutory rule may not be made longer than the statute.</summary>
public sealed class ChangeClockRuleHandler(AnxinDbContext db, ShortCache cache, TimeProvider time)
{
    public async Task<Result<ClockRuleDto>> HandleAsync(Guid nodeId, string code, ChangeClockRuleRequest request, CancellationToken ct)
    {
        var node = await db.OrgNodes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nodeId, ct);
        var standard = DefaultClockRules.Find(code);
        if (node is null || standard is null)
        {
            return Result<ClockRuleDto>.NotFound();
        }

        var errors = new FieldErrors();
        if (request.Amount is null)
        {
            errors.Add(nameof(request.Amount), ValidationCodes.Required);
        }

        if (request.Unit is null)
        {
            errors.Add(nameof(request.Unit), ValidationCodes.Required);
        }

        if (request.WarnPercent is null)
        {
            errors.Add(nameof(request.WarnPercent), ValidationCodes.Required);
        }

        if (errors.Any)
        {
            return Result<ClockRuleDto>.Invalid(errors.All);
        }

        var setting = await db.ClockRuleSettings.SingleOrDefaultAsync(s => s.OrgNodeId == nodeId && s.Code == standard.Code, ct);
        try
        {
            if (setting is null)
            {
                db.ClockRuleSettings.Add(ClockRuleSetting.Create(nodeId, standard, request.Amount!.Value, request.Unit!.Value, request.WarnPercent!.Value));
            }
            else
            {
                setting.Change(standard, request.Amount!.Value, request.Unit!.Value, request.WarnPercent!.Value);
            }
        }
        catch (DomainException e)
        {
            return Result<ClockRuleDto>.From(e);
        }

        db.AddAuditEvent("ClockRuleChanged", nameof(ClockRuleSetting), standard.Code,
            $"{request.Amount} {request.Unit} warn {request.WarnPercent}%", node.Path, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<ClockRuleDto>.Conflict();
        }

        cache.Invalidate(ServiceClocks.RuleCacheKey);

        return ClockRuleDto.From((await ClockRuleBook.ForNodeAsync(db, node.Path, ct)).First(r => r.Rule.Code == standard.Code));
    }
}

/// <summary>Removes a node's own version of a rule: it inherits again.</summary>
public sealed class ResetClockRuleHandler(AnxinDbContext db, ShortCache cache, TimeProvider time)
{
    public async Task<Result> HandleAsync(Guid nodeId, string code, CancellationToken ct)
    {
        var path = await db.OrgNodes.Where(n => n.Id == nodeId).Select(n => n.Path).SingleOrDefaultAsync(ct);
        var setting = path is null ? null : await db.ClockRuleSettings.SingleOrDefaultAsync(s => s.OrgNodeId == nodeId && s.Code == code, ct);
        if (setting is null)
        {
            return Result.NotFound();
        }

        db.ClockRuleSettings.Remove(setting);
        db.AddAuditEvent("ClockRuleReset", nameof(ClockRuleSetting), code, null, path, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        cache.Invalidate(ServiceClocks.RuleCacheKey);
        return Result.Ok();
    }
}

public sealed class ClockRuleEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/clock-rules/{nodeId:guid}").WithTags("Clocks").RequirePermission(Domain.Administration.Permissions.Clocks.ManageRules);
        group.MapGet("/", async (Guid nodeId, GetClockRulesHandler h, HttpContext http, CancellationToken ct) =>
            (await h.HandleAsync(nodeId, ct)).ToHttp(http, Results.Ok));
        group.MapPut("/{code}", async (Guid nodeId, string code, ChangeClockRuleRequest request, ChangeClockRuleHandler h, HttpContext http, CancellationToken ct) =>
            (await h.HandleAsync(nodeId, code, request, ct)).ToHttp(http, Results.Ok));
        group.MapDelete("/{code}", async (Guid nodeId, string code, ResetClockRuleHandler h, HttpContext http, CancellationToken ct) =>
            (await h.HandleAsync(nodeId, code, ct)).ToHttp(http));
    }
}
