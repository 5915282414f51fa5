using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Dispatch;

/// <summary>An insurer's dispatch rule with the defaults filled in (an insurer without a rule shows the defaults, version null).</summary>
public sealed record DispatchRuleView(Guid InsurerId, string InsurerCode, string InsurerName, double? MaxDistanceKm, int? ArrivalLimitMinutes,
    IReadOnlyDictionary<ProductLine, IReadOnlyList<SurveyorSkills>> RequiredSkills, IReadOnlyList<Guid> PreferredStaffIds,
    IReadOnlyList<Guid> ExcludedStaffIds, long? Version)
{
    public static DispatchRuleView From(Domain.Organisation.Insurer insurer, InsurerDispatchRule? rule)
    {
        var effective = rule ?? InsurerDispatchRule.Create(insurer.Id);
        return new DispatchRuleView(insurer.Id, insurer.Code, insurer.Name, effective.MaxDistanceKm, effective.ArrivalLimitMinutes,
            effective.RequiredSkills.ToDictionary(p => p.Key, p => (IReadOnlyList<SurveyorSkills>)[.. p.Value.Split()]),
            effective.PreferredStaffIds, effective.ExcludedStaffIds, rule?.Version);
    }
}

/// <summary>Leave <see cref="Version"/> out when the insurer has no rule yet. Product lines left out of <see cref="RequiredSkills"/> keep their default.</summary>
public sealed record ChangeDispatchRuleRequest(double? MaxDistanceKm, int? ArrivalLimitMinutes,
    IReadOnlyDictionary<ProductLine, IReadOnlyList<SurveyorSkills>>? RequiredSkills, IReadOnlyList<Guid>? PreferredStaffIds,
    IReadOnlyList<Guid>? ExcludedStaffIds, long? Version);

/// <summary>Every active insurer with its dispatch rule (or the defaults); an insurer's own users see only theirs.</summary>
public sealed class ListDispatchRulesHandler(AnxinDbContext db)
{
    public async Task<IReadOnlyList<DispatchRuleView>> HandleAsync(CancellationToken ct)
    {
        var insurers = await db.Insurers.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        var rules = await db.InsurerDispatchRules.AsNoTracking().ToDictionaryAsync(r => r.InsurerId, ct);
        return [.. insurers.Select(i => DispatchRuleView.From(i, rules.GetValueOrDefault(i.Id)))];
    }

    public async Task<DispatchRuleView?> GetAsync(Guid insurerId, CancellationToken ct)
    {
        var insurer = await db.Insurers.AsNoTracking().SingleOrDefaultAsync(i => i.Id == insurerId, ct);
        return insurer is null
            ? null
            : DispatchRuleView.From(insurer, await db.InsurerDispatchRules.AsNoTracking().SingleOrDefaultAsync(r => r.InsurerId == insurerId, ct));
    }
}

/// <summary>Creates or changes an insurer's dispatch rule; the listed surveyors must exist. 409 on a stale version.</summary>
public sealed class ChangeDispatchRuleHandler(AnxinDbContext db, CurrentUser me, ListDispatchRulesHandler get, TimeProvider time)
{
    public async Task<Result<DispatchRuleView>> HandleAsync(Guid insurerId, ChangeDispatchRuleRequest request, CancellationToken ct)
    {
        if (me.InsurerId is { } own && own != insurerId)
        {
            return Result<DispatchRuleView>.NotFound();
        }

        var insurer = await db.Insurers.AsNoTracking().SingleOrDefaultAsync(i => i.Id == insurerId, ct);
        if (insurer is null)
        {
            return Result<DispatchRuleView>.NotFound();
        }

        var rule = await db.InsurerDispatchRules.SingleOrDefaultAsync(r => r.InsurerId == insurerId, ct);
        var errors = new FieldErrors();
        if (rule is not null && request.Version is null)
        {
            errors.Add(nameof(request.Version), "Validation.Version");
        }

        var listed = (request.PreferredStaffIds ?? []).Concat(request.ExcludedStaffIds ?? []).Distinct().ToList();
        if (listed.Count is > 0 and <= 2 * InsurerDispatchRule.MaxListedSurveyors
            && await db.Staff.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).CountAsync(s => listed.Contains(s.Id), ct) != listed.Count)
        {
            errors.Add((request.PreferredStaffIds ?? []).Count > 0 ? nameof(request.PreferredStaffIds) : nameof(request.ExcludedStaffIds), "Dispatch.Rule.UnknownSurveyor");
        }

        if (errors.Any)
        {
            return Result<DispatchRuleView>.Invalid(errors.All);
        }

        var creating = rule is null;
        try
        {
            if (rule is null)
            {
                rule = InsurerDispatchRule.Create(insurerId);
                db.InsurerDispatchRules.Add(rule);
            }
            else if (request.Version is not { } version || !db.IsAtVersion(rule, version))
            {
                return Result<DispatchRuleView>.Conflict();
            }

            var skills = request.RequiredSkills?.ToDictionary(p => p.Key, p => p.Value.Aggregate(SurveyorSkills.None, (all, s) => all | s));
            rule.Change(request.MaxDistanceKm, request.ArrivalLimitMinutes, skills, request.PreferredStaffIds, request.ExcludedStaffIds);
            db.AddAuditEvent("DispatchRuleChanged", nameof(InsurerDispatchRule), insurerId, insurer.Code, "/", time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<DispatchRuleView>.From(e);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || creating)
        {
            db.ChangeTracker.Clear();
            return Result<DispatchRuleView>.Conflict();
        }

        return (await get.GetAsync(insurerId, ct))!;
    }
}

public sealed class DispatchRuleEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.DispatchText>();
        var group = api.MapGroup("/insurers").WithTags("Dispatch");
        group.MapGet("/dispatch-rules", async (ListDispatchRulesHandler h, CancellationToken ct) => Results.Ok(await h.HandleAsync(ct)))
            .RequirePermission(Permissions.Dispatch.ManageRules);
        group.MapGet("/{insurerId:guid}/dispatch-rule", async (Guid insurerId, ListDispatchRulesHandler h, CancellationToken ct) =>
                await h.GetAsync(insurerId, ct) is { } rule ? Results.Ok(rule) : Results.Problem(statusCode: 404))
            .RequirePermission(Permissions.Dispatch.ManageRules);
        group.MapPut("/{insurerId:guid}/dispatch-rule", async (Guid insurerId, ChangeDispatchRuleRequest request, ChangeDispatchRuleHandler h, HttpContext http, CancellationToken ct) =>
                (await h.HandleAsync(insurerId, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Dispatch.ManageRules);
    }
}
