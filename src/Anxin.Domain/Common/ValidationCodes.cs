namespace Anxin.Domain.Common;

/// <summary>
/// Stable error codes produced by the value objects in this namespace. They double as
/// resource keys: the web layer localizes them (zh-CN and en), so never rename one.
/// </summary>
public static class ValidationCodes
{
    public const string Required = "Validation.Required";
    public const string IdNumberFormat = "Validation.IdNumber.Format";
    public const string IdNumberBirthDate = "Validation.IdNumber.BirthDate";
    public const string IdNumberChecksum = "Validation.IdNumber.Checksum";
    public const string MobileFormat = "Validation.Mobile.Format";
    public const string CreditCodeFormat = "Validation.CreditCode.Format";
    public const string CreditCodeChecksum = "Validation.CreditCode.Checksum";
    public const string PlateFormat = "Validation.Plate.Format";
    public const string BankCardFormat = "Validation.BankCard.Format";
    public const string BankCardChecksum = "Validation.BankCard.Checksum";
    public const string MoneyFormat = "Validation.Money.Format";
    public const string MoneyPrecision = "Validation.Money.Precision";
    public const string MoneyRange = "Validation.Money.Range";
    public const string TooLong = "Validation.TooLong";

    /// <summary>Every code above, e.g. to check that each one has a localized message.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Required,
        IdNumberFormat,
        IdNumberBirthDate,
        IdNumberChecksum,
        MobileFormat,
        CreditCodeFormat,
        CreditCodeChecksum,
        PlateFormat,
        BankCardFormat,
        BankCardChecksum,
        MoneyFormat,
        MoneyPrecision,
        MoneyRange,
        TooLong,
    ];
}
