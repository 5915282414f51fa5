namespace Anxin.Domain.Cases;

public enum CaseStatus
{
    /// <summary>Registered, waiting for a surveyor.</summary>
    Reported = 1,

    /// <summary>A surveyor is assigned.</summary>
    Dispatched = 2,

    /// <summary>The surveyor has contacted the customer or is on site.</summary>
    Surveying = 3,

    /// <summary>The survey and loss assessment (查勘定损) are entered.</summary>
    Assessed = 4,

    Closed = 5,

    /// <summary>Withdrawn by the reporter or registered in error.</summary>
    Cancelled = 6,
}

/// <summary>How the report reached us.</summary>
public enum IntakeChannel
{
    Phone = 1,
    Api = 2,
    Counter = 3,
}
