namespace Anxin.Domain.Policies;

/// <summary>The lines of business a policy, a claim or an authority limit belongs to.</summary>
public enum ProductLine
{
    Motor = 1,
    Property = 2,
    Liability = 3,
    Accident = 4,
    Health = 5,
    Life = 6,
    ExtendedWarranty = 7,
}
