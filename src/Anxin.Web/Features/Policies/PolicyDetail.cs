using Anxin.Data;
using Anxin.Domain.Administration;
using Anxin.Domain.Cases;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Policies;

/// <summary>One coverage of a policy as shown; <see cref="NameEn"/> comes from the catalogue when the code is a standard one.</summary>
public sealed record PolicyCoverageItem(string Code, string Name, string? NameEn, decimal SumInsured, decimal Deductible, decimal? DeductibleRate,
    decimal? PerEventLimit, IReadOnlyList<Peril> Perils);

/// <summary>A policy as the API and the policy page show it; personal data masked.</summary>
public sealed record PolicyDetail(
    Guid Id,
    string Number,
    Guid? InsurerId,
    string? InsurerCode,
    string? InsurerName,
    ProductLine Line,
    PolicyStatus Status,
    string HolderName,
    string? HolderMobile,
    Guid? CustomerId,
    string? CustomerNumber,
    string InsuredName,
    string? InsuredIdNumber,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? TerminatedAt,
    decimal Premium,
    string? Plate,
    string? Vin,
    string? ObjectAddress,
    string? SerialNumber,
    IReadOnlyList<PolicyCoverageItem> Coverages,
    string OrgNodeName,
    DateTimeOffset CreatedAt,
    long Version)
{
    /// <summary>Loads a policy the current actor may see (organisation scope and insurer partition).</summary>
    public static async Task<PolicyDetail?> LoadAsync(AnxinDbContext db, Guid id, CancellationToken ct)
    {
        var p = await db.Policies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (p is null)
        {
            return null;
        }

        // Names in queries of their own: lifting filters inside the policy query would lift them for the policy too.
        var insurer = p.InsurerId is { } insurerId
            ? await db.Insurers.AsNoTracking().Where(i => i.Id == insurerId).Select(i => new { i.Code, i.Name }).SingleOrDefaultAsync(ct)
            : null;
        var customer = p.CustomerId is { } customerId
            ? await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.Number).SingleOrDefaultAsync(ct)
            : null;
        var nodeName = await db.OrgNodes.IgnoreQueryFilters().Where(n => n.Id == p.OrgNodeId).Select(n => n.Name).FirstOrDefaultAsync(ct);
        var coverages = p.Coverages.Select(c => new PolicyCoverageItem(c.Code, c.Name,
            CoverageCatalog.All.FirstOrDefault(e => e.Code == c.Code)?.NameEn, c.SumInsured, c.Deductible, c.DeductibleRate, c.PerEventLimit,
            c.CoveredPerils)).ToList();
        return new PolicyDetail(p.Id, p.Number, p.InsurerId, insurer?.Code, insurer?.Name, p.Line, p.Status,
            Masking.Name(p.HolderName), p.HolderMobile is null ? null : Masking.Mobile(p.HolderMobile),
            customer is null ? null : p.CustomerId, customer,
            Masking.Name(p.InsuredName), p.InsuredIdNumber is null ? null : MaskIdentifier(p.InsuredIdNumber),
            p.StartsAt, p.EndsAt, p.TerminatedAt, p.Premium, p.Plate, p.Vin,
            p.ObjectAddress is null ? null : Masking.Address(p.ObjectAddress), p.SerialNumber, coverages, nodeName ?? string.Empty,
            p.CreatedAt, p.Version);
    }

    /// <summary>A resident ID number or, for an organisation, a unified social credit code.</summary>
    public static string MaskIdentifier(string value) =>
        ResidentIdNumber.TryCreate(value, out _) ? Masking.IdNumber(value) : Masking.CreditCode(value);
}

/// <summary>A case reported on the policy, as the policy page lists it.</summary>
public sealed record PolicyCaseItem(Guid Id, string Number, CaseStatus Status, Peril Cause, DateTimeOffset LossAt, DateTimeOffset ReportedAt, bool Injuries);

/// <summary>One line of the policy's audit trail: a business event, or the field changes of one save.</summary>
public sealed record PolicyTimelineEntry(DateTimeOffset At, string Type, string? Actor, string? Detail);

public sealed class GetPolicyHandler(AnxinDbContext db)
{
    public const int MaxCases = 100;
    public const int MaxTimeline = 100;

    public Task<PolicyDetail?> HandleAsync(Guid id, CancellationToken ct) => PolicyDetail.LoadAsync(db, id, ct);

    /// <summary>The cases on the policy that the actor may see, newest first; null when the policy is not visible.</summary>
    public async Task<IReadOnlyList<PolicyCaseItem>?> CasesAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Policies.AnyAsync(p => p.Id == id, ct))
        {
            return null;
        }

        return await db.Cases.AsNoTracking().Where(c => c.PolicyId == id)
            .OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id).Take(MaxCases)
            .Select(c => new PolicyCaseItem(c.Id, c.Number, c.Status, c.Cause, c.LossAt, c.ReportedAt, c.Injuries))
            .ToListAsync(ct);
    }

    /// <summary>The policy's audit events and changes (already masked by the audit pipeline), newest first.</summary>
    public async Task<IReadOnlyList<PolicyTimelineEntry>> TimelineAsync(Guid id, CancellationToken ct)
    {
        var entityId = id.ToString();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Policy) && a.EntityId == entityId && (a.Kind == AuditKind.Event || a.Action == "Modified"))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(MaxTimeline * 4)
            .Select(a => new { a.At, a.Kind, a.Action, a.Field, a.OldValue, a.NewValue, a.ActorName, a.RequestId })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.Kind, Type: r.Kind == AuditKind.Event ? r.Action : "PolicyChanged", r.At, r.RequestId))
            .Select(g => new PolicyTimelineEntry(g.Key.At, g.Key.Type, g.First().ActorName, g.Key.Kind == AuditKind.Event
                ? g.First().NewValue
                : string.Join("; ", g.Where(r => r.Field != nameof(Policy.Version)).Select(r => $"{r.Field}: {r.OldValue ?? "—"} → {r.NewValue ?? "—"}"))))
            .Take(MaxTimeline)
            .ToList();
    }
}
