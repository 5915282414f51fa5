using System.Globalization;
using System.Text;
using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Infrastructure.Lists;
using Anxin.Web.Resources;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Policies;

/// <summary>One problem of an import file: the spreadsheet row (the header is row 1), the column as headed in the file, and the message.</summary>
public sealed record PolicyImportError(int Row, string? Column, string Field, string Code, string Message);

/// <summary>
/// The result of an import: either every row imported (<see cref="Imported"/> = <see cref="RowCount"/>),
/// or nothing imported and the errors, row by row (the first <see cref="ImportPoliciesHandler.MaxReportedErrors"/>).
/// </summary>
public sealed record PolicyImportOutcome(int RowCount, int Imported, int ErrorCount, IReadOnlyList<PolicyImportError> Errors)
{
    public bool Rejected => ErrorCount > 0;
}

/// <summary>
/// Imports policies from a CSV file (issue 4 §2, format in <see cref="PolicyCsv"/>): every row is
/// checked first (<see cref="PolicyDraft.Validate"/>, the insurer code and the importer's own
/// insurer, numbers repeated in the file or already registered); if any row is bad nothing
/// is imported and the report names each row and column. Otherwise all rows go in one transaction
/// (saved in batches), holders are linked to the customer register, and one "PoliciesImported"
/// audit event records the count.
/// </summary>
public sealed class ImportPoliciesHandler(AnxinDbContext db, CurrentUser me, TimeProvider time,
    IStringLocalizer<PolicyText> policyText, IStringLocalizer<SharedResource> sharedText)
{
    public const int MaxReportedErrors = 1000;
    public const int BatchSize = 500;
    public const string EventName = "PoliciesImported";
    public const string FileField = "File";

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    private PolicyLocalizer Text => new(policyText, sharedText);

    public async Task<Result<PolicyImportOutcome>> HandleAsync(Stream? content, string? fileName, CancellationToken ct)
    {
        if (content is null)
        {
            return Result<PolicyImportOutcome>.Invalid(FileField, ValidationCodes.Required);
        }

        var bytes = await ReadCappedAsync(content, ct);
        if (bytes is null)
        {
            return Result<PolicyImportOutcome>.Invalid([new FieldError(FileField, "Import.TooLarge", (PolicyCsv.MaxBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture))]);
        }

        var parsed = Read(bytes);
        if (!parsed.IsOk)
        {
            return Result<PolicyImportOutcome>.Fail(parsed);
        }

        var (headers, rows) = parsed.Value!;
        var insurers = await InsurerDirectory.LoadAsync(db, ct);
        var errors = new List<(int Row, string Field, string Code, string? Argument)>();
        var resolved = new Guid?[rows.Count];
        var firstRowOf = new Dictionary<(Guid?, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            errors.AddRange(row.ParseErrors.Select(e => (row.Row, e.Field, e.Code, e.Argument)));
            var unparsed = row.ParseErrors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(row.Draft.Validate().Where(e => !unparsed.Contains(e.Field) && !unparsed.Contains(e.Field.Split('[')[0]))
                .Select(e => (row.Row, e.Field, e.Code, (string?)null)));
            var (insurerId, insurerError) = insurers.Resolve(row.InsurerCode, me.InsurerScope);
            if (insurerError is not null)
            {
                errors.Add((row.Row, nameof(CreatePolicyRequest.InsurerCode), insurerError, null));
                continue;
            }

            resolved[i] = insurerId;
            if (row.Draft.Number is { Length: > 0 } number && !firstRowOf.TryAdd((insurerId, number), row.Row))
            {
                errors.Add((row.Row, nameof(PolicyDraft.Number), "Import.DuplicateInFile", firstRowOf[(insurerId, number)].ToString(CultureInfo.InvariantCulture)));
            }
        }

        foreach (var (key, row) in await TakenAsync(firstRowOf, ct))
        {
            errors.Add((row, nameof(PolicyDraft.Number), RegisterPolicyHandler.DuplicateNumber, key.Number));
        }

        if (errors.Count > 0)
        {
            return Report(rows.Count, headers, errors);
        }

        return await InsertAsync(rows, resolved, fileName, ct);
    }

    /// <summary>The rejected rows as CSV (BOM, localized header), for the page's "download the errors" link.</summary>
    public static async Task<byte[]> ErrorsCsvAsync(IReadOnlyList<PolicyImportError> errors, IStringLocalizer t, CancellationToken ct)
    {
        var columns = new ListColumns<PolicyImportError>(
            new("row", "Import.Row", e => e.Row.ToString(CultureInfo.InvariantCulture)),
            new("column", "Import.Column", e => e.Column),
            new("message", "Import.Message", e => e.Message));
        using var output = new MemoryStream();
        await TabularExport.WriteCsvAsync(output, columns.All, t, Rows(errors), ct);
        return output.ToArray();
    }

    private static async IAsyncEnumerable<T> Rows<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.CompletedTask;
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > PolicyCsv.MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The header (as written in the file, by column key) and the parsed rows; file-level problems are a field error on "File".</summary>
    private static Result<(Dictionary<string, string> Headers, List<PolicyCsvRow> Rows)> Read(byte[] bytes)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            MaxRecordSize = PolicyCsv.MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Throw,
            IncludeValuesInExceptions = false,

        };

        // Excel saves CSV in the system code page (GBK on Chinese Windows) unless told otherwise: read that as GB18030.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            bytes = Encoding.UTF8.GetBytes(Gb18030.Value.GetString(bytes));
        }

        try
        {
            using var reader = CsvReader.Create(bytes, options);
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            var keys = new string?[reader.Headers.Count];
            for (var i = 0; i < reader.Headers.Count; i++)
            {
                var header = reader.Headers[i].Trim().TrimStart('\uFEFF');
                if (header.Length == 0)
                {
                    continue;
                }

                if (PolicyCsv.ColumnOf(header) is not { } column || !headers.TryAdd(column.Key, header))
                {
                    return Result<(Dictionary<string, string>, List<PolicyCsvRow>)>.Invalid([new FieldError(FileField, "Import.UnknownColumn", header)]);
                }

                keys[i] = column.Key;
            }

            var missing = PolicyCsv.Columns.Where(c => c.Required && !headers.ContainsKey(c.Key)).Select(c => c.Header).ToList();
            if (missing.Count > 0)
            {
                return Result<(Dictionary<string, string>, List<PolicyCsvRow>)>.Invalid([new FieldError(FileField, "Import.MissingColumns", string.Join("、", missing))]);
            }

            var rows = new List<PolicyCsvRow>();
            while (reader.Read())
            {
                var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < Math.Min(keys.Length, reader.FieldCount); i++)
                {
                    if (keys[i] is { } key)
                    {
                        cells[key] = reader.GetString(i);
                    }
                }

                if (cells.Values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (rows.Count == PolicyCsv.MaxRows)
                {
                    return Result<(Dictionary<string, string>, List<PolicyCsvRow>)>.Invalid(
                        [new FieldError(FileField, "Import.TooManyRows", PolicyCsv.MaxRows.ToString(CultureInfo.InvariantCulture))]);
                }

                rows.Add(PolicyCsv.Parse(checked((int)reader.RowNumber) + 1, cells));
            }

            return rows.Count == 0
                ? Result<(Dictionary<string, string>, List<PolicyCsvRow>)>.Invalid(FileField, "Import.Empty")
                : (headers, rows);
        }
        catch (CsvFormatException e)
        {
            return Result<(Dictionary<string, string>, List<PolicyCsvRow>)>.Invalid(
                [new FieldError(FileField, "Import.Malformed", Math.Max(e.RecordNumber, 1).ToString(CultureInfo.InvariantCulture))]);
        }
    }

    /// <summary>The (insurer, number) pairs of the file that are already registered, with their rows; across organisation scopes.</summary>
    private async Task<List<((Guid? Insurer, string Number) Key, int Row)>> TakenAsync(Dictionary<(Guid?, string), int> wanted, CancellationToken ct)
    {
        var taken = new List<((Guid?, string), int)>();
        foreach (var chunk in wanted.Keys.Select(k => k.Item2).Distinct(StringComparer.Ordinal).Chunk(BatchSize))
        {
            var numbers = chunk.ToList();
            var existing = await db.Policies.IgnoreQueryFilters().AsNoTracking().Where(p => numbers.Contains(p.Number))
                .Select(p => new { p.InsurerId, p.Number }).ToListAsync(ct);
            taken.AddRange(existing.Where(e => wanted.ContainsKey((e.InsurerId, e.Number)))
                .Select(e => ((e.InsurerId, e.Number), wanted[(e.InsurerId, e.Number)])));
        }

        return taken;
    }

    private PolicyImportOutcome Report(int rowCount, Dictionary<string, string> headers, List<(int Row, string Field, string Code, string? Argument)> errors)
    {
        var t = Text;
        var order = PolicyCsv.Columns.Select(c => c.Field).ToList();
        var described = errors
            .OrderBy(e => e.Row).ThenBy(e => order.IndexOf(e.Field.Split('[')[0]))
            .Take(MaxReportedErrors)
            .Select(e =>
            {
                var root = e.Field.Split('[')[0];
                var column = PolicyCsv.Columns.FirstOrDefault(c => c.Field == root);
                var message = ResultMapping.Message(t, new FieldError(e.Field, e.Code, e.Argument));
                if (e.Field.StartsWith(nameof(PolicyDraft.Coverages) + "[", StringComparison.Ordinal)
                    && int.TryParse(e.Field.AsSpan(10, e.Field.IndexOf(']', StringComparison.Ordinal) - 10), CultureInfo.InvariantCulture, out var index))
                {
                    message = t["Import.CoverageItem", index + 1, message];
                }

                return new PolicyImportError(e.Row, column is null ? null : headers.GetValueOrDefault(column.Key, column.Header), e.Field, e.Code, message);
            })
            .ToList();
        return new PolicyImportOutcome(rowCount, 0, errors.Count, described);
    }

    private async Task<Result<PolicyImportOutcome>> InsertAsync(List<PolicyCsvRow> rows, Guid?[] insurerIds, string? fileName, CancellationToken ct)
    {
        var node = me.OrgNodeId is { } nodeId ? await db.OrgNodes.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(n => n.Id == nodeId, ct) : null;
        if (node is null)
        {
            return Result<PolicyImportOutcome>.Forbidden();
        }

        var keys = rows.Select(r => PolicyCustomers.KeyOf(r.Draft.HolderName, r.Draft.HolderMobile, r.Draft.InsuredName, r.Draft.InsuredIdNumber)).ToList();
        var customers = await PolicyCustomers.MatchAsync(db, keys, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            for (var start = 0; start < rows.Count; start += BatchSize)
            {
                for (var i = start; i < Math.Min(start + BatchSize, rows.Count); i++)
                {
                    db.Policies.Add(Policy.Register(rows[i].Draft, insurerIds[i], customers.TryGetValue(keys[i], out var c) ? c : null, node));
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            var name = Path.GetFileName(fileName ?? string.Empty);
            db.AddAuditEvent(EventName, nameof(Policy), null, $"{rows.Count} {(name.Length > 100 ? name[..100] : name)}".TrimEnd(), node.Path, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A number registered by someone else while this file was checked: all or nothing.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Result<PolicyImportOutcome>.Conflict("Import.Conflict");
        }

        return new PolicyImportOutcome(rows.Count, rows.Count, 0, []);
    }
}
