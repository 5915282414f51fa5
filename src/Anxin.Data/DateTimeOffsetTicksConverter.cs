using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Anxin.Data;

/// <summary>Stores a DateTimeOffset as UTC ticks (SQLite only), so it sorts and compares in SQL.</summary>
public sealed class DateTimeOffsetTicksConverter()
    : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
