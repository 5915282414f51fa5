namespace Anxin.Domain.Common;

/// <summary>Marks business data whose every change is written to the audit trail.</summary>
public interface IAudited
{
    Guid Id { get; }
}

/// <summary>Stamps kept by the save pipeline, not by handlers.</summary>
public interface IHasTimestamps
{
    DateTimeOffset CreatedAt { get; set; }

    DateTimeOffset UpdatedAt { get; set; }
}
