using Anxin.Data;
using Anxin.Domain.Dispatch;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Anxin.Web.Features.Dispatch;

public sealed record CandidateView(Guid StaffId, string Name, string WorkNumber, string? OrgNodeName, int Rank, double Score, int? EtaMinutes,
    double? DistanceKm, SurveyorPresence Presence, int ActiveLoad, int LoadCap, IReadOnlyList<ReasonView> Reasons);

public sealed record ExcludedView(Guid StaffId, string Name, string WorkNumber, IReadOnlyList<ReasonView> Reasons);

/// <summary>The ranked surveyors for a case and why (CC-04), with the rules that applied.</summary>
public sealed record Recommendation(Guid CaseId, string CaseNumber, IReadOnlyList<SurveyorSkills> RequiredSkills, double AverageSpeedKmh,
    double? MaxDistanceKm, int? ArrivalLimitMinutes, bool SceneKnown, Guid? CurrentSurveyorStaffId, int Considered, int Eligible,
    IReadOnlyList<CandidateView> Candidates, IReadOnlyList<ExcludedView> Excluded);

/// <summary>
/// Recommends surveyors for a case the dispatcher can see: the surveyors of the case's branch
/// ranked by <see cref="DispatchRanker"/>, each with the reasons for its place; with
/// <c>explain</c>, also everyone left out and why. The surveyor currently assigned is left out
/// (a recommendation on an assigned case is for a reassignment).
/// </summary>
public sealed class RecommendSurveyorsHandler(AnxinDbContext db, DispatchPlanner planner, IOptions<DispatchOptions> options,
    IStringLocalizer<DispatchText> dispatchText, IStringLocalizer<Resources.SharedResource> sharedText)
{
    public async Task<Result<Recommendation>> HandleAsync(Guid caseId, int? top, bool explain, CancellationToken ct)
    {
        // One connection for the dozen small reads (on SQLite every open and close takes the pool's lock and sets the connection up again).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await RecommendAsync(caseId, top, explain, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Result<Recommendation>> RecommendAsync(Guid caseId, int? top, bool explain, CancellationToken ct)
    {
        var subject = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (subject is null)
        {
            return Result<Recommendation>.NotFound();
        }

        if (!subject.IsDispatchable)
        {
            return Result<Recommendation>.Conflict("Case.NotDispatchable");
        }

        var current = await db.Assignments.OpenOf(caseId).Select(a => (Guid?)a.SurveyorStaffId).FirstOrDefaultAsync(ct);
        var answer = await planner.RecommendAsync(subject, current, Math.Clamp(top ?? options.Value.Recommendations, 1, 20), explain, ct);
        var ranking = answer.Ranking;
        var names = await planner.SummariesAsync(answer, ranking.Candidates.Select(c => c.StaffId).Concat(ranking.Excluded.Select(e => e.StaffId)), ct);
        var text = new DispatchLocalizer(dispatchText, sharedText);
        var candidates = ranking.Candidates.Select(c =>
        {
            var s = names[c.StaffId];
            return new CandidateView(c.StaffId, s.Name, s.WorkNumber, s.OrgNodeName, c.Rank, c.Score, c.EtaMinutes, c.DistanceKm, s.Presence,
                s.ActiveLoad, s.LoadCap, RankingReasonText.Describe(c.Reasons, text));
        }).ToList();
        var excluded = ranking.Excluded.Select(e =>
        {
            var s = names[e.StaffId];
            return new ExcludedView(e.StaffId, s.Name, s.WorkNumber, RankingReasonText.Describe(e.Reasons, text));
        }).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var policy = answer.Query.Policy;
        return new Recommendation(subject.Id, subject.Number, [.. answer.Query.RequiredSkills.Split()], policy.AverageSpeedKmh, policy.MaxDistanceKm,
            answer.ArrivalLimitMinutes, answer.Query.Scene is not null, current, ranking.Considered, ranking.Eligible, candidates, excluded);
    }
}
