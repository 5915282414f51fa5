namespace Anxin.Domain.Policies;

public enum PolicyStatus
{
    /// <summary>Issued; cover runs from the start to the end of the period.</summary>
    InForce = 1,

    /// <summary>Cancelled or surrendered; cover ended at <see cref="Policy.TerminatedAt"/>.</summary>
    Cancelled = 2,

    /// <summary>Lapsed for non-payment; cover ended at <see cref="Policy.TerminatedAt"/>.</summary>
    Lapsed = 3,
}
