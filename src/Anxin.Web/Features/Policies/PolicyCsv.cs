using System.Globalization;
using System.Text;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;

namespace Anxin.Web.Features.Policies;

/// <summary>A column of the import file: its Chinese header (the template's), its English key (also accepted) and the draft field it fills.</summary>
public sealed record PolicyCsvColumn(string Key, string Header, string Field, bool Required, string Sample);

/// <summary>One data row of an import file, parsed: the draft, the insurer code as written, and what could not even be parsed.</summary>
public sealed record PolicyCsvRow(int Row, string? InsurerCode, PolicyDraft Draft, IReadOnlyList<(string Field, string Code, string? Argument)> ParseErrors);

/// <summary>
/// The policy import format (issue 4 §2): UTF-8 (or GBK, as Excel saves it) CSV, comma-separated,
/// one policy per row, headers in Chinese (or the English keys). Coverages go in one column as
/// <c>CODE:sum insured[:deductible[:deductible %[:per-event limit]]]</c> items separated by <c>;</c>,
/// e.g. <c>VD:150000:500;TPL:1000000</c>. A date alone starts cover at 00:00 (起保) and ends it at
/// 24:00 of that day (终保), China time; a date and time is taken as written.
/// </summary>
public static class PolicyCsv
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;
    public const int MaxCoverages = 30;
    public const int MaxRecordBytes = 64 * 1024;

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static readonly IReadOnlyList<PolicyCsvColumn> Columns =
    [
        new("number", "保单号", nameof(PolicyDraft.Number), true, "PDAA202644030000009999"),
        new("insurer", "委托公司", nameof(CreatePolicyRequest.InsurerCode), false, "PICC"),
        new("line", "险种", nameof(PolicyDraft.Line), true, "车险"),
        new("holderName", "投保人", nameof(PolicyDraft.HolderName), true, "张伟"),
        new("holderMobile", "投保人手机", nameof(PolicyDraft.HolderMobile), false, "13800138001"),
        new("insuredName", "被保险人", nameof(PolicyDraft.InsuredName), true, "张伟"),
        new("insuredIdNumber", "被保险人证件号", nameof(PolicyDraft.InsuredIdNumber), false, "11010519491231002X"),
        new("startsAt", "起保日期", nameof(PolicyDraft.StartsAt), true, "2026-03-01"),
        new("endsAt", "终保日期", nameof(PolicyDraft.EndsAt), true, "2027-02-28"),
        new("premium", "保费", nameof(PolicyDraft.Premium), true, "4860.00"),
        new("plate", "车牌号", nameof(PolicyDraft.Plate), false, "粤B12345"),
        new("vin", "车架号", nameof(PolicyDraft.Vin), false, "LSVAM4187C2184752"),
        new("objectAddress", "标的地址", nameof(PolicyDraft.ObjectAddress), false, string.Empty),
        new("serialNumber", "产品序列号", nameof(PolicyDraft.SerialNumber), false, string.Empty),
        new("coverages", "险别", nameof(PolicyDraft.Coverages), true, "CTPL:200000;VD:180000:500;TPL:1000000"),
    ];

    /// <summary>What the line column accepts besides the enum names (Motor, Property…): the Chinese names.</summary>
    private static readonly Dictionary<string, ProductLine> LineNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["车险"] = ProductLine.Motor, ["机动车辆保险"] = ProductLine.Motor, ["财产险"] = ProductLine.Property, ["企财险"] = ProductLine.Property,
        ["责任险"] = ProductLine.Liability, ["意外险"] = ProductLine.Accident, ["健康险"] = ProductLine.Health, ["寿险"] = ProductLine.Life,
        ["延保"] = ProductLine.ExtendedWarranty,
    };

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyyMMdd", "yyyy.M.d"];

    private static readonly string[] DateTimeFormats =
        ["yyyy-M-d H:mm", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy-M-d'T'H:mm", "yyyy-M-d'T'H:mm:ss"];

    /// <summary>The column a header names, matching the Chinese header or the English key (case and surrounding spaces ignored).</summary>
    public static PolicyCsvColumn? ColumnOf(string header)
    {
        var h = header.Trim().TrimStart('\uFEFF');
        return Columns.FirstOrDefault(c => string.Equals(c.Header, h, StringComparison.Ordinal) || string.Equals(c.Key, h, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The template: a BOM, the Chinese headers and one sample motor row.</summary>
    public static byte[] Template()
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', Columns.Select(c => Quote(c.Header)))).Append("\r\n");
        text.Append(string.Join(',', Columns.Select(c => Quote(c.Sample)))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Parses the cells of one row (by column key) into a draft; the values that do not parse are left null and reported.</summary>
    public static PolicyCsvRow Parse(int row, IReadOnlyDictionary<string, string?> cells)
    {
        var errors = new List<(string, string, string?)>();
        string? Cell(string key) => cells.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        ProductLine? line = null;
        if (Cell("line") is { } lineText)
        {
            if (LineNames.TryGetValue(lineText, out var named)
                || (Enum.TryParse<ProductLine>(lineText, ignoreCase: true, out named) && Enum.IsDefined(named) && !lineText.Any(char.IsAsciiDigit)))
            {
                line = named;
            }
            else
            {
                errors.Add((nameof(PolicyDraft.Line), "Import.LineUnknown", null));
            }
        }

        var startsAt = Date(Cell("startsAt"), endOfDay: false, nameof(PolicyDraft.StartsAt), errors);
        var endsAt = Date(Cell("endsAt"), endOfDay: true, nameof(PolicyDraft.EndsAt), errors);
        decimal? premium = null;
        if (Cell("premium") is { } premiumText)
        {
            var money = Money.Create(premiumText);
            if (money.IsValid)
            {
                premium = money.Value.Amount;
            }
            else
            {
                errors.Add((nameof(PolicyDraft.Premium), money.ErrorCode!, null));
            }
        }

        var coverages = Coverages(Cell("coverages"), errors);
        var draft = new PolicyDraft(Cell("number")?.ToUpperInvariant(), line, Cell("holderName"), Cell("holderMobile"), Cell("insuredName"),
            Cell("insuredIdNumber"), startsAt, endsAt, premium, Cell("plate"), Cell("vin")?.ToUpperInvariant(), Cell("objectAddress"),
            Cell("serialNumber"), coverages);
        return new PolicyCsvRow(row, Cell("insurer"), draft, errors);
    }

    /// <summary><c>VD:150000:500;TPL:1000000</c> → coverage drafts; a malformed item is reported with its 1-based position.</summary>
    public static IReadOnlyList<CoverageDraft> Coverages(string? text, List<(string Field, string Code, string? Argument)> errors)
    {
        var result = new List<CoverageDraft>();
        if (text is null)
        {
            return result;
        }

        var items = text.Split([';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length > MaxCoverages)
        {
            errors.Add((nameof(PolicyDraft.Coverages), "Import.TooManyCoverages", MaxCoverages.ToString(CultureInfo.InvariantCulture)));
            return result;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var parts = items[i].Split([':', '：'], StringSplitOptions.TrimEntries);
            var position = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (parts.Length is < 2 or > 5 || parts[0].Length == 0)
            {
                errors.Add((nameof(PolicyDraft.Coverages), "Import.CoverageFormat", position));
                continue;
            }

            var parsed = TryAmount(parts[1], out var sum);
            parsed &= TryAmount(Part(parts, 2), out var deductible);
            parsed &= TryRate(Part(parts, 3), out var rate);
            parsed &= TryAmount(Part(parts, 4), out var limit);
            if (!parsed)
            {
                errors.Add((nameof(PolicyDraft.Coverages), "Import.CoverageFormat", position));
                continue;
            }

            result.Add(new CoverageDraft(parts[0].ToUpperInvariant(), null, sum, deductible, rate, limit));
        }

        return result;
    }

    private static string? Part(string[] parts, int index) => index < parts.Length && parts[index].Length > 0 ? parts[index] : null;

    private static bool TryAmount(string? text, out decimal? amount)
    {
        amount = null;
        if (text is null)
        {
            return true;
        }

        if (Money.Create(text) is { IsValid: true } money)
        {
            amount = money.Value.Amount;
            return true;
        }

        return false;
    }

    private static bool TryRate(string? text, out decimal? rate)
    {
        rate = null;
        if (text is null)
        {
            return true;
        }

        if (decimal.TryParse(text.TrimEnd('%', '％'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            rate = value;
            return true;
        }

        return false;
    }

    private static DateTimeOffset? Date(string? text, bool endOfDay, string field, List<(string, string, string?)> errors)
    {
        if (text is null)
        {
            return null;
        }

        DateTime? value = DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (endOfDay && date.Year < 9999 ? date.AddDays(1) : date)
            : DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
        if (value is null)
        {
            errors.Add((field, "Import.DateFormat", null));
            return null;
        }

        if (value.Value.Year is < 1950 or > 2199)
        {
            errors.Add((field, "Policy.DateRange", null));
            return null;
        }

        return new DateTimeOffset(value.Value, China);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
