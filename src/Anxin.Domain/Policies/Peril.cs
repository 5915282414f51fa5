namespace Anxin.Domain.Policies;

/// <summary>The cause of a loss as the reporter describes it; coverages name the perils they cover.</summary>
public enum Peril
{
    Collision = 1,
    Theft = 2,
    Fire = 3,
    Explosion = 4,
    Flood = 5,
    Storm = 6,
    Earthquake = 7,
    Glass = 8,
    ThirdPartyDamage = 9,
    ThirdPartyInjury = 10,
    PassengerInjury = 11,
    AccidentalInjury = 12,
    Illness = 13,
    Death = 14,
    Breakdown = 15,
    WaterDamage = 16,
    Other = 99,
}
