using System.Runtime.CompilerServices;
using Anxin.Data;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Anxin.Web.Features.Cases;

/// <summary>
/// How a report names its insurer and finds its policy: shared by the intake (<see cref="ReportLossHandler"/>),
/// the live coverage preview and the later policy verification, so all three find the same policy.
/// </summary>
public static class PolicyLookup
{
    /// <summary>
    /// The insurer a report is for. An insurer's own users and keys report for their insurer only;
    /// others name it by code, or (blank) report for our own business. Problems are added to <paramref name="errors"/>.
    /// </summary>
    public static async Task<Guid?> ResolveInsurerAsync(AnxinDbContext db, Guid? insurerScope, string? code, FieldErrors errors, string field,
        CancellationToken ct)
    {
        code = Normalize(code);
        var byCode = code is null || code.Length > MaxCodeLength ? null
            : await db.Insurers.Where(i => i.Code == code && i.IsActive).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        return Decide(insurerScope, code, byCode, errors, field);
    }

    /// <summary>The same as <see cref="ResolveInsurerAsync"/> over a list of insurers in hand (the intake's per-node cache).</summary>
    public static Guid? ResolveInsurer(IEnumerable<Insurer> insurers, Guid? insurerScope, string? code, FieldErrors errors, string field)
    {
        code = Normalize(code);
        var byCode = code is null || code.Length > MaxCodeLength ? null : insurers.FirstOrDefault(i => i.Code == code && i.IsActive)?.Id;
        return Decide(insurerScope, code, byCode, errors, field);
    }

    private const int MaxCodeLength = 32;

    private static string? Normalize(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    private static Guid? Decide(Guid? insurerScope, string? code, Guid? byCode, FieldErrors errors, string field)
    {
        if (code is not null && byCode is null)
        {
            errors.Add(field, "Case.UnknownInsurer");
        }

        if (insurerScope is { } own)
        {
            if (byCode is not null && byCode != own)
            {
                errors.Add(field, "Case.OtherInsurer");
            }

            return own;
        }

        return byCode;
    }

    /// <summary>
    /// The policy inside the insurer's partition, whatever organisation node owns it: an agent must
    /// be able to check any policy of the insurer. By number first; for motor, by plate in force at
    /// the loss time. Read without tracking, through compiled queries (intake asks this for every report).
    /// </summary>
    public static async Task<Policy?> FindAsync(AnxinDbContext db, Guid? insurerId, string? policyNumber, string? plate, DateTimeOffset lossAt,
        CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(policyNumber))
        {
            return await Compiled.For(db).ByNumber(db, insurerId, policyNumber.Trim().ToUpperInvariant(), ct);
        }

        if (!string.IsNullOrWhiteSpace(plate))
        {
            // PostgreSQL compares timestamptz with UTC values only.
            return await Compiled.For(db).ByPlate(db, insurerId, plate, lossAt.ToUniversalTime(), ct);
        }

        return null;
    }

    /// <summary>The compiled lookups, per EF model (a compiled query serves one model; tests run two providers in one process).</summary>
    private sealed class Compiled
    {
        private static readonly ConditionalWeakTable<IModel, Compiled> PerModel = new();

        public static Compiled For(AnxinDbContext db) => PerModel.GetValue(db.Model, _ => new Compiled());

        public Func<AnxinDbContext, Guid?, string, CancellationToken, Task<Policy?>> ByNumber { get; } = EF.CompileAsyncQuery(
            (AnxinDbContext db, Guid? insurerId, string number, CancellationToken ct) =>
                db.Policies.IgnoreQueryFilters(new[] { AnxinDbContext.OrgScopeFilterName }).AsNoTracking()
                    .Where(p => p.InsurerId == insurerId)
                    .FirstOrDefault(p => p.Number == number));

        public Func<AnxinDbContext, Guid?, string, DateTimeOffset, CancellationToken, Task<Policy?>> ByPlate { get; } = EF.CompileAsyncQuery(
            (AnxinDbContext db, Guid? insurerId, string plate, DateTimeOffset lossAt, CancellationToken ct) =>
                db.Policies.IgnoreQueryFilters(new[] { AnxinDbContext.OrgScopeFilterName }).AsNoTracking()
                    .Where(p => p.InsurerId == insurerId && p.Plate == plate && p.StartsAt <= lossAt)
                    .OrderByDescending(p => p.StartsAt)
                    .FirstOrDefault());
    }
}
