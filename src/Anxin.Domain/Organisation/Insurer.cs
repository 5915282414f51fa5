using Anxin.Domain.Common;

namespace Anxin.Domain.Organisation;

/// <summary>A commissioning insurer (委托公司) whose cases we handle as loss adjusters .</summary>
public sealed class Insurer : IVersioned, IAudited, IHasTimestamps
{
    private Insurer()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public bool IsActive { get; private set; } = true;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static Insurer Create(string code, string name)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Code));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Name));
        }

        return new Insurer { Id = Guid.CreateVersion7(), Code = code.Trim(), Name = name.Trim() };
    }

    public void BumpVersion() => Version++;
}
