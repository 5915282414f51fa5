using Anxin.Data;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Policies;

/// <summary>What identifies a policyholder in the customer register (CUS-01).</summary>
public readonly record struct HolderKey(string? Mobile, string? IdNumber);

/// <summary>
/// Links policies to the customer register: the one active customer (visible to the actor) with
/// the holder's mobile, else with the holder's ID number or credit code when the holder is also
/// the insured. No link when nothing, or more than one customer, matches.
/// </summary>
public static class PolicyCustomers
{
    private const int Chunk = 500;

    public static HolderKey KeyOf(string? holderName, string? holderMobile, string? insuredName, string? insuredIdNumber)
    {
        var mobile = Domain.Common.MobileNumber.TryCreate(holderMobile, out var m) ? m.Value : null;
        var holderIsInsured = !string.IsNullOrWhiteSpace(holderName) && string.Equals(holderName.Trim(), insuredName?.Trim(), StringComparison.Ordinal);
        var id = holderIsInsured && !string.IsNullOrWhiteSpace(insuredIdNumber) ? insuredIdNumber.Trim().ToUpperInvariant() : null;
        return new HolderKey(mobile, id);
    }

    public static async Task<Dictionary<HolderKey, Guid>> MatchAsync(AnxinDbContext db, IEnumerable<HolderKey> keys, CancellationToken ct)
    {
        var wanted = keys.Distinct().ToList();
        var byMobile = await UniqueAsync(wanted.Select(k => k.Mobile), mobiles =>
            db.Customers.AsNoTracking().Where(c => c.IsActive && (mobiles.Contains(c.Mobile) || (c.Phone2 != null && mobiles.Contains(c.Phone2))))
                .Select(c => new CustomerIdentifiers(c.Id, c.Mobile, c.Phone2)), ct);
        var byId = await UniqueAsync(wanted.Select(k => k.IdNumber), ids =>
            db.Customers.AsNoTracking().Where(c => c.IsActive && ((c.IdNumber != null && ids.Contains(c.IdNumber)) || (c.CreditCode != null && ids.Contains(c.CreditCode))))
                .Select(c => new CustomerIdentifiers(c.Id, c.IdNumber, c.CreditCode)), ct);
        var matches = new Dictionary<HolderKey, Guid>();
        foreach (var key in wanted)
        {
            if (key.Mobile is { } mobile && byMobile.TryGetValue(mobile, out var viaMobile))
            {
                matches[key] = viaMobile;
            }
            else if (key.IdNumber is { } id && byId.TryGetValue(id, out var viaId))
            {
                matches[key] = viaId;
            }
        }

        return matches;
    }

    /// <summary>Values that identify exactly one customer, looked up in chunks.</summary>
    private static async Task<Dictionary<string, Guid>> UniqueAsync(IEnumerable<string?> values,
        Func<List<string>, IQueryable<CustomerIdentifiers>> query, CancellationToken ct)
    {
        var distinct = values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var pairs = new List<(string Value, Guid Id)>();
        foreach (var chunk in distinct.Chunk(Chunk))
        {
            var set = chunk.ToHashSet(StringComparer.Ordinal);
            foreach (var row in await query([.. chunk]).ToListAsync(ct))
            {
                pairs.AddRange(new[] { row.First, row.Second }.OfType<string>().Where(set.Contains).Distinct().Select(v => (v, row.Id)));
            }
        }

        return pairs.GroupBy(p => p.Value, StringComparer.Ordinal)
            .Where(g => g.Select(p => p.Id).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
    }

    private sealed record CustomerIdentifiers(Guid Id, string? First, string? Second);
}
