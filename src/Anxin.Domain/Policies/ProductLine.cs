namespace Anxin.Domain.Policies;

/// <summary>The product lines of the policy register.</summary>
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
