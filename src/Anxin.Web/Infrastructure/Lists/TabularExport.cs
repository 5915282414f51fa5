using System.IO.Compression;
using System.Text;
using Anxin.Web.Infrastructure.Http;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Infrastructure.Lists;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes the rows of a list, with the chosen columns and a localized header row, as CSV or XLSX
/// (X-09). Rows are pulled one at a time from an <see cref="IAsyncEnumerable{T}"/> (a streaming
/// database query) and written at once, so an export of a million rows never holds them all:
/// CSV goes straight to the output; XLSX is written with the OpenXML SAX writer (no DOM, inline
/// strings, no shared-string table) into a ZIP in create mode in a temporary file deleted on
/// close, then copied out.
/// <para>
/// Masking and data scope are not done here. The handler projects masked values into the rows
/// (see <see cref="ListColumn{T}"/>), and the rows come from a query on the DbContext whose
/// global filters apply the user's organisation scope; an export sees exactly what the list sees.
/// </para>
/// </summary>
public static class TabularExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Resource key (SharedResource) of the "unknown export format" field error.</summary>
    public const string FormatInvalidCode = "List.FormatInvalid";

    /// <summary><c>csv</c> (the default when blank) or <c>xlsx</c>; anything else is a field error.</summary>
    public static Result<ExportFormat> ParseFormat(string? format, string field = "Format") => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => Result<ExportFormat>.Invalid(field, FormatInvalidCode),
    };

    public static string ContentType(ExportFormat format) => format == ExportFormat.Xlsx ? XlsxContentType : CsvContentType;

    /// <summary><c>{name}-{yyyyMMdd}.csv|xlsx</c>, the date in the server's local (China) time.</summary>
    public static string FileName(string name, ExportFormat format, TimeProvider time) =>
        $"{name}-{time.GetLocalNow():yyyyMMdd}.{(format == ExportFormat.Xlsx ? "xlsx" : "csv")}";

    /// <summary>
    /// A result (for minimal APIs and for Razor pages) that sends the export as an attachment named
    /// <see cref="FileName"/>. The rows are enumerated only when the result executes.
    /// </summary>
    public static TabularExportResult<T> File<T>(string name, ExportFormat format, IReadOnlyList<ListColumn<T>> columns,
        IStringLocalizer text, IAsyncEnumerable<T> rows, TimeProvider time) =>
        new(FileName(name, format, time), format, columns, text, rows);

    public static Task WriteAsync<T>(Stream output, ExportFormat format, IReadOnlyList<ListColumn<T>> columns, IStringLocalizer text,
        IAsyncEnumerable<T> rows, CancellationToken ct, string sheetName = "Sheet1") => format == ExportFormat.Xlsx
        ? WriteXlsxAsync(output, columns, text, rows, ct, sheetName)
        : WriteCsvAsync(output, columns, text, rows, ct);

    /// <summary>
    /// CSV (RFC 4180) with a UTF-8 BOM so that Excel reads Chinese text; a cell starting with
    /// = + - @ (or tab, CR) gets a leading ' so a spreadsheet shows it as text (CSV injection).
    /// </summary>
    public static async Task WriteCsvAsync<T>(Stream output, IReadOnlyList<ListColumn<T>> columns, IStringLocalizer text,
        IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        await csv.WriteRecordAsync(Header(columns, text), ct);
        var cells = new string[columns.Count];
        await foreach (var row in rows.WithCancellation(ct))
        {
            Fill(cells, columns, row);
            await csv.WriteRecordAsync(cells, ct);
        }

        await csv.FlushAsync(ct);
    }

    /// <summary>XLSX, one sheet, written as a stream of SAX events into a temporary file, then copied to <paramref name="output"/>.</summary>
    public static async Task WriteXlsxAsync<T>(Stream output, IReadOnlyList<ListColumn<T>> columns, IStringLocalizer text,
        IAsyncEnumerable<T> rows, CancellationToken ct, string sheetName = "Sheet1")
    {
        var path = Path.Combine(Path.GetTempPath(), "anxin-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await WriteWorkbookAsync(file, columns, text, rows, sheetName, ct);
        file.Position = 0;
        await file.CopyToAsync(output, ct);
    }

    private static async Task WriteWorkbookAsync<T>(Stream target, IReadOnlyList<ListColumn<T>> columns, IStringLocalizer text,
        IAsyncEnumerable<T> rows, string sheetName, CancellationToken ct)
    {
        // The package is a ZIP in create mode, so each part streams to the file as it is written
        // (the SDK's own package would open it in update mode, which buffers every part in memory).
        using var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        await WritePartAsync(zip, "[Content_Types].xml", ContentTypesXml, ct);
        await WritePartAsync(zip, "_rels/.rels", PackageRelsXml, ct);
        await WritePartAsync(zip, "xl/_rels/workbook.xml.rels", WorkbookRelsXml, ct);
        await using (var part = zip.CreateEntry("xl/workbook.xml", CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(new Workbook());
            writer.WriteStartElement(new Sheets());
            writer.WriteElement(new Sheet { Name = sheetName, SheetId = 1, Id = "rId1" });
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        await using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, Header(columns, text));
            var cells = new string[columns.Count];
            await foreach (var row in rows.WithCancellation(ct))
            {
                Fill(cells, columns, row);
                WriteRow(writer, cells);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    private static async Task WritePartAsync(ZipArchive zip, string name, string xml, CancellationToken ct)
    {
        await using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        await part.WriteAsync(Encoding.UTF8.GetBytes(xml), ct);
    }

    private const string ContentTypesXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
        """;

    private const string PackageRelsXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelsXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """;

    private static string[] Header<T>(IReadOnlyList<ListColumn<T>> columns, IStringLocalizer text) =>
        columns.Select(c => text[c.HeaderResourceKey].Value).ToArray();

    private static void Fill<T>(string[] cells, IReadOnlyList<ListColumn<T>> columns, T row)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            cells[i] = columns[i].Value(row) ?? string.Empty;
        }
    }

    private static void WriteRow(OpenXmlWriter writer, string[] cells)
    {
        // The SAX writer only writes the start tags of these, so one instance of each serves every row.
        writer.WriteStartElement(RowElement);
        foreach (var cell in cells)
        {
            // Inline strings: nothing held for a shared-string table; work numbers and IDs stay text
            // (so a spreadsheet never evaluates them as formulas either).
            writer.WriteStartElement(InlineStringCell);
            writer.WriteStartElement(InlineStringElement);
            writer.WriteStartElement(TextElement);
            writer.WriteString(cell);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static readonly Row RowElement = new();
    private static readonly Cell InlineStringCell = new() { DataType = CellValues.InlineString };
    private static readonly InlineString InlineStringElement = new();
    private static readonly Text TextElement = new() { Space = SpaceProcessingModeValues.Preserve };
}

/// <summary>Streams an export as an attachment, from a minimal API (<see cref="IResult"/>) or a Razor page (<see cref="IActionResult"/>).</summary>
public sealed class TabularExportResult<T>(string fileName, ExportFormat format, IReadOnlyList<ListColumn<T>> columns,
    IStringLocalizer text, IAsyncEnumerable<T> rows) : IResult, IActionResult
{
    public string FileName => fileName;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = TabularExport.ContentType(format);
        response.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
        {
            FileName = fileName,
        }.ToString();
        await TabularExport.WriteAsync(response.Body, format, columns, text, rows, httpContext.RequestAborted,
            Path.GetFileNameWithoutExtension(fileName).Split('-')[0]);
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
