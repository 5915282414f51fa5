using System.Data.Common;
using Anxin.Data;
using Anxin.Data.Bulk;
using Anxin.Data.Sqlite;
using Anxin.Domain.Administration;
using Anxin.Domain.Calls;
using Anxin.Domain.Cases;
using Anxin.Domain.Clocks;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Messaging;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;
using Anxin.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Tests.Platform;

/// <summary>
/// The SQLite bulk path (intake's group commit, the benchmark generator) binds values itself: rows
/// it writes must be stored exactly as EF stores them, or lookups by id, money sums and ordering
/// would silently differ between reports taken by intake and everything else.
/// </summary>
public sealed class SqliteBulkInserterTests(Apps apps) : IClassFixture<Apps>
{
    [SkippableFact]
    public async Task Bulk_inserted_rows_are_stored_exactly_as_EF_stores_them()
    {
        var app = apps.For(Db.Sqlite);
        await app.WithDbAsync(async db =>
        {
            // Rows the demo seed does not have, saved through EF (the reference).
            var demoCase = await db.Cases.IgnoreQueryFilters().FirstAsync();
            db.CaseAttachments.Add(CaseAttachment.Create(demoCase, AttachmentKind.Intake, "现场.jpg", [0xFF, 0xD8, 0xFF, 0x00, 0x10], null));
            var record = IdempotencyRecord.Start("api-key:bulk", "bulk-" + Guid.NewGuid(), "/api/v1/cases", "hash", DateTimeOffset.UtcNow);
            record.Complete(201, "{\"number\":\"BA1\"}", "application/json", "/api/v1/cases/1");
            db.IdempotencyRecords.Add(record);
            await db.SaveChangesAsync();
            return 0;
        });

        await using var target = new SqliteConnection("Data Source=:memory:;Foreign Keys=False");
        await target.OpenAsync();
        var compared = new List<string>();
        await app.WithDbAsync(async db =>
        {
            compared.Add(await CompareAsync<Case>(db, target));
            compared.Add(await CompareAsync<ServiceClock>(db, target));
            compared.Add(await CompareAsync<OutboxMessage>(db, target));
            compared.Add(await CompareAsync<AuditEntry>(db, target));
            compared.Add(await CompareAsync<IdempotencyRecord>(db, target));
            compared.Add(await CompareAsync<CaseAttachment>(db, target));
            compared.Add(await CompareAsync<Call>(db, target));
            compared.Add(await CompareAsync<Assignment>(db, target));
            compared.Add(await CompareAsync<Policy>(db, target));
            compared.Add(await CompareAsync<Anxin.Domain.Organisation.Staff>(db, target));
            compared.Add(await CompareAsync<OrgNode>(db, target));
            compared.Add(await CompareAsync<SurveyorProfile>(db, target));
            return 0;
        });

        Assert.Equal(12, compared.Count);
    }

    [SkippableFact]
    public async Task A_duplicate_key_fails_as_a_unique_violation_and_the_statement_stays_usable()
    {
        var app = apps.For(Db.Sqlite);
        await using var target = new SqliteConnection("Data Source=:memory:;Foreign Keys=False");
        await target.OpenAsync();
        await app.WithDbAsync(async db =>
        {
            await CreateTableAsync(db, target, "IdempotencyRecords");
            var inserter = new SqliteBulkInserter(db.Model);
            var first = IdempotencyRecord.Start("api-key:dup", "same", "/api/v1/cases", "h", DateTimeOffset.UtcNow);
            var second = IdempotencyRecord.Start("api-key:dup", "same", "/api/v1/cases", "h", DateTimeOffset.UtcNow);
            var third = IdempotencyRecord.Start("api-key:dup", "other", "/api/v1/cases", "h", DateTimeOffset.UtcNow);

            await using (var tx = await target.BeginTransactionAsync())
            {
                await inserter.InsertAsync(target, tx, [first], default);
                var e = await Assert.ThrowsAsync<SqliteException>(() => inserter.InsertAsync(target, tx, [second], default));
                Assert.Equal(19, e.SqliteErrorCode);
                Assert.Equal(2067, e.SqliteExtendedErrorCode);
                await inserter.InsertAsync(target, tx, [third], default);
                await tx.CommitAsync();
            }

            await using var count = target.CreateCommand();
            count.CommandText = "SELECT count(*) FROM \"IdempotencyRecords\"";
            Assert.Equal(2L, await count.ExecuteScalarAsync());
            inserter.Dispose();
            return 0;
        });
    }

    /// <summary>Copies the table's rows (as entities read through EF) into an empty table of the same schema with the bulk path, and compares every stored value.</summary>
    private static async Task<string> CompareAsync<T>(AnxinDbContext db, SqliteConnection target)
        where T : class
    {
        var map = TableMap.For(db.Model, typeof(T));
        var entities = await db.Set<T>().IgnoreQueryFilters().AsNoTracking().Take(50).ToListAsync();
        Assert.True(entities.Count > 0, $"{map.Table}: no rows to compare");
        await CreateTableAsync(db, target, map.Table);

        // More rows than one statement takes, so both the multi-row and the single-row statements run.
        var rows = entities.Cast<object>().ToList();
        var inserter = new SqliteBulkInserter(db.Model);
        await using (var tx = await target.BeginTransactionAsync())
        {
            await inserter.InsertAsync(target, tx, rows, default);
            await tx.CommitAsync();
        }

        inserter.Dispose();
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single().GetColumnName();
        var ids = (await QuotedAsync(target, map, key, null)).Select(r => r[0]).ToList();
        var source = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var expected = await QuotedAsync(source, map, key, ids);
        var actual = await QuotedAsync(target, map, key, null);
        Assert.Equal(entities.Count, actual.Count);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            for (var c = 1; c <= map.Columns.Count; c++)
            {
                Assert.True(expected[i][c] == actual[i][c], $"{map.Table}.{map.Columns[c - 1].Name}: EF stored {expected[i][c]}, the bulk path {actual[i][c]}");
            }
        }

        return map.Table;
    }

    private static async Task CreateTableAsync(AnxinDbContext db, SqliteConnection target, string table)
    {
        await db.Database.OpenConnectionAsync();
        await using var read = db.Database.GetDbConnection().CreateCommand();
        read.CommandText = "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name = $table AND type IN ('table', 'index') ORDER BY type DESC";
        var parameter = read.CreateParameter();
        parameter.ParameterName = "$table";
        parameter.Value = table;
        read.Parameters.Add(parameter);
        var statements = new List<string>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                statements.Add(reader.GetString(0));
            }
        }

        foreach (var sql in statements)
        {
            await using var create = target.CreateCommand();
            create.CommandText = sql;
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The key, then every column, as SQLite's quote() shows them (type and value), rows in key order, optionally only these keys.</summary>
    private static async Task<List<string[]>> QuotedAsync(DbConnection connection, TableMap map, string key, IReadOnlyList<string>? keys)
    {
        await using var command = connection.CreateCommand();
        var columns = string.Join(", ", map.Columns.Select(c => $"quote(\"{c.Name}\")"));
        var where = keys is null ? string.Empty : $" WHERE quote(\"{key}\") IN ({string.Join(", ", keys.Select(k => "'" + k.Replace("'", "''", StringComparison.Ordinal) + "'"))})";
        command.CommandText = $"SELECT quote(\"{key}\"), {columns} FROM \"{map.Table}\"{where} ORDER BY \"{key}\"";
        var rows = new List<string[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, map.Columns.Count + 1).Select(i => reader.GetString(i))]);
        }

        return rows;
    }
}
