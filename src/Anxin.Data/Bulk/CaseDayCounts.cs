using System.Data.Common;
using Anxin.Domain.Cases;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Anxin.Data.Bulk;

/// <summary>Adds to the dashboard rollup inside the caller's transaction (an upsert per day, node and insurer).</summary>
public static class CaseDayCounts
{
    public static IReadOnlyList<CaseDayCount> Sum(IEnumerable<CaseDayCount> increments) =>
        increments.GroupBy(c => (c.Day, c.OrgNodeId, c.InsurerId))
            .Select(g => CaseDayCount.Create(CaseDayCount.DateOf(g.Key.Day), g.Key.InsurerId, g.Key.OrgNodeId, g.First().OrgPath, g.Sum(c => c.Count)))
            .ToList();

    public static async Task AddAsync(IModel model, DbConnection connection, DbTransaction transaction, IEnumerable<CaseDayCount> increments,
        CancellationToken ct)
    {
        var map = TableMap.For(model, typeof(CaseDayCount));
        var names = string.Join(", ", map.Columns.Select(c => "\"" + c.Name + "\""));
        var values = string.Join(", ", map.Columns.Select((_, i) => "@p" + i));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO "{map.Table}" ({names}) VALUES ({values})
            ON CONFLICT ("{nameof(CaseDayCount.Day)}", "{nameof(CaseDayCount.OrgNodeId)}", "{nameof(CaseDayCount.InsurerId)}")
            DO UPDATE SET "{nameof(CaseDayCount.Count)}" = "{map.Table}"."{nameof(CaseDayCount.Count)}" + excluded."{nameof(CaseDayCount.Count)}"
            """;
        var parameters = map.Columns.Select((c, i) =>
        {
            var p = c.Mapping.CreateParameter(command, "@p" + i, null, nullable: true);
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        foreach (var row in Sum(increments))
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = map.Columns[i].ProviderValue(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
