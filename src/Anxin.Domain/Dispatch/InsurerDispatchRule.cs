using Anxin.Domain.Common;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Dispatch;

/// <summary>
/// How a commissioning insurer (委托公司) wants its cases dispatched: the skill each product
/// line needs, the farthest a surveyor may come from, its arrival commitment, and surveyors it
/// prefers or will not have. An insurer without a rule gets the defaults.
/// </summary>
public sealed class InsurerDispatchRule : IVersioned, IAudited, IHasTimestamps
{
    public const double MaxDistanceLimitKm = 1000;
    public const int MaxArrivalMinutes = 24 * 60;
    public const int MaxListedSurveyors = 50;

    private InsurerDispatchRule()
    {
    }

    public Guid InsurerId { get; private set; }

    Guid IAudited.Id => InsurerId;

    /// <summary>Surveyors farther than this (great-circle km) are not proposed; null: no limit.</summary>
    public double? MaxDistanceKm { get; private set; }

    /// <summary>Minutes from acknowledgement to arrival on site (the Case.Arrival clock); null: the clock rule's default.</summary>
    public int? ArrivalLimitMinutes { get; private set; }

    /// <summary>Product lines whose required skills differ from <see cref="DefaultSkillsFor"/>, as "Line=Skill, Skill;…" (audited as text).</summary>
    public string SkillOverrides { get; private set; } = string.Empty;

    /// <summary>Comma-separated staff ids the insurer prefers.</summary>
    public string PreferredStaffIdList { get; private set; } = string.Empty;

    /// <summary>Comma-separated staff ids the insurer will not have on its cases.</summary>
    public string ExcludedStaffIdList { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<Guid> PreferredStaffIds => Ids(PreferredStaffIdList);

    public IReadOnlyList<Guid> ExcludedStaffIds => Ids(ExcludedStaffIdList);

    /// <summary>The required skills per product line, defaults merged with this insurer's overrides.</summary>
    public IReadOnlyDictionary<ProductLine, SurveyorSkills> RequiredSkills =>
        Enum.GetValues<ProductLine>().ToDictionary(l => l, RequiredSkillsFor);

    /// <summary>Motor → motor, property → property, liability → liability, accident/health/life → personal injury, extended warranty → property.</summary>
    public static SurveyorSkills DefaultSkillsFor(ProductLine line) => line switch
    {
        ProductLine.Motor => SurveyorSkills.Motor,
        ProductLine.Property or ProductLine.ExtendedWarranty => SurveyorSkills.Property,
        ProductLine.Liability => SurveyorSkills.Liability,
        _ => SurveyorSkills.PersonalInjury,
    };

    public static InsurerDispatchRule Create(Guid insurerId) => new() { InsurerId = insurerId };

    public SurveyorSkills RequiredSkillsFor(ProductLine line) =>
        ParseOverrides(SkillOverrides).TryGetValue(line, out var skills) ? skills : DefaultSkillsFor(line);

    public void Change(double? maxDistanceKm, int? arrivalLimitMinutes, IReadOnlyDictionary<ProductLine, SurveyorSkills>? requiredSkills,
        IEnumerable<Guid>? preferred, IEnumerable<Guid>? excluded)
    {
        if (maxDistanceKm is { } km && (!double.IsFinite(km) || km <= 0 || km > MaxDistanceLimitKm))
        {
            throw new DomainException("Dispatch.Rule.DistanceRange", nameof(MaxDistanceKm));
        }

        if (arrivalLimitMinutes is < 1 or > MaxArrivalMinutes)
        {
            throw new DomainException("Dispatch.Rule.ArrivalRange", nameof(ArrivalLimitMinutes));
        }

        var overrides = new SortedDictionary<ProductLine, SurveyorSkills>();
        foreach (var (line, skills) in requiredSkills ?? new Dictionary<ProductLine, SurveyorSkills>())
        {
            if (!Enum.IsDefined(line) || !skills.IsValid())
            {
                throw new DomainException("Dispatch.Skills.Unknown", nameof(RequiredSkills));
            }

            if (skills == SurveyorSkills.None)
            {
                throw new DomainException("Dispatch.Skills.Required", nameof(RequiredSkills));
            }

            if (skills != DefaultSkillsFor(line))
            {
                overrides[line] = skills;
            }
        }

        var preferredIds = Clean(preferred);
        var excludedIds = Clean(excluded);
        if (preferredIds.Length > MaxListedSurveyors || excludedIds.Length > MaxListedSurveyors)
        {
            throw new DomainException("Dispatch.Rule.TooManySurveyors", preferredIds.Length > MaxListedSurveyors ? nameof(PreferredStaffIds) : nameof(ExcludedStaffIds));
        }

        if (preferredIds.Intersect(excludedIds).Any())
        {
            throw new DomainException("Dispatch.Rule.PreferredAndExcluded", nameof(ExcludedStaffIds));
        }

        MaxDistanceKm = maxDistanceKm;
        ArrivalLimitMinutes = arrivalLimitMinutes;
        SkillOverrides = string.Join(';', overrides.Select(o => $"{o.Key}={o.Value}"));
        PreferredStaffIdList = string.Join(',', preferredIds);
        ExcludedStaffIdList = string.Join(',', excludedIds);
    }

    /// <summary>The policy the ranker applies to one case of this insurer.</summary>
    public DispatchPolicy ToPolicy(double averageSpeedKmh, int? arrivalLimitMinutes) =>
        new(averageSpeedKmh, MaxDistanceKm, arrivalLimitMinutes, PreferredStaffIds, ExcludedStaffIds);

    public void BumpVersion() => Version++;

    private static Guid[] Clean(IEnumerable<Guid>? ids) => [.. (ids ?? []).Where(i => i != Guid.Empty).Distinct().Order()];

    private static Guid[] Ids(string list) => list.Length == 0 ? [] : [.. list.Split(',').Select(Guid.Parse)];

    private static Dictionary<ProductLine, SurveyorSkills> ParseOverrides(string text)
    {
        var result = new Dictionary<ProductLine, SurveyorSkills>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && Enum.TryParse<ProductLine>(pair[0], out var line) && Enum.TryParse<SurveyorSkills>(pair[1], out var skills))
            {
                result[line] = skills;
            }
        }

        return result;
    }
}
