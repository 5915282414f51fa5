namespace Anxin.Domain.Common;

public enum SensitiveKind
{
    IdNumber,
    Mobile,
    BankCard,
    Address,
    Name,
    Email,
}

/// <summary>
/// Personal data (PIPL): masked in audit values, views and exports unless revealed with a reason.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute(SensitiveKind kind) : Attribute
{
    public SensitiveKind Kind { get; } = kind;

    public static string Mask(SensitiveKind kind, string? value) => kind switch
    {
        SensitiveKind.IdNumber => Masking.IdNumber(value),
        SensitiveKind.Mobile => Masking.Mobile(value),
        SensitiveKind.BankCard => Masking.BankCard(value),
        SensitiveKind.Address => Masking.Address(value),
        SensitiveKind.Name => Masking.Name(value),
        SensitiveKind.Email => Masking.Email(value),
        _ => string.Empty,
    };
}
