using Anxin.Domain.Common;

namespace Anxin.Domain.Policies;

/// <summary>A coverage line as typed or imported.</summary>
public sealed record CoverageDraft(string? Code, string? Name, decimal? SumInsured, decimal? Deductible = null, decimal? DeductibleRate = null,
    decimal? PerEventLimit = null);

/// <summary>
/// A policy as entered by hand, through the API or in one CSV row. <see cref="Validate"/> reports
/// every problem at once (field and code) so a form or an import report can show them all.
/// </summary>
public sealed record PolicyDraft(
    string? Number,
    ProductLine? Line,
    string? HolderName,
    string? HolderMobile,
    string? InsuredName,
    string? InsuredIdNumber,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    decimal? Premium,
    string? Plate,
    string? Vin,
    string? ObjectAddress,
    string? SerialNumber,
    IReadOnlyList<CoverageDraft> Coverages)
{
    public const int MaxNumberLength = 40;
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 200;
    public const int MaxSerialLength = 60;

    /// <summary>Dates outside these years are typing errors (and beyond what the period arithmetic can take).</summary>
    public static readonly DateTimeOffset EarliestDate = new(1950, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LatestDate = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<(string Field, string Code)> Validate()
    {
        var errors = new List<(string Field, string Code)>();
        var number = Number?.Trim() ?? string.Empty;
        if (number.Length == 0)
        {
            errors.Add((nameof(Number), ValidationCodes.Required));
        }
        else if (number.Length > MaxNumberLength || !number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors.Add((nameof(Number), "Policy.NumberFormat"));
        }

        if (Line is null || !Enum.IsDefined(Line.Value))
        {
            errors.Add((nameof(Line), ValidationCodes.Required));
        }

        RequiredText(errors, nameof(HolderName), HolderName, MaxNameLength);
        RequiredText(errors, nameof(InsuredName), InsuredName, MaxNameLength);
        if (!string.IsNullOrWhiteSpace(HolderMobile) && MobileNumber.Create(HolderMobile) is { IsValid: false } mobile)
        {
            errors.Add((nameof(HolderMobile), mobile.ErrorCode));
        }

        if (!string.IsNullOrWhiteSpace(InsuredIdNumber) && !ResidentIdNumber.Create(InsuredIdNumber).IsValid
            && !UnifiedSocialCreditCode.Create(InsuredIdNumber).IsValid)
        {
            errors.Add((nameof(InsuredIdNumber), ValidationCodes.IdNumberFormat));
        }

        // The period checks need both dates, each in range.
        var startsInRange = InRange(errors, nameof(StartsAt), StartsAt);
        if (InRange(errors, nameof(EndsAt), EndsAt) && startsInRange)
        {
            if (EndsAt <= StartsAt)
            {
                errors.Add((nameof(EndsAt), "Policy.PeriodOrder"));
            }
            else if (EndsAt > StartsAt!.Value.AddYears(100))
            {
                errors.Add((nameof(EndsAt), "Policy.PeriodTooLong"));
            }
        }

        if (Premium is null)
        {
            errors.Add((nameof(Premium), ValidationCodes.Required));
        }
        else if (Premium < 0 || Premium > Money.MaxAmount)
        {
            errors.Add((nameof(Premium), ValidationCodes.MoneyRange));
        }
        else if (decimal.Round(Premium.Value, 2) != Premium)
        {
            errors.Add((nameof(Premium), ValidationCodes.MoneyPrecision));
        }

        ValidateInsuredObject(errors);
        ValidateCoverages(errors);
        return errors;
    }

    private void ValidateInsuredObject(List<(string Field, string Code)> errors)
    {
        if (!string.IsNullOrWhiteSpace(Plate) && !PlateNumber.Create(Plate).IsValid)
        {
            errors.Add((nameof(Plate), ValidationCodes.PlateFormat));
        }

        if (!string.IsNullOrWhiteSpace(Vin) && !IsVin(Vin.Trim()))
        {
            errors.Add((nameof(Vin), "Policy.VinFormat"));
        }

        if (Line == ProductLine.Motor && string.IsNullOrWhiteSpace(Plate) && string.IsNullOrWhiteSpace(Vin))
        {
            errors.Add((nameof(Plate), "Policy.MotorNeedsVehicle"));
        }

        if (Line == ProductLine.Property && string.IsNullOrWhiteSpace(ObjectAddress))
        {
            errors.Add((nameof(ObjectAddress), "Policy.PropertyNeedsAddress"));
        }

        if (Line == ProductLine.ExtendedWarranty && string.IsNullOrWhiteSpace(SerialNumber))
        {
            errors.Add((nameof(SerialNumber), "Policy.WarrantyNeedsSerial"));
        }

        if (ObjectAddress is { Length: > MaxAddressLength })
        {
            errors.Add((nameof(ObjectAddress), "Validation.TooLong"));
        }

        if (SerialNumber is { Length: > MaxSerialLength })
        {
            errors.Add((nameof(SerialNumber), "Validation.TooLong"));
        }
    }

    private void ValidateCoverages(List<(string Field, string Code)> errors)
    {
        if (Coverages.Count == 0)
        {
            errors.Add((nameof(Coverages), "Policy.NoCoverage"));
            return;
        }

        for (var i = 0; i < Coverages.Count; i++)
        {
            var c = Coverages[i];
            try
            {
                Coverage.Create(c.Code, c.Name, c.SumInsured ?? 0m, c.Deductible ?? 0m, c.DeductibleRate, c.PerEventLimit);
            }
            catch (DomainException e)
            {
                errors.Add(($"{nameof(Coverages)}[{i}].{e.Field}", e.Code));
            }
        }

        var duplicate = Coverages.GroupBy(c => c.Code?.Trim().ToUpperInvariant()).FirstOrDefault(g => g.Key is not null && g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add((nameof(Coverages), "Policy.DuplicateCoverage"));
        }
    }

    /// <summary>Required, and between <see cref="EarliestDate"/> and <see cref="LatestDate"/>; false when not usable.</summary>
    private static bool InRange(List<(string Field, string Code)> errors, string field, DateTimeOffset? value)
    {
        if (value is null)
        {
            errors.Add((field, ValidationCodes.Required));
            return false;
        }

        if (value < EarliestDate || value > LatestDate)
        {
            errors.Add((field, "Policy.DateRange"));
            return false;
        }

        return true;
    }

    private static void RequiredText(List<(string Field, string Code)> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add((field, ValidationCodes.Required));
        }
        else if (value.Trim().Length > max)
        {
            errors.Add((field, "Validation.TooLong"));
        }
    }

    /// <summary>17 characters of digits and capital letters except I, O and Q (GB 16735).</summary>
    public static bool IsVin(string vin) =>
        vin.Length == 17 && vin.All(c => char.IsAsciiDigit(c) || (char.IsAsciiLetterUpper(c) && c is not ('I' or 'O' or 'Q')));
}
