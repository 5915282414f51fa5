namespace Anxin.Domain.Common;

/// <summary>An aggregate root with an optimistic concurrency token, bumped on every save.</summary>
public interface IVersioned
{
    long Version { get; }

    void BumpVersion();
}
