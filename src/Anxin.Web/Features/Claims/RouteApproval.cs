using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Claims;
using Anxin.Web.Features.Clocks;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

/// <summary>
/// Authority limits (CLM-05) read from the database: a person's effective authority, and the
/// approval route for an amount. The chain is built from the organisation tree: level 1 is the
/// acting person's own node (their team lead or department head), level 2 its parent, and so on up
/// to head office; at each level, the active staff holding <see cref="Permissions.Claims.Approve"/>
/// (through a role) with their effective authority. The routing then picks the nearest level where
/// someone's limit covers the amount; the claim's handler is never a candidate.
/// </summary>
public sealed class RouteApprovalHandler(AnxinDbContext db)
{
    private Authorities? _authorities;

    public async Task<EffectiveAuthority> AuthorityOfAsync(Guid staffId, CancellationToken ct)
    {
        var people = await PeopleAsync(db.Staff.IgnoreQueryFilters().Where(s => s.Id == staffId), ct);
        return people.Count == 0 ? EffectiveAuthority.None : (await AuthoritiesAsync(ct)).Of(people[0]);
    }

    public async Task<ApprovalRoute> RouteAsync(Claim claim, Guid actingStaffId, AuthorityKind kind, decimal amount, CancellationToken ct)
    {
        var acting = await PeopleAsync(db.Staff.IgnoreQueryFilters().Where(s => s.Id == actingStaffId), ct);
        var authorities = await AuthoritiesAsync(ct);
        var actingAuthority = acting.Count == 0 ? EffectiveAuthority.None : authorities.Of(acting[0]);
        var actingPath = acting.Count == 0 ? claim.OrgPath : acting[0].OrgPath;

        // Own node first, then each ancestor up to the root.
        var levels = OrgChain.Prefixes(actingPath).Reverse().ToList();
        var candidates = await PeopleAsync(db.Staff.IgnoreQueryFilters().Where(s => s.IsActive && levels.Contains(s.OrgPath)), ct);
        var chain = levels
            .Select(path => (IReadOnlyList<ApproverCandidate>)candidates
                .Where(p => p.OrgPath == path && p.CanApprove)
                .OrderBy(p => p.WorkNumber, StringComparer.Ordinal)
                .Select(p => new ApproverCandidate(p.StaffId, authorities.Of(p)))
                .ToList())
            .ToList();
        return ApprovalRouting.Route(new ApprovalRequest(actingStaffId, actingAuthority, claim.HandlerStaffId, claim.Line, kind, amount, chain));
    }

    private async Task<List<Person>> PeopleAsync(IQueryable<Domain.Organisation.Staff> staff, CancellationToken ct)
    {
        var rows = await staff.AsNoTracking().Select(s => new { s.Id, s.OrgPath, s.WorkNumber }).ToListAsync(ct);
        var ids = rows.Select(r => (Guid?)r.Id).ToList();
        var roles = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(u.StaffId)
                           select new { u.StaffId, RoleId = r.Id, r.Name }).ToListAsync(ct);
        var roleIds = roles.Select(r => r.RoleId).Distinct().ToList();
        var approving = (await db.RolePermissions.Where(p => roleIds.Contains(p.RoleId) && p.Permission == Permissions.Claims.Approve)
            .Select(p => p.RoleId).ToListAsync(ct)).ToHashSet();
        return rows.Select(r =>
        {
            var own = roles.Where(x => x.StaffId == r.Id).ToList();
            return new Person(r.Id, r.OrgPath, r.WorkNumber, own.Select(x => x.Name!).ToList(), own.Any(x => approving.Contains(x.RoleId)));
        }).ToList();
    }

    private async Task<Authorities> AuthoritiesAsync(CancellationToken ct)
    {
        if (_authorities is null)
        {
            var profiles = await db.AuthorityProfiles.AsNoTracking().Include(p => p.Limits).ToDictionaryAsync(p => p.Id, ct);
            var assignments = await db.AuthorityAssignments.AsNoTracking().ToListAsync(ct);
            _authorities = new Authorities(assignments, profiles);
        }

        return _authorities;
    }

    private sealed record Person(Guid StaffId, string OrgPath, string WorkNumber, IReadOnlyList<string> Roles, bool CanApprove);

    private sealed class Authorities(IReadOnlyList<AuthorityAssignment> assignments, IReadOnlyDictionary<Guid, AuthorityProfile> profiles)
    {
        public EffectiveAuthority Of(Person person) =>
            EffectiveAuthority.Resolve(person.StaffId, person.OrgPath, person.Roles, assignments, profiles);
    }
}
