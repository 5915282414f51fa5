using System.Data.Common;
using System.Globalization;
using Anxin.Data;
using Anxin.Domain.Clocks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Anxin.Web.Infrastructure.Messaging;

/// <summary>Human-readable business numbers: prefix + business date + daily sequence.</summary>
public interface IBusinessNumberGenerator
{
    /// <summary>E.g. <c>BA20261121000123</c>: unique across app nodes and concurrent requests.</summary>
    Task<string> NextAsync(string prefix, CancellationToken ct);
}

/// <summary>
/// One atomic upsert per number on its own connection, outside the caller's transaction: no lock
/// is held across the business transaction, and a rolled-back business change leaves a gap.
/// </summary>
public sealed partial class BusinessNumberGenerator(AnxinDbContext db, TimeProvider time, ILogger<BusinessNumberGenerator> log)
    : IBusinessNumberGenerator
{
    private const string Upsert = """
        INSERT INTO "NumberSequences" ("Prefix", "Day", "LastValue") VALUES (@prefix, @day, 1)
        ON CONFLICT ("Prefix", "Day") DO UPDATE SET "LastValue" = "NumberSequences"."LastValue" + 1
        RETURNING "LastValue"
        """;

    private const int MaxBusyRetries = 20;

    public async Task<string> NextAsync(string prefix, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(prefix) || prefix.Length > 10 || !prefix.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException("A business number prefix is 1-10 upper-case letters.", nameof(prefix));
        }

        var day = TimeZoneInfo.ConvertTime(time.GetUtcNow(), WorkingCalendar.ChinaTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var value = await NextValueAsync(prefix, day, ct);
        return prefix + day + value.ToString("D6", CultureInfo.InvariantCulture);
    }

    private async Task<long> NextValueAsync(string prefix, string day, CancellationToken ct)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string.");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using DbConnection connection = db.IsSqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = Upsert;
                AddParameter(command, "@prefix", prefix);
                AddParameter(command, "@day", day);
                return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < MaxBusyRetries)
            {
                // SQLITE_BUSY / SQLITE_LOCKED: another writer holds the file; back off briefly.
                LogBusy(log, prefix, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), ct);
            }
        }
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    [LoggerMessage(LogLevel.Debug, "Business number {Prefix}: database busy, retry {Attempt}")]
    private static partial void LogBusy(ILogger logger, string prefix, int attempt);
}
