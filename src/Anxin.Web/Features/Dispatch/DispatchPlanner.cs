using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Dispatch;
using Anxin.Web.Features.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Anxin.Web.Features.Dispatch;

/// <summary>A surveyor as the recommendation shows them.</summary>
public sealed record SurveyorSummary(Guid StaffId, string Name, string WorkNumber, string? OrgNodeName, SurveyorPresence Presence, int ActiveLoad, int LoadCap);

/// <summary>Everything the ranker needs for one case, and the names to show with its answer.</summary>
public sealed record DispatchPlan(DispatchPool Pool, DispatchQuery Query, IReadOnlyDictionary<Guid, SurveyorSummary> Surveyors, int? ArrivalLimitMinutes)
{
    public DispatchRanking Rank(int top, bool explain) => DispatchRanker.Rank(Pool, Query, top, explain);
}

/// <summary>
/// Builds the dispatch plan of a case: the required skills (the insurer's rule or the product
/// line's default, plus personal injury when someone is hurt), the insurer's policy, the arrival
/// limit, and the pool of surveyors of the case's branch (<see cref="DispatchArea"/>) — read past
/// the dispatcher's own organisation scope, since a dispatch centre serves its whole branch.
/// </summary>
public sealed class DispatchPlanner(AnxinDbContext db, IOptions<DispatchOptions> options, TimeProvider time)
{
    public async Task<DispatchPlan> PlanAsync(Case subject, Guid? leaveOut, CancellationToken ct)
    {
        var rule = subject.InsurerId is { } insurerId
            ? await db.InsurerDispatchRules.AsNoTracking().SingleOrDefaultAsync(r => r.InsurerId == insurerId, ct)
            : null;
        var skills = rule?.RequiredSkillsFor(subject.Line) ?? InsurerDispatchRule.DefaultSkillsFor(subject.Line);
        if (subject.Injuries)
        {
            skills |= SurveyorSkills.PersonalInjury;
        }

        var arrival = await ArrivalLimitAsync(subject, rule, ct);
        var speed = options.Value.AverageSpeedKmh > 0 ? options.Value.AverageSpeedKmh : DispatchPolicy.DefaultAverageSpeedKmh;
        var policy = rule?.ToPolicy(speed, arrival) ?? new DispatchPolicy(speed, arrivalLimitMinutes: arrival);
        var scene = GeoPoint.Create(subject.Latitude, subject.Longitude);
        var query = new DispatchQuery(scene.IsValid ? scene.Value : null, skills, subject.InsurerId, policy);

        var area = DispatchArea.PrefixFor(subject.OrgPath);
        var rows = await (from p in db.SurveyorProfiles.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName])
                          join s in db.Staff.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]) on p.StaffId equals s.Id
                          join pos in db.SurveyorPositions on p.StaffId equals pos.StaffId into positions
                          from pos in positions.DefaultIfEmpty()
                          where p.OrgPath.StartsWith(area) && s.IsActive && p.StaffId != leaveOut
                          select new
                          {
                              Profile = p,
                              s.Name,
                              s.WorkNumber,
                              Node = db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == s.OrgNodeId).Select(n => n.Name).FirstOrDefault(),
                              Lat = pos != null ? (double?)pos.Latitude : null,
                              Lng = pos != null ? (double?)pos.Longitude : null,
                              At = pos != null ? (DateTimeOffset?)pos.ReportedAt : null,
                          }).AsNoTracking().ToListAsync(ct);
        var candidates = rows.Select(r => new SurveyorCandidate(r.Profile.StaffId, r.Profile.Skills, r.Profile.Presence, r.Profile.ActiveLoad,
            r.Profile.LoadCap, r.Profile.Base, r.Lat is { } lat && r.Lng is { } lng ? GeoPoint.Create(lat, lng).Value : null, r.At, r.Profile.InsurerIds));
        var pool = DispatchPool.Create(candidates, time.GetUtcNow(), TimeSpan.FromMinutes(Math.Max(1, options.Value.PositionLiveMinutes)));
        var surveyors = rows.ToDictionary(r => r.Profile.StaffId,
            r => new SurveyorSummary(r.Profile.StaffId, r.Name, r.WorkNumber, r.Node, r.Profile.Presence, r.Profile.ActiveLoad, r.Profile.LoadCap));
        return new DispatchPlan(pool, query, surveyors, arrival);
    }

    /// <summary>The insurer's arrival commitment, else the Case.Arrival clock rule in force at the case's node (when counted in minutes).</summary>
    public async Task<int?> ArrivalLimitAsync(Case subject, InsurerDispatchRule? rule, CancellationToken ct)
    {
        if (rule?.ArrivalLimitMinutes is { } minutes)
        {
            return minutes;
        }

        var clockRule = await ClockRuleBook.FindAsync(db, DefaultClockRules.SurveyorArrival.Code, subject.OrgPath, ct);
        return clockRule is { Unit: DeadlineUnit.Minutes } r ? r.Amount : null;
    }
}
