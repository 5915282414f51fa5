using Anxin.Domain.Administration;

namespace Anxin.Data;

/// <summary>
/// Who a DbContext works for: the actor written into the audit trail, and the organisation
/// path prefix that limits what org-owned data the context can read (null = unrestricted).
/// </summary>
public interface IRequestActor
{
    Actor Actor { get; }

    string? ScopePrefix { get; }

    /// <summary>The commissioning insurer whose data alone this actor may read; null = not an insurer's user.</summary>
    Guid? InsurerScope => null;
}

/// <summary>Background work and start-up: unrestricted, audited as "system".</summary>
public sealed class SystemActor : IRequestActor
{
    public static readonly SystemActor Instance = new();

    public Actor Actor => Actor.System;

    public string? ScopePrefix => null;
}
