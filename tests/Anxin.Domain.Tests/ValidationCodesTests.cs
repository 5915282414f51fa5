using System.Reflection;
using Anxin.Domain.Common;

namespace Anxin.Domain.Tests;

public class ValidationCodesTests
{
    private static readonly string[] Expected =
    [
        "Validation.Required",
        "Validation.IdNumber.Format",
        "Validation.IdNumber.BirthDate",
        "Validation.IdNumber.Checksum",
        "Validation.Mobile.Format",
        "Validation.CreditCode.Format",
        "Validation.CreditCode.Checksum",
        "Validation.Plate.Format",
        "Validation.BankCard.Format",
        "Validation.BankCard.Checksum",
        "Validation.Money.Format",
        "Validation.Money.Precision",
        "Validation.Money.Range",
        "Validation.TooLong",
    ];

    [Fact]
    public void Constants_are_exactly_the_agreed_resource_keys()
    {
        var constants = typeof(ValidationCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(Expected.Order(StringComparer.Ordinal), constants);
    }

    [Fact]
    public void All_lists_every_code_once()
    {
        Assert.Equal(Expected.Order(StringComparer.Ordinal), ValidationCodes.All.Order(StringComparer.Ordinal));
    }
}
