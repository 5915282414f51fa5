using Anxin.Domain.Common;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Customers;

public enum CustomerKind
{
    Individual = 1,
    Organisation = 2,
}

public enum Gender
{
    Male = 1,
    Female = 2,
}

/// <summary>
/// A customer of the contact centre (CUS-01): a person identified by a resident ID number or an
/// organisation identified by its unified social credit code, owned by the organisation node of
/// the member of staff who registered it. Personal data is marked for masking.
/// </summary>
public sealed class Customer : IVersioned, IOrgOwned, IAudited, IHasTimestamps
{
    public const string NumberPrefix = "KH";
    public const int MaxNameLength = 100;
    public const int MaxPhoneLength = 20;
    public const int MaxEmailLength = 100;
    public const int MaxAddressLength = 200;

    private Customer()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>客户号, e.g. <c>KH20261121000001</c> (X-08).</summary>
    public string Number { get; private set; } = string.Empty;

    public CustomerKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>Resident ID number of an individual.</summary>
    [Sensitive(SensitiveKind.IdNumber)]
    public string? IdNumber { get; private set; }

    /// <summary>Derived from the ID number.</summary>
    public Gender? Gender { get; private set; }

    /// <summary>Derived from the ID number.</summary>
    public DateOnly? BirthDate { get; private set; }

    /// <summary>Unified social credit code of an organisation.</summary>
    public string? CreditCode { get; private set; }

    [Sensitive(SensitiveKind.Mobile)]
    public string Mobile { get; private set; } = string.Empty;

    /// <summary>A second number (landline or mobile), free text.</summary>
    [Sensitive(SensitiveKind.Mobile)]
    public string? Phone2 { get; private set; }

    [Sensitive(SensitiveKind.Email)]
    public string? Email { get; private set; }

    [Sensitive(SensitiveKind.Address)]
    public string? Address { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public bool IsActive { get; private set; } = true;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The ID number or the credit code, whichever identifies this customer.</summary>
    public string? Identifier => Kind == CustomerKind.Individual ? IdNumber : CreditCode;

    public static Customer RegisterIndividual(string number, string name, ResidentIdNumber idNumber, MobileNumber mobile, OrgNode registeredAt)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var customer = Register(number, CustomerKind.Individual, name, mobile, registeredAt);
        customer.IdNumber = idNumber.Value;
        customer.BirthDate = idNumber.BirthDate;
        customer.Gender = idNumber.IsMale ? Customers.Gender.Male : Customers.Gender.Female;
        return customer;
    }

    public static Customer RegisterOrganisation(string number, string name, UnifiedSocialCreditCode creditCode, MobileNumber mobile, OrgNode registeredAt)
    {
        ArgumentNullException.ThrowIfNull(creditCode);
        var customer = Register(number, CustomerKind.Organisation, name, mobile, registeredAt);
        customer.CreditCode = creditCode.Value;
        return customer;
    }

    /// <summary>Changes how the customer is reached. The identity (name, ID, code) is not edited here.</summary>
    public void UpdateContact(MobileNumber mobile, string? phone2, string? email, string? address)
    {
        ArgumentNullException.ThrowIfNull(mobile);
        EnsureActive();
        phone2 = DomainText.Clean(phone2);
        if (phone2 is { Length: > MaxPhoneLength } || (phone2 is not null && !phone2.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
        {
            throw new DomainException("Validation.Phone.Format", nameof(Phone2));
        }

        email = DomainText.Clean(email);
        if (email is not null && (email.Length > MaxEmailLength || email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.EndsWith('@')))
        {
            throw new DomainException("Validation.Email.Format", nameof(Email));
        }

        address = DomainText.Clean(address);
        if (address is { Length: > MaxAddressLength })
        {
            throw new DomainException("Validation.TooLong", nameof(Address));
        }

        Mobile = mobile.Value;
        Phone2 = phone2;
        Email = email;
        Address = address;
    }

    public void Deactivate()
    {
        EnsureActive();
        IsActive = false;
    }

    public void BumpVersion() => Version++;

    private static Customer Register(string number, CustomerKind kind, string name, MobileNumber mobile, OrgNode registeredAt)
    {
        ArgumentNullException.ThrowIfNull(mobile);
        ArgumentNullException.ThrowIfNull(registeredAt);
        if (string.IsNullOrWhiteSpace(number) || !number.StartsWith(NumberPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("A customer number starts with " + NumberPrefix, nameof(number));
        }

        name = (name ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new DomainException(ValidationCodes.Required, nameof(Name));
        }

        if (name.Length > MaxNameLength)
        {
            throw new DomainException("Validation.TooLong", nameof(Name));
        }

        return new Customer
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            Kind = kind,
            Name = name,
            Mobile = mobile.Value,
            OrgNodeId = registeredAt.Id,
            OrgPath = registeredAt.Path,
        };
    }

    private void EnsureActive()
    {
        if (!IsActive)
        {
            throw new DomainException("Customer.Inactive");
        }
    }

}
