using System.Linq.Expressions;
using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Dispatch;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anxin.Web.Features.Dispatch;

/// <summary>A surveyor as the recommendation shows them.</summary>
public sealed record SurveyorSummary(Guid StaffId, string Name, string WorkNumber, string? OrgNodeName, SurveyorPresence Presence, int ActiveLoad, int LoadCap);

/// <summary>What the ranker needs of one surveyor of the pool (a narrow read: no names).</summary>
public sealed record PoolMember(Guid StaffId, SurveyorSkills Skills, SurveyorPresence Presence, int ActiveLoad, int LoadCap, double BaseLatitude,
    double BaseLongitude, string InsurerIdList, double? LiveLatitude, double? LiveLongitude, DateTimeOffset? LiveAt)
{
    public SurveyorCandidate ToCandidate() => new(StaffId, Skills, Presence, ActiveLoad, LoadCap, GeoPoint.Create(BaseLatitude, BaseLongitude).Value,
        LiveLatitude is { } lat && LiveLongitude is { } lng ? GeoPoint.Create(lat, lng).Value : null, LiveAt, SurveyorProfile.ParseInsurerIds(InsurerIdList));
}

/// <summary>Everything the ranker needs for one case: the whole pool of the case's branch.</summary>
public sealed record DispatchPlan(DispatchPool Pool, DispatchQuery Query, IReadOnlyDictionary<Guid, PoolMember> Members, int? ArrivalLimitMinutes)
{
    public DispatchRanking Rank(int top, bool explain) => DispatchRanker.Rank(Pool, Query, top, explain);
}

/// <summary>A recommendation: the ranking, the query it answered and the pool members it names.</summary>
public sealed record DispatchAnswer(DispatchRanking Ranking, DispatchQuery Query, IReadOnlyDictionary<Guid, PoolMember> Members, int? ArrivalLimitMinutes,
    IReadOnlyDictionary<Guid, StaffLabel>? Names = null);

/// <summary>How a surveyor is named in a recommendation.</summary>
public sealed record StaffLabel(string Name, string WorkNumber, string? OrgNodeName);

/// <summary>
/// Builds the dispatch plan of a case: the required skills (the insurer's rule or the product
/// line's default, plus personal injury when someone is hurt), the insurer's policy, the arrival
/// limit, and the pool of surveyors of the case's branch (<see cref="DispatchArea"/>) — read past
/// the dispatcher's own organisation scope, since a dispatch centre serves its whole branch.
/// <para>
/// <see cref="RecommendAsync"/> ranks the branch's pool kept in memory (<see cref="DispatchPoolCache"/>:
/// a few seconds old at most, and not used after a change to profiles, staff or rules saved on this
/// node until brought up to date) when there is one and no surveyor is to be left out. Otherwise it
/// answers without reading the whole pool when the scene is known: a count of the pool and of who
/// is eligible (one aggregate over an index), then only the surveyors whose position lies in a box
/// around the scene, widened until nobody outside could outrank the top found
/// (<see cref="DispatchRanker.BestScoreBeyond"/>). The answer is the
/// one the whole pool gives; ranking every surveyor (<see cref="PlanAsync"/>) remains for
/// explanations, scenes without coordinates and assignment checks.
/// </para>
/// </summary>
public sealed partial class DispatchPlanner(AnxinDbContext db, IOptions<DispatchOptions> options, DispatchPoolCache pools, ShortCache cache,
    TimeProvider time, ILogger<DispatchPlanner> log)
{
    /// <summary>The first search radius around the scene (half an hour's drive in town), doubled until the answer is certain.</summary>
    public const double FirstRadiusKm = 15;

    public async Task<DispatchPlan> PlanAsync(Case subject, Guid? leaveOut, CancellationToken ct)
    {
        var (query, arrival) = await QueryForAsync(subject, ct);
        var now = time.GetUtcNow();
        var members = await ReadAsync(Members(DispatchArea.PrefixFor(subject.OrgPath), leaveOut), ct);
        return new DispatchPlan(DispatchPool.Create(members.Select(m => m.ToCandidate()), now, LiveFor), query, members.ToDictionary(m => m.StaffId), arrival);
    }

    /// <summary>The branch's whole pool, ready for the ranker (what <see cref="DispatchPoolCache"/> keeps).</summary>
    public async Task<PoolSnapshot> ReadPoolAsync(string area, CancellationToken ct)
    {
        var members = await ReadAsync(Members(area, null), ct);
        return await SnapshotAsync(members.ToDictionary(m => m.StaffId), await NamesAsync(Members(area, null), ct), ct);
    }

    /// <summary>
    /// The kept pool brought up to date: only the surveyors whose profile, staff record or reported
    /// position was saved at or after <paramref name="since"/> are read (three index searches, then
    /// those in the branch's pool), each replacing, adding or — gone from the pool — removing its
    /// member; the insurers' rules are read again whole. Null when more than
    /// <paramref name="mostChanges"/> changed: then reading the whole pool is as quick.
    /// </summary>
    public async Task<(PoolSnapshot Snapshot, int Changed)?> ReadPoolChangesAsync(string area, PoolSnapshot kept, DateTimeOffset since, int mostChanges,
        CancellationToken ct)
    {
        var changed = await db.SurveyorProfiles.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).Where(p => p.UpdatedAt >= since).Select(p => p.StaffId)
            .Concat(db.SurveyorPositions.Where(p => p.ReportedAt >= since).Select(p => p.StaffId))
            .Concat(db.Staff.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).Where(s => s.UpdatedAt >= since).Select(s => s.Id))
            .ToListAsync(ct);
        var ids = changed.Distinct().ToList();
        if (ids.Count > mostChanges)
        {
            return null;
        }

        var members = new Dictionary<Guid, PoolMember>(kept.Members);
        var names = new Dictionary<Guid, StaffLabel>(kept.Names);
        foreach (var id in ids)
        {
            members.Remove(id);
            names.Remove(id);
        }

        if (ids.Count > 0)
        {
            var pool = Members(area, null).Where(p => EF.Parameter(ids).Contains(p.StaffId));
            foreach (var member in await ReadAsync(pool, ct))
            {
                members[member.StaffId] = member;
            }

            foreach (var (id, label) in await NamesAsync(pool, ct))
            {
                names[id] = label;
            }
        }

        return (await SnapshotAsync(members, names, ct), ids.Count);
    }

    /// <summary>The best <paramref name="top"/> surveyors for the case (with every exclusion explained when asked: then the whole pool is read).</summary>
    public async Task<DispatchAnswer> RecommendAsync(Case subject, Guid? leaveOut, int top, bool explain, CancellationToken ct)
    {
        if (explain || GeoPoint.Create(subject.Latitude, subject.Longitude) is not { IsValid: true })
        {
            var plan = await PlanAsync(subject, leaveOut, ct);
            return new DispatchAnswer(plan.Rank(top, explain), plan.Query, plan.Members, plan.ArrivalLimitMinutes);
        }

        var area = DispatchArea.PrefixFor(subject.OrgPath);
        if (leaveOut is null && pools.TryGet(area, out var snapshot))
        {
            // The branch's pool (and the insurers' rules) as read moments ago, unchanged on this node since.
            var rule = subject.InsurerId is { } insurer ? snapshot.Rules.GetValueOrDefault(insurer) : null;
            var (kept, keptArrival) = await QueryForAsync(subject, rule, ct);
            return new DispatchAnswer(DispatchRanker.Rank(snapshot.Pool, kept, top), kept, snapshot.Members, keptArrival, snapshot.Names);
        }

        var (query, arrival) = await QueryForAsync(subject, ct);
        var now = time.GetUtcNow();
        var pool = Members(area, leaveOut);
        var (considered, eligible) = await CountAsync(pool, query, ct);
        var scene = query.Scene!.Value;
        var maxKm = query.Policy.MaxDistanceKm;
        if (maxKm is { } limit)
        {
            // The insurer's maximum distance takes part in eligibility: count those within it exactly.
            eligible = await CountWithinAsync(pool, query, GeoBox.Around(scene, limit), now, ct);
        }

        for (var radius = Math.Min(FirstRadiusKm, maxKm ?? double.MaxValue); ; radius = Math.Min(radius * 2, maxKm ?? double.MaxValue))
        {
            var box = GeoBox.Around(scene, radius);
            var members = await ReadInBoxAsync(pool, query, box, now, ct);
            var ranking = DispatchRanker.Rank(DispatchPool.Create(members.Select(m => m.ToCandidate()), now, LiveFor), query, top);

            // The box's top is the pool's when the box holds everyone eligible (at the insurer's maximum
            // distance it does), or when nobody outside could score as high as its last (scores are
            // rounded to 0.1: compare with the lowest it may have been).
            var everyone = ranking.Eligible == eligible || radius >= maxKm;
            var certain = ranking.Candidates.Count == top
                && ranking.Candidates[^1].Score - 0.051 >= DispatchRanker.BestScoreBeyond(radius, query.Policy);
            if (everyone || certain || box.IsWorld)
            {
                LogSearched(log, subject.Id, radius, members.Count, considered, eligible);
                return new DispatchAnswer(ranking with { Considered = considered, Eligible = eligible }, query, members.ToDictionary(m => m.StaffId), arrival);
            }
        }
    }

    /// <summary>
    /// Names, work numbers and nodes for the surveyors an answer shows: from the kept pool when the
    /// answer came from it, else one query each for staff and nodes, whatever the scope (the ids go
    /// as one array parameter, however many an explanation lists).
    /// </summary>
    public async Task<Dictionary<Guid, SurveyorSummary>> SummariesAsync(DispatchAnswer answer, IEnumerable<Guid> shown, CancellationToken ct)
    {
        var members = answer.Members;
        var ids = shown.Distinct().ToList();
        if (answer.Names is { } names && ids.All(names.ContainsKey))
        {
            return ids.ToDictionary(id => id, id =>
            {
                var (m, label) = (members[id], names[id]);
                return new SurveyorSummary(id, label.Name, label.WorkNumber, label.OrgNodeName, m.Presence, m.ActiveLoad, m.LoadCap);
            });
        }

        var staff = await db.Staff.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.WorkNumber, s.OrgNodeId }).ToListAsync(ct);
        var nodeIds = staff.Select(s => s.OrgNodeId).Distinct().ToList();
        var nodes = await db.OrgNodes.IgnoreQueryFilters().AsNoTracking().Where(n => nodeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        return staff.ToDictionary(s => s.Id, s =>
        {
            var m = members[s.Id];
            return new SurveyorSummary(s.Id, s.Name, s.WorkNumber, nodes.GetValueOrDefault(s.OrgNodeId), m.Presence, m.ActiveLoad, m.LoadCap);
        });
    }

    /// <summary>The insurer's arrival commitment, else the Case.Arrival clock rule in force at the case's node (when counted in minutes).</summary>
    public async Task<int?> ArrivalLimitAsync(Case subject, InsurerDispatchRule? rule, CancellationToken ct)
    {
        if (rule?.ArrivalLimitMinutes is { } minutes)
        {
            return minutes;
        }

        var clockRule = await ServiceClocks.RuleInForceAsync(cache, db, DefaultClockRules.SurveyorArrival.Code, subject.OrgPath, ct);
        return clockRule is { Unit: DeadlineUnit.Minutes } r ? r.Amount : null;
    }

    private TimeSpan LiveFor => TimeSpan.FromMinutes(Math.Max(1, options.Value.PositionLiveMinutes));

    private async Task<(DispatchQuery Query, int? ArrivalLimitMinutes)> QueryForAsync(Case subject, CancellationToken ct)
    {
        var rule = subject.InsurerId is { } insurerId
            ? await db.InsurerDispatchRules.AsNoTracking().SingleOrDefaultAsync(r => r.InsurerId == insurerId, ct)
            : null;
        return await QueryForAsync(subject, rule, ct);
    }

    private async Task<(DispatchQuery Query, int? ArrivalLimitMinutes)> QueryForAsync(Case subject, InsurerDispatchRule? rule, CancellationToken ct)
    {
        var skills = rule?.RequiredSkillsFor(subject.Line) ?? InsurerDispatchRule.DefaultSkillsFor(subject.Line);
        if (subject.Injuries)
        {
            skills |= SurveyorSkills.PersonalInjury;
        }

        var arrival = await ArrivalLimitAsync(subject, rule, ct);
        var speed = options.Value.AverageSpeedKmh > 0 ? options.Value.AverageSpeedKmh : DispatchPolicy.DefaultAverageSpeedKmh;
        var policy = rule?.ToPolicy(speed, arrival) ?? new DispatchPolicy(speed, arrivalLimitMinutes: arrival);
        var scene = GeoPoint.Create(subject.Latitude, subject.Longitude);
        return (new DispatchQuery(scene.IsValid ? scene.Value : null, skills, subject.InsurerId, policy), arrival);
    }

    /// <summary>The pool: profiles of the branch whose member of staff is active, less the one to leave out.</summary>
    private IQueryable<SurveyorProfile> Members(string area, Guid? leaveOut)
    {
        var profiles = db.SurveyorProfiles.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking();

        // SQLite's LIKE never uses an index (it is case-insensitive there); GLOB does, and paths are digits and slashes.
        profiles = db.IsSqlite ? profiles.Where(p => EF.Functions.Glob(p.OrgPath, area + "*")) : profiles.Where(p => p.OrgPath.StartsWith(area));
        var inactive = db.Staff.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).Where(s => !s.IsActive).Select(s => s.Id);
        return profiles.Where(p => p.StaffId != leaveOut && !inactive.Contains(p.StaffId));
    }

    /// <summary>
    /// Who may serve the case wherever they are: the ranker's rules (<see cref="DispatchRanker"/>)
    /// but distance — not offline, every required skill, below the load cap, serving the case's
    /// insurer, not refused by it — for the database to apply.
    /// </summary>
    private static Expression<Func<SurveyorProfile, bool>> EligibleWherever(DispatchQuery query)
    {
        var required = query.RequiredSkills;
        var insurer = query.InsurerId?.ToString();
        var excluded = query.Policy.Excluded.ToList();
        return p => p.Presence != SurveyorPresence.Offline
            && (p.Skills & required) == required
            && p.ActiveLoad < p.LoadCap
            && (insurer == null || p.InsurerIdList == string.Empty || p.InsurerIdList.Contains(insurer))
            && !excluded.Contains(p.StaffId);
    }

    /// <summary>How many the pool holds and how many of them are eligible wherever they are, in one pass over an index.</summary>
    private static async Task<(int Considered, int Eligible)> CountAsync(IQueryable<SurveyorProfile> pool, DispatchQuery query, CancellationToken ct)
    {
        // Both counts without a GROUP BY: every member adds 1, an eligible one also 2^32.
        const long eligibleUnit = 1L << 32;
        var eligible = EligibleWherever(query);
        var weight = Expression.Lambda<Func<SurveyorProfile, long>>(
            Expression.Condition(eligible.Body, Expression.Constant(eligibleUnit + 1), Expression.Constant(1L)), eligible.Parameters);
        var sum = await pool.SumAsync(weight, ct);
        return ((int)(sum & (eligibleUnit - 1)), (int)(sum >> 32));
    }

    /// <summary>
    /// How many eligible surveyors are within the insurer's maximum distance: the eligible ones that
    /// may be in the box around the scene, read as their effective position alone (the last reported
    /// position while fresh, else the base), measured by the ranker itself.
    /// </summary>
    private async Task<int> CountWithinAsync(IQueryable<SurveyorProfile> pool, DispatchQuery query, GeoBox box, DateTimeOffset now, CancellationToken ct)
    {
        var freshSince = now - LiveFor;
        var points = await (from p in InBox(pool.Where(EligibleWherever(query)), box, freshSince)
                            join pos in db.SurveyorPositions on p.StaffId equals pos.StaffId into positions
                            from pos in positions.DefaultIfEmpty()
                            let live = pos != null && pos.ReportedAt >= freshSince
                            select new { p.StaffId, Latitude = live ? pos!.Latitude : p.BaseLatitude, Longitude = live ? pos!.Longitude : p.BaseLongitude })
            .ToListAsync(ct);
        var places = points.DistinctBy(p => p.StaffId).Select(p => new SurveyorCandidate(p.StaffId, SurveyorSkillSet.All, SurveyorPresence.OnShift, 0, 1,
            GeoPoint.Create(p.Latitude, p.Longitude).Value));
        var distanceOnly = query with { RequiredSkills = SurveyorSkills.None, InsurerId = null, Policy = new DispatchPolicy(maxDistanceKm: query.Policy.MaxDistanceKm) };
        return DispatchRanker.Rank(DispatchPool.Create(places, now, LiveFor), distanceOnly, 1).Eligible;
    }

    /// <summary>
    /// Eligible pool members whose base lies in the box or whose fresh reported position does (two
    /// index searches); the others could never be recommended.
    /// </summary>
    private async Task<List<PoolMember>> ReadInBoxAsync(IQueryable<SurveyorProfile> pool, DispatchQuery query, GeoBox box, DateTimeOffset now,
        CancellationToken ct)
    {
        var members = await Project(InBox(pool.Where(EligibleWherever(query)), box, now - LiveFor)).ToListAsync(ct);
        return [.. members.DistinctBy(m => m.StaffId)];
    }

    /// <summary>Profiles whose base lies in the box, then (UNION ALL, one round trip) those whose fresh reported position does: each an index search.</summary>
    private IQueryable<SurveyorProfile> InBox(IQueryable<SurveyorProfile> profiles, GeoBox box, DateTimeOffset freshSince)
    {
        var byBase = profiles.Where(p => p.BaseLatitude >= box.MinLatitude && p.BaseLatitude <= box.MaxLatitude
            && p.BaseLongitude >= box.MinLongitude && p.BaseLongitude <= box.MaxLongitude);
        var live = db.SurveyorPositions.Where(s => s.Latitude >= box.MinLatitude && s.Latitude <= box.MaxLatitude
            && s.Longitude >= box.MinLongitude && s.Longitude <= box.MaxLongitude && s.ReportedAt >= freshSince).Select(s => s.StaffId);
        return byBase.Concat(profiles.Where(p => live.Contains(p.StaffId)));
    }

    /// <summary>The pool ready for the ranker, with the insurers' dispatch rules read whole (a handful).</summary>
    private async Task<PoolSnapshot> SnapshotAsync(Dictionary<Guid, PoolMember> members, Dictionary<Guid, StaffLabel> names, CancellationToken ct)
    {
        var rules = await db.InsurerDispatchRules.AsNoTracking().ToDictionaryAsync(r => r.InsurerId, ct);
        return new(DispatchPool.Create(members.Values.Select(m => m.ToCandidate()), time.GetUtcNow(), LiveFor), members, names, rules);
    }

    /// <summary>Names, work numbers and nodes of the given profiles' staff, whatever the scope.</summary>
    private async Task<Dictionary<Guid, StaffLabel>> NamesAsync(IQueryable<SurveyorProfile> profiles, CancellationToken ct)
    {
        var names = await (from p in profiles
                           join s in db.Staff.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]) on p.StaffId equals s.Id
                           join n in db.OrgNodes.IgnoreQueryFilters() on s.OrgNodeId equals n.Id
                           select new { s.Id, s.Name, s.WorkNumber, Node = n.Name }).ToListAsync(ct);
        return names.DistinctBy(n => n.Id).ToDictionary(n => n.Id, n => new StaffLabel(n.Name, n.WorkNumber, n.Node));
    }

    private Task<List<PoolMember>> ReadAsync(IQueryable<SurveyorProfile> profiles, CancellationToken ct) => Project(profiles).ToListAsync(ct);

    /// <summary>The narrow row of each profile, with its last reported position if any.</summary>
    private IQueryable<PoolMember> Project(IQueryable<SurveyorProfile> profiles) =>
        from p in profiles
        join pos in db.SurveyorPositions on p.StaffId equals pos.StaffId into positions
        from pos in positions.DefaultIfEmpty()
        select new PoolMember(p.StaffId, p.Skills, p.Presence, p.ActiveLoad, p.LoadCap, p.BaseLatitude, p.BaseLongitude, p.InsurerIdList,
            pos != null ? (double?)pos.Latitude : null, pos != null ? (double?)pos.Longitude : null, pos != null ? (DateTimeOffset?)pos.ReportedAt : null);

    [LoggerMessage(LogLevel.Debug, "Recommendation for case {CaseId}: searched {RadiusKm} km around the scene, read {Read} of {Considered} ({Eligible} eligible anywhere)")]
    private static partial void LogSearched(ILogger logger, Guid caseId, double radiusKm, int read, int considered, int eligible);

}
