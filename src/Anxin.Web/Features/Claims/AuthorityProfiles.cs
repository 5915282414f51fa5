using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Cases;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

public sealed record AuthorityLimitInput(ProductLine? Line, AuthorityKind? Kind, decimal? MaxAmount);

/// <summary>Creates (no id) or changes a profile: its name, whether it is active, and its full set of limits.</summary>
public sealed record SaveAuthorityProfileRequest(string? Code, string? Name, bool IsActive = true, IReadOnlyList<AuthorityLimitInput>? Limits = null,
    long? Version = null);

/// <summary>To a role (optionally only inside an organisation subtree) or to one member of staff.</summary>
public sealed record AssignAuthorityRequest(string? RoleCode = null, Guid? ScopeOrgNodeId = null, Guid? StaffId = null);

public sealed record AuthorityLimitView(ProductLine Line, AuthorityKind Kind, decimal MaxAmount);

public sealed record AuthorityAssignmentView(Guid Id, AuthorityHolderKind HolderKind, string? RoleCode, string? ScopeOrgPath, string? ScopeName,
    Guid? StaffId, string? StaffName);

public sealed record AuthorityProfileView(Guid Id, string Code, string Name, bool IsActive, IReadOnlyList<AuthorityLimitView> Limits,
    IReadOnlyList<AuthorityAssignmentView> Assignments, long Version);

/// <summary>Authority profiles (理赔权限, CLM-05): named limits per line for reserves and payments, held by roles or persons.</summary>
public sealed class ManageAuthorityHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public async Task<IReadOnlyList<AuthorityProfileView>> ListAsync(CancellationToken ct)
    {
        var profiles = await db.AuthorityProfiles.AsNoTracking().Include(p => p.Limits).OrderBy(p => p.Code).ToListAsync(ct);
        // Only the holders that concern the caller: assignments scoped above or inside their scope, and
        // named persons they can see; another subtree's holders are not theirs to read.
        var visibleStaff = await StaffNames.ForVisibleAsync(db, (await db.AuthorityAssignments.AsNoTracking().Select(a => a.StaffId).ToListAsync(ct)), ct);
        var assignments = (await db.AuthorityAssignments.AsNoTracking().ToListAsync(ct))
            .Where(a => me.Concerns(a.ScopeOrgPath) && (a.StaffId is not { } person || visibleStaff.ContainsKey(person))).ToList();
        var staff = visibleStaff;
        var paths = assignments.Select(a => a.ScopeOrgPath).OfType<string>().Distinct().ToList();
        var nodes = await db.OrgNodes.IgnoreQueryFilters().AsNoTracking().Where(n => paths.Contains(n.Path)).ToDictionaryAsync(n => n.Path, n => n.Name, ct);
        return profiles.Select(p => new AuthorityProfileView(p.Id, p.Code, p.Name, p.IsActive,
            p.Limits.OrderBy(l => l.Line).ThenBy(l => l.Kind).Select(l => new AuthorityLimitView(l.Line, l.Kind, l.MaxAmount)).ToList(),
            assignments.Where(a => a.ProfileId == p.Id).OrderBy(a => a.HolderKind).ThenBy(a => a.RoleCode).Select(a => new AuthorityAssignmentView(a.Id,
                a.HolderKind, a.RoleCode, a.ScopeOrgPath, a.ScopeOrgPath is null ? null : nodes.GetValueOrDefault(a.ScopeOrgPath),
                a.StaffId, a.StaffId is { } s ? staff.GetValueOrDefault(s) : null)).ToList(),
            p.Version)).ToList();
    }

    public async Task<Result<AuthorityProfileView>> SaveAsync(Guid? id, SaveAuthorityProfileRequest request, CancellationToken ct)
    {
        AuthorityProfile? profile;
        if (id is { } existing)
        {
            profile = await db.AuthorityProfiles.Include(p => p.Limits).SingleOrDefaultAsync(p => p.Id == existing, ct);
            if (profile is null)
            {
                return Result<AuthorityProfileView>.NotFound();
            }

            if (request.Version is { } read && !db.IsAtVersion(profile, read))
            {
                return Result<AuthorityProfileView>.Conflict();
            }
        }
        else
        {
            profile = null;
        }

        var code = string.IsNullOrWhiteSpace(request.Code) ? profile?.Code : request.Code.Trim().ToUpperInvariant();
        if (code is not null && await db.AuthorityProfiles.AnyAsync(p => p.Code == code && p.Id != (profile == null ? Guid.Empty : profile.Id), ct))
        {
            return Result<AuthorityProfileView>.Invalid(nameof(request.Code), "Claim.Authority.CodeTaken");
        }

        var errors = new FieldErrors();
        var limits = request.Limits ?? [];
        for (var i = 0; i < limits.Count; i++)
        {
            if (limits[i].Line is null || limits[i].Kind is null || limits[i].MaxAmount is null)
            {
                errors.Add($"Limits[{i}]", ValidationCodes.Required);
            }
        }

        if (limits.GroupBy(l => (l.Line, l.Kind)).Any(g => g.Count() > 1))
        {
            errors.Add(nameof(request.Limits), "Claim.Authority.DuplicateLimit");
        }

        if (errors.Any)
        {
            return Result<AuthorityProfileView>.Invalid(errors.All);
        }

        try
        {
            if (profile is null)
            {
                profile = AuthorityProfile.Create(code ?? string.Empty, request.Name ?? string.Empty);
                db.AuthorityProfiles.Add(profile);
            }
            else
            {
                profile.Rename(code ?? profile.Code, request.Name ?? string.Empty);
            }

            foreach (var old in profile.Limits.Where(l => !limits.Any(n => n.Line == l.Line && n.Kind == l.Kind)).ToList())
            {
                profile.RemoveLimit(old.Line, old.Kind);
            }

            foreach (var limit in limits)
            {
                profile.SetLimit(limit.Line!.Value, limit.Kind!.Value, limit.MaxAmount!.Value);
            }

            if (request.IsActive)
            {
                profile.Activate();
            }
            else
            {
                profile.Deactivate();
            }

            // Limit rows alone still bump the profile's version (and so refuse a stale editor).
            if (db.Entry(profile).State == EntityState.Unchanged)
            {
                db.Entry(profile).Property(p => p.UpdatedAt).IsModified = true;
            }

            db.AddAuditEvent("AuthorityProfileSaved", nameof(AuthorityProfile), profile.Id,
                string.Join("; ", profile.Limits.OrderBy(l => l.Line).ThenBy(l => l.Kind)
                    .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Line}/{l.Kind} ≤ {l.MaxAmount:0.00}"))),
                "/", time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<AuthorityProfileView>.From(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<AuthorityProfileView>.Conflict();
        }

        return (await ListAsync(ct)).Single(p => p.Id == profile.Id);
    }

    public async Task<Result<AuthorityProfileView>> AssignAsync(Guid profileId, AssignAuthorityRequest request, CancellationToken ct)
    {
        var profile = await db.AuthorityProfiles.SingleOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
        {
            return Result<AuthorityProfileView>.NotFound();
        }

        AuthorityAssignment assignment;
        try
        {
            if (request.StaffId is { } staffId)
            {
                if (!await db.Staff.AnyAsync(s => s.Id == staffId, ct))
                {
                    return Result<AuthorityProfileView>.Invalid(nameof(request.StaffId), "Claim.UnknownHandler");
                }

                assignment = AuthorityAssignment.ForStaff(profile, staffId);
            }
            else
            {
                if (request.RoleCode is { } role && !RoleCodes.All.Contains(role))
                {
                    return Result<AuthorityProfileView>.Invalid(nameof(request.RoleCode), "Claim.Authority.UnknownRole");
                }

                string? scope = null;
                if (request.ScopeOrgNodeId is { } nodeId)
                {
                    scope = await db.OrgNodes.Where(n => n.Id == nodeId).Select(n => n.Path).FirstOrDefaultAsync(ct);
                    if (scope is null)
                    {
                        return Result<AuthorityProfileView>.Invalid(nameof(request.ScopeOrgNodeId), "Error.NotFound");
                    }
                }

                assignment = AuthorityAssignment.ForRole(profile, request.RoleCode ?? string.Empty, scope);
            }
        }
        catch (DomainException e)
        {
            return Result<AuthorityProfileView>.From(e);
        }

        db.AuthorityAssignments.Add(assignment);
        db.AddAuditEvent("AuthorityAssigned", nameof(AuthorityProfile), profile.Id,
            $"{profile.Code} → {assignment.HolderKind} {assignment.RoleCode ?? assignment.StaffId?.ToString()} {assignment.ScopeOrgPath}".Trim(), "/", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (await ListAsync(ct)).Single(p => p.Id == profile.Id);
    }

    public async Task<Result> UnassignAsync(Guid assignmentId, CancellationToken ct)
    {
        var assignment = await db.AuthorityAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null)
        {
            return Result.NotFound();
        }

        db.AuthorityAssignments.Remove(assignment);
        db.AddAuditEvent("AuthorityUnassigned", nameof(AuthorityProfile), assignment.ProfileId,
            $"{assignment.HolderKind} {assignment.RoleCode ?? assignment.StaffId?.ToString()} {assignment.ScopeOrgPath} by {me.Name}".Trim(), "/", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}

public sealed class AuthorityEndpoints : IEndpointModule
{
    public void Map(IEndpointRouteBuilder api)
    {
        api = api.WithFeatureText<Anxin.Web.Resources.ClaimText>();
        var group = api.MapGroup("/authority-profiles").WithTags("Claims");
        group.MapGet("/", async (ManageAuthorityHandler h, CancellationToken ct) => Results.Ok(await h.ListAsync(ct)))
            .RequirePermission(Permissions.Claims.View);
        group.MapPost("/", async (SaveAuthorityProfileRequest request, ManageAuthorityHandler h, HttpContext http, CancellationToken ct) =>
                (await h.SaveAsync(null, request, ct)).ToHttp(http, p => Results.Created($"/api/v1/authority-profiles/{p.Id}", p)))
            .RequirePermission(Permissions.Claims.ManageAuthority);
        group.MapPut("/{id:guid}", async (Guid id, SaveAuthorityProfileRequest request, ManageAuthorityHandler h, HttpContext http, CancellationToken ct) =>
                (await h.SaveAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.ManageAuthority);
        group.MapPost("/{id:guid}/assignments", async (Guid id, AssignAuthorityRequest request, ManageAuthorityHandler h, HttpContext http, CancellationToken ct) =>
                (await h.AssignAsync(id, request, ct)).ToHttp(http, Results.Ok))
            .RequirePermission(Permissions.Claims.ManageAuthority);
        group.MapDelete("/assignments/{assignmentId:guid}", async (Guid assignmentId, ManageAuthorityHandler h, HttpContext http, CancellationToken ct) =>
                (await h.UnassignAsync(assignmentId, ct)).ToHttp(http))
            .RequirePermission(Permissions.Claims.ManageAuthority);
    }
}
