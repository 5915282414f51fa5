using System.Diagnostics;
using Anxin.Domain.Dispatch;

namespace Anxin.Domain.Tests.Dispatch;

public sealed class DispatchRankerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly GeoPoint Futian = Point(22.5431, 114.0579);
    private static readonly GeoPoint Nanshan = Point(22.5333, 113.9304);
    private static readonly GeoPoint Luohu = Point(22.5484, 114.1315);
    private static readonly GeoPoint Guangzhou = Point(23.1291, 113.2644);

    [Fact]
    public void The_nearest_surveyor_comes_first_and_the_eta_is_distance_over_speed()
    {
        var near = Surveyor(at: Luohu);
        var far = Surveyor(at: Guangzhou);

        var ranking = Rank([far, near], Motor(Futian));

        Assert.Equal([near.StaffId, far.StaffId], ranking.Candidates.Select(c => c.StaffId));
        var first = ranking.Candidates[0];
        Assert.Equal(7.6, first.DistanceKm!.Value, 1);
        Assert.Equal(16, first.EtaMinutes); // 7.6 km at 30 km/h = 15.2 min, rounded up
        Assert.Contains(new RankingReason(RankingReasonCode.Eta, 16, 7.6), first.Reasons);
        Assert.Equal(1, first.Rank);
        Assert.True(first.Score > ranking.Candidates[1].Score);
    }

    [Fact]
    public void A_faster_average_speed_shortens_the_eta()
    {
        var ranking = DispatchRanker.Rank(Pool(Surveyor(at: Luohu)), new DispatchQuery(Futian, SurveyorSkills.Motor, null, new DispatchPolicy(averageSpeedKmh: 60)));

        Assert.Equal(8, ranking.Candidates[0].EtaMinutes);
    }

    [Fact]
    public void Surveyors_without_the_required_skill_are_excluded_and_say_which_skill_is_missing()
    {
        var motorOnly = Surveyor(at: Nanshan, skills: SurveyorSkills.Motor);
        var adjuster = Surveyor(at: Guangzhou, skills: SurveyorSkills.Property | SurveyorSkills.Liability);

        var ranking = Rank([motorOnly, adjuster], Query(Futian, SurveyorSkills.Property), explain: true);

        Assert.Equal([adjuster.StaffId], ranking.Candidates.Select(c => c.StaffId));
        Assert.Contains(new RankingReason(RankingReasonCode.SkillMatched, Skill: SurveyorSkills.Property), ranking.Candidates[0].Reasons);
        var excluded = Assert.Single(ranking.Excluded);
        Assert.Equal(motorOnly.StaffId, excluded.StaffId);
        Assert.Equal([new RankingReason(RankingReasonCode.SkillMissing, Skill: SurveyorSkills.Property)], excluded.Reasons);
    }

    [Fact]
    public void A_surveyor_at_the_load_cap_is_excluded_and_load_below_the_cap_lowers_the_score()
    {
        var full = Surveyor(at: Luohu, load: 3, cap: 3);
        var busy = Surveyor(at: Luohu, load: 4, cap: 5);
        var idle = Surveyor(at: Luohu, load: 0, cap: 5);

        var ranking = Rank([full, busy, idle], Motor(Futian), explain: true);

        Assert.Equal([idle.StaffId, busy.StaffId], ranking.Candidates.Select(c => c.StaffId));
        Assert.Equal(DispatchRanker.LoadWeight * 4 / 5, ranking.Candidates[0].Score - ranking.Candidates[1].Score, 1);
        Assert.Contains(new RankingReason(RankingReasonCode.Load, 4, 5), ranking.Candidates[1].Reasons);
        Assert.Equal([new RankingReason(RankingReasonCode.AtCapacity, 3, 3)], Assert.Single(ranking.Excluded).Reasons);
        Assert.Equal((3, 2), (ranking.Considered, ranking.Eligible));
    }

    [Fact]
    public void Offline_surveyors_are_never_proposed()
    {
        var offline = Surveyor(at: Futian, presence: SurveyorPresence.Offline);

        var ranking = Rank([offline], Motor(Futian), explain: true);

        Assert.Empty(ranking.Candidates);
        Assert.Equal([new RankingReason(RankingReasonCode.Offline)], Assert.Single(ranking.Excluded).Reasons);
    }

    [Fact]
    public void A_surveyor_on_a_break_comes_after_one_on_shift_nearby_but_before_one_far_away()
    {
        var onBreak = Surveyor(at: Futian, presence: SurveyorPresence.OnBreak);
        var nearOnShift = Surveyor(at: Luohu);
        var farOnShift = Surveyor(at: Guangzhou);

        var ranking = Rank([farOnShift, onBreak, nearOnShift], Motor(Futian));

        Assert.Equal([nearOnShift.StaffId, onBreak.StaffId, farOnShift.StaffId], ranking.Candidates.Select(c => c.StaffId));
        Assert.Contains(new RankingReason(RankingReasonCode.OnBreak, -DispatchRanker.BreakPenalty), ranking.Candidates[1].Reasons);
        Assert.Contains(new RankingReason(RankingReasonCode.OnShift), ranking.Candidates[0].Reasons);
    }

    [Fact]
    public void The_insurer_rule_excludes_prefers_and_limits_distance()
    {
        var excludedByInsurer = Surveyor(at: Futian);
        var preferred = Surveyor(at: Nanshan);
        var closer = Surveyor(at: Luohu);
        var tooFar = Surveyor(at: Guangzhou);
        var policy = new DispatchPolicy(maxDistanceKm: 50, preferred: [preferred.StaffId], excluded: [excludedByInsurer.StaffId]);

        var ranking = Rank([excludedByInsurer, preferred, closer, tooFar], new DispatchQuery(Futian, SurveyorSkills.Motor, Guid.NewGuid(), policy), explain: true);

        // Nanshan is 13 km (27 min) away, Luohu 7.6 km (16 min): the insurer's preference (+15) outweighs 11 minutes.
        Assert.Equal([preferred.StaffId, closer.StaffId], ranking.Candidates.Select(c => c.StaffId));
        Assert.Contains(new RankingReason(RankingReasonCode.Preferred, DispatchRanker.PreferredBonus), ranking.Candidates[0].Reasons);
        Assert.Equal([new RankingReason(RankingReasonCode.ExcludedByInsurer)], ranking.Excluded.Single(e => e.StaffId == excludedByInsurer.StaffId).Reasons);
        var far = Assert.Single(ranking.Excluded.Single(e => e.StaffId == tooFar.StaffId).Reasons);
        Assert.Equal((RankingReasonCode.TooFar, 50d), (far.Code, far.Value2));
        Assert.InRange(far.Value!.Value, 100, 120);
    }

    [Fact]
    public void Surveyors_who_do_not_serve_the_insurer_are_excluded_but_serve_our_own_cases()
    {
        var picc = Guid.NewGuid();
        var paic = Guid.NewGuid();
        var paicOnly = Surveyor(at: Luohu, insurers: [paic]);
        var anyInsurer = Surveyor(at: Guangzhou);

        var forPicc = Rank([paicOnly, anyInsurer], new DispatchQuery(Futian, SurveyorSkills.Motor, picc, DispatchPolicy.Default), explain: true);
        var ownCase = Rank([paicOnly, anyInsurer], Motor(Futian));

        Assert.Equal([anyInsurer.StaffId], forPicc.Candidates.Select(c => c.StaffId));
        Assert.Equal([new RankingReason(RankingReasonCode.NotServingInsurer)], Assert.Single(forPicc.Excluded).Reasons);
        Assert.Equal(2, ownCase.Candidates.Count);
    }

    [Fact]
    public void An_eta_beyond_the_arrival_limit_is_penalised_and_said()
    {
        var ranking = Rank([Surveyor(at: Nanshan)], new DispatchQuery(Futian, SurveyorSkills.Motor, null, new DispatchPolicy(arrivalLimitMinutes: 20)));

        var reason = Assert.Single(ranking.Candidates[0].Reasons, r => r.Code == RankingReasonCode.EtaOverArrivalLimit);
        Assert.Equal((27d, 20d), (reason.Value, reason.Value2)); // 13.1 km at 30 km/h
    }

    [Fact]
    public void Every_exclusion_reason_is_listed_not_only_the_first()
    {
        var ranking = Rank([Surveyor(at: Futian, skills: SurveyorSkills.Property, presence: SurveyorPresence.Offline, load: 5, cap: 5)],
            Motor(Futian), explain: true);

        Assert.Equal([RankingReasonCode.Offline, RankingReasonCode.SkillMissing, RankingReasonCode.AtCapacity],
            Assert.Single(ranking.Excluded).Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Excluded_surveyors_are_only_explained_when_asked()
    {
        var ranking = Rank([Surveyor(at: Futian, presence: SurveyorPresence.Offline)], Motor(Futian));

        Assert.Empty(ranking.Excluded);
        Assert.Equal((1, 0), (ranking.Considered, ranking.Eligible));
    }

    [Fact]
    public void A_recent_reported_position_is_used_and_a_stale_one_falls_back_to_the_base()
    {
        var fresh = Surveyor(at: Guangzhou, live: Luohu, liveAt: Now.AddMinutes(-5));
        var stale = Surveyor(at: Guangzhou, live: Futian, liveAt: Now.AddHours(-2));

        var ranking = Rank([stale, fresh], Motor(Futian));

        Assert.Equal([fresh.StaffId, stale.StaffId], ranking.Candidates.Select(c => c.StaffId));
        Assert.DoesNotContain(ranking.Candidates[0].Reasons, r => r.Code == RankingReasonCode.BaseLocation);
        Assert.Contains(ranking.Candidates[1].Reasons, r => r.Code == RankingReasonCode.BaseLocation);
        Assert.True(ranking.Candidates[1].DistanceKm > 100);
    }

    [Fact]
    public void Without_scene_coordinates_distance_plays_no_part_and_load_decides()
    {
        var busyNear = Surveyor(at: Futian, load: 2);
        var idleFar = Surveyor(at: Guangzhou, load: 0);

        var ranking = Rank([busyNear, idleFar], new DispatchQuery(null, SurveyorSkills.Motor, null, DispatchPolicy.Default));

        Assert.Equal([idleFar.StaffId, busyNear.StaffId], ranking.Candidates.Select(c => c.StaffId));
        Assert.All(ranking.Candidates, c => Assert.Null(c.EtaMinutes));
        Assert.Contains(new RankingReason(RankingReasonCode.EtaUnknown), ranking.Candidates[0].Reasons);
    }

    [Fact]
    public void Only_the_top_n_are_returned_in_order_and_ties_resolve_the_same_way_every_time()
    {
        var surveyors = Enumerable.Range(0, 30).Select(_ => Surveyor(at: Luohu)).ToList();

        var once = Rank(surveyors, Motor(Futian), top: 3);
        surveyors.Reverse();
        var again = Rank(surveyors, Motor(Futian), top: 3);

        Assert.Equal([1, 2, 3], once.Candidates.Select(c => c.Rank));
        Assert.Equal(once.Candidates.Select(c => c.StaffId), again.Candidates.Select(c => c.StaffId));
        Assert.Equal(surveyors.Select(s => s.StaffId).Order().Take(3), once.Candidates.Select(c => c.StaffId));
    }

    [Fact]
    public void The_top_n_are_the_best_of_all_not_the_first_found()
    {
        var random = new Random(42);
        var surveyors = Enumerable.Range(0, 500).Select(_ => Surveyor(at: Point(22.4 + (random.NextDouble() * 0.4), 113.8 + (random.NextDouble() * 0.4)),
            load: random.Next(0, 5))).ToList();

        var ranking = Rank(surveyors, Motor(Futian), top: 10, explain: true);
        var all = Rank(surveyors, Motor(Futian), top: DispatchRanker.MaxTop);

        Assert.Equal(all.Candidates.Take(10).Select(c => c.StaffId), ranking.Candidates.Select(c => c.StaffId));
        Assert.True(all.Candidates.Zip(all.Candidates.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Equal(surveyors.Count, ranking.Eligible + ranking.Excluded.Count);
    }

    [Fact]
    public void No_one_farther_than_a_distance_scores_above_the_best_score_beyond_it()
    {
        var random = new Random(5);
        var insurer = Guid.NewGuid();
        var surveyors = Enumerable.Range(0, 3_000).Select(i => Surveyor(
            at: Point(21 + (random.NextDouble() * 4), 112 + (random.NextDouble() * 4)),
            presence: (SurveyorPresence)random.Next(2, 4),
            load: random.Next(0, 5),
            insurers: i % 4 == 0 ? [insurer] : null)).ToList();
        foreach (var policy in new[]
        {
            DispatchPolicy.Default,
            new DispatchPolicy(averageSpeedKmh: 45, arrivalLimitMinutes: 20, preferred: surveyors.Where((_, i) => i % 7 == 0).Select(s => s.StaffId)),
        })
        {
            var ranking = DispatchRanker.Rank(Pool([.. surveyors]), new DispatchQuery(Futian, SurveyorSkills.Motor, insurer, policy), DispatchRanker.MaxTop);

            Assert.NotEmpty(ranking.Candidates);
            Assert.All(ranking.Candidates, c => Assert.True(c.Score <= Math.Round(DispatchRanker.BestScoreBeyond(c.DistanceKm!.Value - 0.05, policy), 1),
                $"{c.Score} at {c.DistanceKm} km beats the bound {DispatchRanker.BestScoreBeyond(c.DistanceKm!.Value, policy)}"));
        }

        // The bound is tight: a surveyor on shift, idle and preferred, at the scene's distance, reaches it.
        var best = Surveyor(at: Luohu);
        var preferred = new DispatchPolicy(preferred: [best.StaffId]);
        var top = DispatchRanker.Rank(Pool(best), new DispatchQuery(Futian, SurveyorSkills.Motor, null, preferred)).Candidates[0];
        Assert.Equal(Math.Round(DispatchRanker.BestScoreBeyond(Futian.DistanceKmTo(Luohu), preferred), 1), top.Score);
    }

    [Fact]
    public void Ten_thousand_surveyors_rank_in_well_under_five_milliseconds()
    {
        var random = new Random(7);
        var insurer = Guid.NewGuid();
        var surveyors = Enumerable.Range(0, 10_000).Select(i => Surveyor(
            at: Point(22 + (random.NextDouble() * 2), 113 + (random.NextDouble() * 2)),
            skills: (SurveyorSkills)random.Next(1, 16),
            presence: (SurveyorPresence)random.Next(1, 4),
            load: random.Next(0, 6),
            insurers: i % 3 == 0 ? [insurer] : null,
            live: Point(22 + (random.NextDouble() * 2), 113 + (random.NextDouble() * 2)),
            liveAt: Now.AddMinutes(-random.Next(0, 60)))).ToList();
        var pool = DispatchPool.Create(surveyors, Now);
        var query = new DispatchQuery(Futian, SurveyorSkills.Motor, insurer,
            new DispatchPolicy(maxDistanceKm: 150, arrivalLimitMinutes: 30, preferred: surveyors.Take(20).Select(s => s.StaffId)));

        DispatchRanker.Rank(pool, query, 10); // warm-up (JIT)
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 20; run++)
        {
            var watch = Stopwatch.StartNew();
            var ranking = DispatchRanker.Rank(pool, query, 10);
            watch.Stop();
            best = watch.Elapsed < best ? watch.Elapsed : best;
            Assert.Equal(10, ranking.Candidates.Count);
        }

        Assert.True(best < TimeSpan.FromMilliseconds(5), $"Ranking 10,000 surveyors took {best.TotalMilliseconds:0.00} ms");
    }

    private static DispatchRanking Rank(IEnumerable<SurveyorCandidate> surveyors, DispatchQuery query, int top = 5, bool explain = false) =>
        DispatchRanker.Rank(Pool([.. surveyors]), query, top, explain);

    private static DispatchPool Pool(params SurveyorCandidate[] surveyors) => DispatchPool.Create(surveyors, Now);

    private static DispatchQuery Motor(GeoPoint scene) => Query(scene, SurveyorSkills.Motor);

    private static DispatchQuery Query(GeoPoint scene, SurveyorSkills skills) => new(scene, skills, null, DispatchPolicy.Default);

    private static SurveyorCandidate Surveyor(GeoPoint at, SurveyorSkills skills = SurveyorSkills.Motor, SurveyorPresence presence = SurveyorPresence.OnShift,
        int load = 0, int cap = 5, Guid[]? insurers = null, GeoPoint? live = null, DateTimeOffset? liveAt = null) =>
        new(Guid.CreateVersion7(), skills, presence, load, cap, at, live, liveAt, insurers);

    private static GeoPoint Point(double lat, double lng) => GeoPoint.Create(lat, lng).Value;
}
