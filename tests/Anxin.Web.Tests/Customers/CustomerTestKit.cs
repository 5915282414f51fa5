using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Web.Tests.Infrastructure;
using Anxin.Web.Tests.Staff;

namespace Anxin.Web.Tests.Customers;

/// <summary>Intent methods for the customer tests: valid identifiers and registrations through the API.</summary>
public static class CustomerTestKit
{
    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>A valid resident ID number; <paramref name="male"/> decides the sequence parity.</summary>
    /// <summary>A valid resident ID number; the birth date is random unless given, so tests sharing a database do not collide (the sequence alone has 450 values).</summary>
    public static string NewIdNumber(bool male = true, string? birth = null)
    {
        birth ??= new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 365 * 40)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var sequence = Random.Shared.Next(50, 499) * 2 + (male ? 1 : 0);
        var body = "110105" + birth + sequence.ToString("D3", CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>A valid unified social credit code (GB 32100 check character).</summary>
    public static string NewCreditCode()
    {
        var body = "91440300" + string.Concat(Enumerable.Range(0, 9).Select(_ => CreditAlphabet[Random.Shared.Next(10)]));
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = body.Select((c, i) => CreditAlphabet.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
        return body + CreditAlphabet[(31 - (sum % 31)) % 31];
    }

    public static string NewMobile() => "13" + Random.Shared.Next(5, 9).ToString(CultureInfo.InvariantCulture)
        + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    public static object Individual(string? idNumber = null, string? mobile = null, bool confirm = false) => new
    {
        kind = "Individual", name = "客户" + StaffTestKit.Unique("C"), idNumber = idNumber ?? NewIdNumber(), mobile = mobile ?? NewMobile(),
        email = "c@example.com", address = "广东省深圳市南山区科技园南区 1 号", confirmDuplicateMobile = confirm,
    };

    /// <summary>Registers an individual through <paramref name="api"/>; returns the created customer's JSON.</summary>
    public static async Task<JsonElement> RegisterAsync(this HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/customers", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> RegisterIndividualAsync(this AnxinAppFactory app, string? idNumber = null, string? mobile = null) =>
        await app.Api().RegisterAsync(Individual(idNumber, mobile));

    public static Dictionary<string, string[]> Codes(JsonElement problem) =>
        problem.GetProperty("codes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
}
