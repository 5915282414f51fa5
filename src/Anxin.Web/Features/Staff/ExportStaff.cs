using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Staff;

public enum StaffExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Exports the filtered staff list (X-09) row by row from one streaming query: CSV straight to
/// the response, XLSX through a SAX writer into a temporary file. Personal data stays masked.
/// </summary>
public sealed class ExportStaffHandler(ListStaffHandler list, AnxinDbContext db, TimeProvider time,
    IStringLocalizer<StaffText> staffText, IStringLocalizer<SharedResource> sharedText)
{
    public static Result<StaffExportFormat> ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => StaffExportFormat.Csv,
        "xlsx" => StaffExportFormat.Xlsx,
        _ => Result<StaffExportFormat>.Invalid("Format", "Validation.Required"),
    };

    public string FileName(StaffExportFormat format) =>
        $"staff-{time.GetLocalNow():yyyyMMdd}.{(format == StaffExportFormat.Xlsx ? "xlsx" : "csv")}";

    public static string ContentType(StaffExportFormat format) => format == StaffExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    /// <summary>Writes the export to <paramref name="http"/>'s response with its headers.</summary>
    public async Task WriteAsync(HttpContext http, StaffFilter filter, StaffExportFormat format, CancellationToken ct)
    {
        var localizer = new StaffLocalizer(staffText, sharedText);
        http.Response.ContentType = ContentType(format);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(format)}\"";
        var rows = RowsAsync(filter, localizer, ct);
        var header = Header(localizer);
        if (format == StaffExportFormat.Csv)
        {
            await WriteCsvAsync(http.Response.Body, header, rows, ct);
        }
        else
        {
            await WriteXlsxAsync(http.Response.Body, header, rows, ct);
        }
    }

    private static string[] Header(StaffLocalizer t) =>
    [
        t["Staff.WorkNumber"], t["Staff.Name"], t["Staff.OrgNode"], t["Staff.Position"], t["Staff.Roles"],
        t["Staff.Mobile"], t["Staff.IdNumber"], t["Common.Status"], t["Staff.Account"],
    ];

    private static async Task WriteCsvAsync(Stream body, string[] header, IAsyncEnumerable<string[]> rows, CancellationToken ct)
    {
        // A BOM so that Excel reads the UTF-8 (Chinese) text; formula-like cells are escaped (CSV injection).
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(body, options, leaveOpen: true);
        await csv.WriteRecordAsync(header, ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync(row, ct);
        }

        await csv.FlushAsync(ct);
    }

    private static async Task WriteXlsxAsync(Stream body, string[] header, IAsyncEnumerable<string[]> rows, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "anxin-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
                {
                    var workbookPart = document.AddWorkbookPart();
                    var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                    using (var writer = OpenXmlWriter.Create(sheetPart))
                    {
                        writer.WriteStartElement(new Worksheet());
                        writer.WriteStartElement(new SheetData());
                        WriteXlsxRow(writer, header);
                        await foreach (var row in rows.WithCancellation(ct))
                        {
                            WriteXlsxRow(writer, row);
                        }

                        writer.WriteEndElement();
                        writer.WriteEndElement();
                    }

                    using (var writer = OpenXmlWriter.Create(workbookPart))
                    {
                        writer.WriteStartElement(new Workbook());
                        writer.WriteStartElement(new Sheets());
                        writer.WriteElement(new Sheet { Name = "Staff", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) });
                        writer.WriteEndElement();
                        writer.WriteEndElement();
                    }
                }

                file.Position = 0;
                await file.CopyToAsync(body, ct);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void WriteXlsxRow(OpenXmlWriter writer, string[] cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            // Inline strings: no shared-string table to hold in memory. Work numbers stay text.
            writer.WriteStartElement(new Cell { DataType = CellValues.InlineString });
            writer.WriteStartElement(new InlineString());
            writer.WriteElement(new Text(cell));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>
    /// One streaming query: staff left-joined to their account's roles, sorted by name, id;
    /// consecutive rows of one member are folded into one export row.
    /// </summary>
    private async IAsyncEnumerable<string[]> RowsAsync(StaffFilter filter, StaffLocalizer t,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var staff = await list.FilterAsync(filter, ct);
        var roles = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name };
        var query =
            from s in staff
            join u in db.Users on (Guid?)s.Id equals u.StaffId into us
            from u in us.DefaultIfEmpty()
            join ur in roles on u.Id equals ur.UserId into urs
            from ur in urs.DefaultIfEmpty()
            orderby s.Name, s.Id
            select new
            {
                s.Id, s.WorkNumber, s.Name, s.Position, s.Mobile, s.IdNumber, s.IsActive,
                OrgNodeName = db.OrgNodes.Where(n => n.Id == s.OrgNodeId).Select(n => n.Name).FirstOrDefault(),
                LockoutEnd = (DateTimeOffset?)u.LockoutEnd,
                Role = ur.Name,
            };
        var now = time.GetUtcNow();
        Guid? currentId = null;
        string[]? current = null;
        var currentRoles = new List<string>();
        await foreach (var r in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (r.Id != currentId)
            {
                if (current is not null)
                {
                    yield return Complete(current, currentRoles, t);
                }

                currentId = r.Id;
                currentRoles.Clear();
                current =
                [
                    r.WorkNumber, r.Name, r.OrgNodeName ?? string.Empty, r.Position ?? string.Empty, string.Empty,
                    Masking.Mobile(r.Mobile), Masking.IdNumber(r.IdNumber),
                    r.IsActive ? t["Common.Active"] : t["Common.Inactive"],
                    r.LockoutEnd is { } end && end > now ? t["Staff.Locked"] : t["Staff.NotLocked"],
                ];
            }

            if (r.Role is not null)
            {
                currentRoles.Add(r.Role);
            }
        }

        if (current is not null)
        {
            yield return Complete(current, currentRoles, t);
        }
    }

    private static string[] Complete(string[] row, List<string> roles, StaffLocalizer t)
    {
        row[4] = string.Join("、", StaffAccounts.SortRoles(roles).Select(r => t["Role." + r].Value));
        return row;
    }
}
