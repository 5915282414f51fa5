using Anxin.Domain.Common;

namespace Anxin.Domain.Cases;

/// <summary>
/// Rollup for the month dashboard: how many cases an organisation node took in on one China
/// calendar day for one insurer. Kept current in the same transaction as the cases it counts
/// (the intake writer adds to it per batch), so the dashboard never scans the case table.
/// </summary>
public sealed class CaseDayCount : IOrgOwned
{
    private CaseDayCount()
    {
    }

    /// <summary>The China calendar day as yyyymmdd, e.g. 20261122.</summary>
    public int Day { get; private set; }

    /// <summary>The insurer; <see cref="Guid.Empty"/> for our own business (a key column cannot be null).</summary>
    public Guid InsurerId { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public long Count { get; private set; }

    public static int DayOf(DateOnly date) => (date.Year * 10_000) + (date.Month * 100) + date.Day;

    public static DateOnly DateOf(int day) => new(day / 10_000, day / 100 % 100, day % 100);

    public static CaseDayCount Create(DateOnly date, Guid? insurerId, Guid orgNodeId, string orgPath, long count) => new()
    {
        Day = DayOf(date),
        InsurerId = insurerId ?? Guid.Empty,
        OrgNodeId = orgNodeId,
        OrgPath = orgPath,
        Count = count,
    };
}
