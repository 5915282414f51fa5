using Anxin.Domain.Common;

namespace Anxin.Domain.Claims;

/// <summary>What a vendor does for claims (CLM-09).</summary>
public enum VendorKind
{
    /// <summary>修理厂.</summary>
    RepairShop = 1,

    /// <summary>施救/拖车.</summary>
    Towing = 2,

    /// <summary>公估/评估.</summary>
    Appraisal = 3,
}

/// <summary>
/// A repair shop, towing company or appraiser in the vendor register (CLM-09): a legal person known
/// by its unified social credit code (统一社会信用代码, validated with its check character), with a
/// contact. A vendor taken off the register keeps its history but gets no new service requests.
/// </summary>
public sealed class Vendor : IVersioned, IAudited, IHasTimestamps
{
    public const int MaxNameLength = 100;
    public const int MaxContactLength = 50;
    public const int MaxAddressLength = 200;

    private Vendor()
    {
    }

    public Guid Id { get; private set; }

    public VendorKind Kind { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>统一社会信用代码, normalized upper case.</summary>
    public string CreditCode { get; private set; } = string.Empty;

    public string ContactName { get; private set; } = string.Empty;

    [Sensitive(SensitiveKind.Mobile)]
    public string ContactMobile { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    public bool IsActive { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static Vendor Register(VendorKind kind, string? name, UnifiedSocialCreditCode creditCode, string? contactName, MobileNumber contactMobile,
        string? address)
    {
        ArgumentNullException.ThrowIfNull(creditCode);
        var vendor = new Vendor { Id = Guid.CreateVersion7(), CreditCode = creditCode.Value, IsActive = true };
        vendor.Change(kind, name, contactName, contactMobile, address);
        return vendor;
    }

    /// <summary>Everything but the credit code, which identifies the vendor.</summary>
    public void Change(VendorKind kind, string? name, string? contactName, MobileNumber contactMobile, string? address)
    {
        ArgumentNullException.ThrowIfNull(contactMobile);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Kind));
        }

        Kind = kind;
        Name = DomainText.Required(name, MaxNameLength, nameof(Name));
        ContactName = DomainText.Required(contactName, MaxContactLength, nameof(ContactName));
        ContactMobile = contactMobile.Value;
        Address = DomainText.Optional(address, MaxAddressLength, nameof(Address));
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void BumpVersion() => Version++;
}
