using System.Globalization;

namespace Anxin.E2E.Infrastructure;

/// <summary>Unique, valid values so journeys never collide with demo data or each other.</summary>
public static class TestData
{
    public const string DemoPassword = "Anxin@2026";

    /// <summary>Six upper-case hex characters, e.g. 3FA9C1.</summary>
    public static string Suffix() => Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    /// <summary>A digits-only number of the given length, not starting with 0.</summary>
    public static string Digits(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(i => i == 0 ? Random.Shared.Next(1, 10) : Random.Shared.Next(0, 10)));

    /// <summary>A resident ID number (GB 11643) with a correct check character: Shenzhen Nanshan, born 1990-01-01.</summary>
    public static string IdNumber()
    {
        var body = "44030519900101" + Digits(3);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11].ToString(CultureInfo.InvariantCulture);
    }
}
