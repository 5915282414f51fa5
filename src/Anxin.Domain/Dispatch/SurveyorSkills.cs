namespace Anxin.Domain.Dispatch;

/// <summary>What a surveyor / loss adjuster is qualified to survey (CC-04). A surveyor may hold several.</summary>
[Flags]
public enum SurveyorSkills
{
    None = 0,
    Motor = 1,
    Property = 2,
    Liability = 4,
    PersonalInjury = 8,
}

public static class SurveyorSkillSet
{
    public const SurveyorSkills All = SurveyorSkills.Motor | SurveyorSkills.Property | SurveyorSkills.Liability | SurveyorSkills.PersonalInjury;

    /// <summary>The single skills, in display order.</summary>
    public static IReadOnlyList<SurveyorSkills> Each { get; } =
        [SurveyorSkills.Motor, SurveyorSkills.Property, SurveyorSkills.Liability, SurveyorSkills.PersonalInjury];

    /// <summary>Whether <paramref name="held"/> covers every skill in <paramref name="required"/>.</summary>
    public static bool Covers(this SurveyorSkills held, SurveyorSkills required) => (held & required) == required;

    public static bool IsValid(this SurveyorSkills skills) => (skills & ~All) == 0;

    /// <summary>The single skills held, in display order.</summary>
    public static IEnumerable<SurveyorSkills> Split(this SurveyorSkills skills) => Each.Where(s => (skills & s) == s);
}
