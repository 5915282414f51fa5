using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Anxin.Data;

/// <summary>
/// PostgreSQL's timestamptz takes UTC values only (Npgsql refuses another offset): an instant given
/// in China time (+08:00) by a form, an API client or a CSV file is stored as the same instant in UTC.
/// Applies to query parameters compared with such columns too.
/// </summary>
public sealed class UtcDateTimeOffsetConverter()
    : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(),
        v => v);
