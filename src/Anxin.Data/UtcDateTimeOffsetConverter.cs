using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Anxin.Data;

/// <summary>
/// PostgreSQL's timestamptz takes only UTC offsets through Npgsql: a loss time typed as
/// 2026-11-22T08:00+08:00 is stored as the same instant in UTC instead of failing the save.
/// </summary>
public sealed class UtcDateTimeOffsetConverter()
    : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(),
        v => v);
