using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Anxin.Domain.Administration;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Staff;

/// <summary>Intent methods for the staff tests: create people, scoped keys and users, read exports.</summary>
public static class StaffTestKit
{
    public const string Password = "Start@2026x";
    private static int _counter = Random.Shared.Next(1000, 9000);

    public static string Unique(string prefix) => prefix + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)
        + Guid.NewGuid().ToString("N")[..4];

    public static string NewMobile() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>A valid resident ID number (GB 11643 check character) born in 1990.</summary>
    public static string NewIdNumber()
    {
        // ~20,000 birth dates × 900 sequence numbers: tests that register many people do not collide.
        var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20_000));
        var body = "440305" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    public static Task<Guid> NodeIdAsync(this AnxinAppFactory app, string code) =>
        app.WithDbAsync(db => db.OrgNodes.Where(n => n.Code == code).Select(n => n.Id).SingleAsync());

    public static Task<Guid> StaffIdAsync(this AnxinAppFactory app, string workNumber) =>
        app.WithDbAsync(db => db.Staff.Where(s => s.WorkNumber == workNumber).Select(s => s.Id).SingleAsync());

    public sealed record NewStaff(Guid Id, string WorkNumber, string Name, string UserName, string Mobile, string IdNumber);

    /// <summary>Creates a member of staff with an account through the head-office API.</summary>
    public static async Task<NewStaff> CreateStaffAsync(this AnxinAppFactory app, string nodeCode, params string[] roles)
    {
        var workNumber = Unique("T");
        var userName = Unique("u");
        var mobile = NewMobile();
        var idNumber = NewIdNumber();
        var name = "测试" + workNumber;
        var response = await app.Api().PostAsJsonAsync("/api/v1/staff", new
        {
            workNumber, name, orgNodeId = await app.NodeIdAsync(nodeCode), position = "柜员", mobile, idNumber,
            email = userName + "@example.com", userName, initialPassword = Password, roles,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync<JsonElement>();
        return new NewStaff(json.GetProperty("id").GetGuid(), workNumber, name, userName, mobile, idNumber);
    }

    /// <summary>A member of staff at <paramref name="nodeCode"/>, signed in, past the forced password change.</summary>
    public static async Task<(NewStaff Staff, HttpClient Client)> SignInAsNewStaffAsync(this AnxinAppFactory app, string nodeCode, params string[] roles)
    {
        var staff = await app.CreateStaffAsync(nodeCode, roles);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.StaffId == staff.Id);
            user.MustChangePassword = false;
            return await db.SaveChangesAsync();
        });
        return (staff, await app.SignInAsync(staff.UserName, Password));
    }

    /// <summary>An API key scoped to <paramref name="nodeCode"/> with the given permissions.</summary>
    public static async Task<HttpClient> ScopedApiAsync(this AnxinAppFactory app, string nodeCode, params string[] permissions)
    {
        var key = ApiKeys.Generate();
        await app.WithDbAsync(async db =>
        {
            var node = await db.OrgNodes.SingleAsync(n => n.Code == nodeCode);
            db.ApiKeys.Add(ApiKey.Create("test " + nodeCode, ApiKeys.DisplayPrefix(key), ApiKeys.Hash(key), node, permissions, Guid.Empty));
            return await db.SaveChangesAsync();
        });
        return app.Api(key);
    }

    public static async Task<List<JsonElement>> ListAllAsync(this HttpClient api, string query = "")
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/staff?pageSize=200" + query + (cursor is null ? string.Empty : "&after=" + Uri.EscapeDataString(cursor));
            var response = await api.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await response.ReadJsonAsync<JsonElement>();
            items.AddRange(json.GetProperty("items").EnumerateArray());
            cursor = json.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return items;
    }

    /// <summary>Parses a CSV export (RFC 4180, possibly with a BOM) into rows of cells.</summary>
    public static List<string[]> ParseCsv(string text)
    {
        text = text.TrimStart('\uFEFF');
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }

    /// <summary>Reads the first sheet of an XLSX export back into rows of cell texts.</summary>
    public static List<string[]> ParseXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToArray())
            .ToList();
    }
}
