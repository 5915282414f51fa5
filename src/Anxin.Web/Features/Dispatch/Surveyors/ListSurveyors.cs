using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Dispatch;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Microsoft.EntityFrameworkCore;
using StaffMember = Anxin.Domain.Organisation.Staff;

namespace Anxin.Web.Features.Dispatch;

/// <summary>Search and filters shared by the surveyor list and its export.</summary>
public sealed record SurveyorFilter(string? Q = null, SurveyorSkills? Skill = null, SurveyorPresence? Presence = null);

public sealed record ListSurveyorsRequest(SurveyorFilter Filter, string? After = null, int? PageSize = null);

/// <summary>A surveyor in a list. <see cref="HasProfile"/> false: the member of staff has the Surveyor role but no dispatch profile yet.</summary>
public sealed record SurveyorListItem(Guid StaffId, string WorkNumber, string Name, string? OrgNodeName, bool HasProfile,
    IReadOnlyList<SurveyorSkills> Skills, SurveyorPresence? Presence, int ActiveLoad, int LoadCap, DateTimeOffset? PositionAt,
    IReadOnlyList<string> Insurers);

/// <summary>
/// The surveyors the user may see (the data-scope filter): members of staff with the Surveyor role
/// or a dispatch profile, sorted by name then id, keyset-paged.
/// </summary>
public sealed class ListSurveyorsHandler(AnxinDbContext db)
{
    public async Task<Result<ListPage<SurveyorListItem>>> HandleAsync(ListSurveyorsRequest request, CancellationToken ct)
    {
        var query = await FilterAsync(request.Filter, ct);
        var total = await query.CountAsync(ct);
        if (request.After is { Length: > 0 } after)
        {
            if (!KeysetCursor.TryDecode(after, out string name, out Guid id))
            {
                return Result<ListPage<SurveyorListItem>>.Invalid("After", KeysetCursor.InvalidCode);
            }

            query = query.Where(s => s.Name.CompareTo(name) > 0 || (s.Name == name && s.Id.CompareTo(id) > 0));
        }

        var size = Paging.Size(request.PageSize);
        var rows = await Project(query.OrderBy(s => s.Name).ThenBy(s => s.Id).Take(size + 1)).ToListAsync(ct);
        var (page, next) = Paging.Cut(rows, size, r => KeysetCursor.Encode(r.Name, r.StaffId));
        var insurers = await db.Insurers.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        return new ListPage<SurveyorListItem>(page.Select(r => r.ToItem(insurers)).ToList(), next, total);
    }

    /// <summary>The export's rows: the same filters and scope, streamed in list order.</summary>
    public async IAsyncEnumerable<SurveyorListItem> StreamAsync(SurveyorFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var insurers = await db.Insurers.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        var query = Project((await FilterAsync(filter, ct)).OrderBy(s => s.Name).ThenBy(s => s.Id));
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row.ToItem(insurers);
        }
    }

    public async Task<IQueryable<StaffMember>> FilterAsync(SurveyorFilter filter, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == RoleCodes.Surveyor).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct) ?? Guid.Empty;
        var query = db.Staff.AsNoTracking().Where(s =>
            db.SurveyorProfiles.Any(p => p.StaffId == s.Id)
            || db.Users.Any(u => u.StaffId == s.Id && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId)));
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            q = q.Length > 100 ? q[..100] : q;
            query = query.Where(s => s.Name.Contains(q) || s.WorkNumber.StartsWith(q));
        }

        if (filter.Skill is { } skill && skill != SurveyorSkills.None)
        {
            query = query.Where(s => db.SurveyorProfiles.Any(p => p.StaffId == s.Id && (p.Skills & skill) == skill));
        }

        if (filter.Presence is { } presence)
        {
            query = query.Where(s => db.SurveyorProfiles.Any(p => p.StaffId == s.Id && p.Presence == presence));
        }

        return query;
    }

    private IQueryable<Row> Project(IQueryable<StaffMember> query) =>
        from s in query
        join p in db.SurveyorProfiles on s.Id equals p.StaffId into profiles
        from p in profiles.DefaultIfEmpty()
        select new Row(s.Id, s.WorkNumber, s.Name,
            db.OrgNodes.Where(n => n.Id == s.OrgNodeId).Select(n => n.Name).FirstOrDefault(),
            p != null, p != null ? p.Skills : SurveyorSkills.None, p != null ? (SurveyorPresence?)p.Presence : null,
            p != null ? p.ActiveLoad : 0, p != null ? p.LoadCap : 0, p != null ? p.InsurerIdList : null,
            db.SurveyorPositions.Where(x => x.StaffId == s.Id).Select(x => (DateTimeOffset?)x.ReportedAt).FirstOrDefault());

    private sealed record Row(Guid StaffId, string WorkNumber, string Name, string? OrgNodeName, bool HasProfile, SurveyorSkills Skills,
        SurveyorPresence? Presence, int ActiveLoad, int LoadCap, string? InsurerIdList, DateTimeOffset? PositionAt)
    {
        public SurveyorListItem ToItem(IReadOnlyDictionary<Guid, string> insurers) => new(StaffId, WorkNumber, Name, OrgNodeName, HasProfile,
            [.. Skills.Split()], Presence, ActiveLoad, LoadCap, PositionAt,
            [.. (InsurerIdList ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(i => Guid.TryParse(i, out var id) && insurers.TryGetValue(id, out var code) ? code : i)]);
    }
}
