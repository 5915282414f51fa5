namespace Anxin.Domain.Common;

/// <summary>
/// A guarded state change was refused. <see cref="Code"/> is a resource key the web layer
/// localizes; <see cref="Field"/> names the input at fault when there is one.
/// </summary>
public sealed class DomainException(string code, string? field = null) : Exception(code)
{
    public string Code { get; } = code;

    public string? Field { get; } = field;
}
