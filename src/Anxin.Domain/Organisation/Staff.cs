using Anxin.Domain.Common;

namespace Anxin.Domain.Organisation;

/// <summary>A member of staff, owned by the organisation node they work in.</summary>
public sealed class Staff : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    public const int MaxNameLength = 50;
    public const int MaxWorkNumberLength = 20;

    private Staff()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>工号, quoted by the hotline scripts.</summary>
    public string WorkNumber { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public string? Position { get; private set; }

    [Sensitive(SensitiveKind.Mobile)]
    public string? Mobile { get; private set; }

    [Sensitive(SensitiveKind.IdNumber)]
    public string? IdNumber { get; private set; }

    [Sensitive(SensitiveKind.Email)]
    public string? Email { get; private set; }

    public bool IsActive { get; private set; } = true;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static Staff Create(string workNumber, string name, OrgNode node)
    {
        var staff = new Staff { Id = Guid.CreateVersion7() };
        staff.SetWorkNumber(workNumber);
        staff.Rename(name);
        staff.PlaceIn(node);
        return staff;
    }

    public void Rename(string name)
    {
        name = (name ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(Name));
        }

        if (name.Length > MaxNameLength)
        {
            throw new DomainException("Validation.TooLong", nameof(Name));
        }

        Name = name;
    }

    public void UpdateContact(string? position, MobileNumber? mobile, ResidentIdNumber? idNumber, string? email)
    {
        position = string.IsNullOrWhiteSpace(position) ? null : position.Trim();
        if (position is { Length: > 50 })
        {
            throw new DomainException("Validation.TooLong", nameof(Position));
        }

        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (email is not null && (email.Length > 100 || !email.Contains('@', StringComparison.Ordinal)))
        {
            throw new DomainException("Validation.Email.Format", nameof(Email));
        }

        Position = position;
        Mobile = mobile?.Value;
        IdNumber = idNumber?.Value;
        Email = email;
    }

    public void PlaceIn(OrgNode node)
    {
        OrgNodeId = node.Id;
        OrgPath = node.Path;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void BumpVersion() => Version++;

    private void SetWorkNumber(string workNumber)
    {
        workNumber = (workNumber ?? string.Empty).Trim();
        if (workNumber.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(WorkNumber));
        }

        if (workNumber.Length > MaxWorkNumberLength || !workNumber.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainException("Staff.WorkNumber.Format", nameof(WorkNumber));
        }

        WorkNumber = workNumber;
    }
}
