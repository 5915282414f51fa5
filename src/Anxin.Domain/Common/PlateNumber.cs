using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Anxin.Domain.Common;

/// <summary>
/// Mainland vehicle licence plate (号牌): province abbreviation, issuing-authority letter, then either
/// an ordinary 5-character serial (the last of which may be 挂/学/警/港/澳) or a new-energy 6-character
/// serial whose first or last character is D or F. Serial letters never include I or O.
/// Spaces and the middle dot (京A·12345) are removed; letters are upper-cased.
/// </summary>
public sealed record PlateNumber
{
    private const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private const string Suffixes = "挂学警港澳";
    private const int OrdinarySerialLength = 5;
    private const int NewEnergySerialLength = 6;

    private PlateNumber(string value) => Value = value;

    /// <summary>The normalized plate, without spaces or dot, e.g. <c>京A12345</c>.</summary>
    public string Value { get; }

    /// <summary>Plates are not personal information on their own and are shown unmasked.</summary>
    public string Masked => Value;

    /// <summary>True for a green new-energy plate (6-character serial).</summary>
    public bool IsNewEnergy => Value.Length == 2 + NewEnergySerialLength;

    public static ValueResult<PlateNumber> Create(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return ValueResult<PlateNumber>.Fail(ValidationCodes.Required);
        }

        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (!char.IsWhiteSpace(c) && c is not ('·' or '•' or '・'))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        var value = builder.ToString();
        if (!IsPlate(value))
        {
            return ValueResult<PlateNumber>.Fail(ValidationCodes.PlateFormat);
        }

        return ValueResult<PlateNumber>.Ok(new PlateNumber(value));
    }

    public static bool TryCreate(string? input, [NotNullWhen(true)] out PlateNumber? value)
    {
        var result = Create(input);
        value = result.IsValid ? result.Value : null;
        return result.IsValid;
    }

    public override string ToString() => Value;

    private static bool IsPlate(string value)
    {
        if (value.Length < 2 + OrdinarySerialLength
            || !Provinces.Contains(value[0], StringComparison.Ordinal)
            || !IsPlateLetter(value[1]))
        {
            return false;
        }

        var serial = value.AsSpan(2);
        return serial.Length switch
        {
            OrdinarySerialLength => IsSerial(serial[..^1])
                && (IsSerialChar(serial[^1]) || Suffixes.Contains(serial[^1], StringComparison.Ordinal)),
            NewEnergySerialLength => IsSerial(serial)
                && (IsNewEnergyMarker(serial[0]) || IsNewEnergyMarker(serial[^1])),
            _ => false,
        };
    }

    private static bool IsSerial(ReadOnlySpan<char> serial)
    {
        foreach (var c in serial)
        {
            if (!IsSerialChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSerialChar(char c) => char.IsAsciiDigit(c) || IsPlateLetter(c);

    private static bool IsPlateLetter(char c) => c is >= 'A' and <= 'Z' and not 'I' and not 'O';

    private static bool IsNewEnergyMarker(char c) => c is 'D' or 'F';
}
