using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Features.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Documents;

/// <summary>
/// The required-documents list of an insurer (or OWN) and line. <see cref="Inherited"/>: the insurer
/// has no list of its own and the default one applies; <see cref="Version"/> is null until it has one.
/// </summary>
public sealed record RequiredDocumentListDto(string InsurerCode, string? InsurerName, ProductLine Line, IReadOnlyList<string> Items,
    IReadOnlyList<string> ItemsEn, long? Version, bool Inherited, DateTimeOffset? UpdatedAt);

/// <summary>The new lists, one document per element, Chinese and English in the same order. <see cref="Version"/> is the version read (null to create the insurer's own list).</summary>
public sealed record SaveRequiredDocumentsRequest(IReadOnlyList<string?>? Items, IReadOnlyList<string?>? ItemsEn, long? Version);

/// <summary>
/// Maintains the required claim documents per insurer and line (CC-09). An insurer's own users
/// see and edit their insurer's lists only. Saving is optimistic: a stale version is a
/// conflict; each save writes a "RequiredDocumentsChanged" audit event (the field changes are audited too).
/// </summary>
public sealed class RequiredDocumentListsHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public const string EventName = "RequiredDocumentsChanged";

    public async Task<IReadOnlyList<RequiredDocumentListDto>> ListAsync(CancellationToken ct)
    {
        var insurers = await InsurerDirectory.LoadAsync(db, ct);
        var scope = me.InsurerScope;
        var lists = await db.RequiredDocumentLists.AsNoTracking().Where(l => scope == null || l.InsurerId == scope).ToListAsync(ct);
        return lists.Select(l => Dto(l, insurers.ById(l.InsurerId), l.Line, inherited: false))
            .OrderBy(d => d.InsurerCode == InsurerDirectory.Own ? string.Empty : d.InsurerCode, StringComparer.Ordinal).ThenBy(d => d.Line)
            .ToList();
    }

    /// <summary>Null when the insurer code or line is unknown, or the insurer is not the actor's own.</summary>
    public async Task<RequiredDocumentListDto?> GetAsync(string? insurerCode, string? line, CancellationToken ct)
    {
        if (await ResolveAsync(insurerCode, line, ct) is not { } target)
        {
            return null;
        }

        var lists = await db.RequiredDocumentLists.AsNoTracking()
            .Where(l => l.Line == target.Line && (l.InsurerId == target.InsurerId || l.InsurerId == null)).ToListAsync(ct);
        var own = lists.FirstOrDefault(l => l.InsurerId == target.InsurerId);
        if (own is not null)
        {
            return Dto(own, target.Insurer, target.Line, inherited: false);
        }

        var fallback = lists.FirstOrDefault(l => l.InsurerId == null);
        return fallback is null
            ? new RequiredDocumentListDto(target.Insurer?.Code ?? InsurerDirectory.Own, target.Insurer?.Name, target.Line, [], [], null, false, null)
            : Dto(fallback, target.Insurer, target.Line, inherited: true) with { Version = null, UpdatedAt = null };
    }

    public async Task<Result<RequiredDocumentListDto>> SaveAsync(string? insurerCode, string? line, SaveRequiredDocumentsRequest request, CancellationToken ct)
    {
        if (await ResolveAsync(insurerCode, line, ct) is not { } target)
        {
            return Result<RequiredDocumentListDto>.NotFound();
        }

        var items = (request.Items ?? []).OfType<string>().ToList();
        var itemsEn = (request.ItemsEn ?? []).OfType<string>().ToList();
        var list = await db.RequiredDocumentLists.SingleOrDefaultAsync(l => l.InsurerId == target.InsurerId && l.Line == target.Line, ct);
        if ((list is null) != (request.Version is null))
        {
            // Created by someone else meanwhile, or a version of a list that does not exist.
            return Result<RequiredDocumentListDto>.Conflict();
        }

        try
        {
            if (list is null)
            {
                list = RequiredDocumentList.Create(target.InsurerId, target.Line, items, itemsEn);
                db.RequiredDocumentLists.Add(list);
            }
            else if (!db.IsAtVersion(list, request.Version!.Value))
            {
                return Result<RequiredDocumentListDto>.Conflict();
            }
            else
            {
                list.Replace(items, itemsEn);
            }
        }
        catch (DomainException e)
        {
            return Result<RequiredDocumentListDto>.From(e);
        }

        var code = target.Insurer?.Code ?? InsurerDirectory.Own;
        db.AddAuditEvent(EventName, nameof(RequiredDocumentList), list.Id, $"{code} {target.Line}: {list.ItemList().Count}", "/", time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale version (concurrency token), or the same insurer's list created just now (unique index).
            db.ChangeTracker.Clear();
            return Result<RequiredDocumentListDto>.Conflict();
        }

        return Dto(list, target.Insurer, target.Line, inherited: false);
    }

    private async Task<Target?> ResolveAsync(string? insurerCode, string? line, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(line) || line.Any(char.IsAsciiDigit) || !Enum.TryParse<ProductLine>(line, ignoreCase: true, out var parsed)
            || !Enum.IsDefined(parsed))
        {
            return null;
        }

        var insurers = await InsurerDirectory.LoadAsync(db, ct);
        InsurerRef? insurer = null;
        if (!string.Equals(insurerCode?.Trim(), InsurerDirectory.Own, StringComparison.OrdinalIgnoreCase))
        {
            insurer = insurers.ByCode(insurerCode);
            if (insurer is null)
            {
                return null;
            }
        }

        return me.InsurerScope is { } scope && insurer?.Id != scope ? null : new Target(insurer?.Id, insurer, parsed);
    }

    private static RequiredDocumentListDto Dto(RequiredDocumentList l, InsurerRef? insurer, ProductLine line, bool inherited) =>
        new(insurer?.Code ?? InsurerDirectory.Own, insurer?.Name, line, l.ItemList(), l.ItemsEn.Length == 0 ? [] : l.ItemList(english: true),
            l.Version, inherited, l.UpdatedAt);

    private sealed record Target(Guid? InsurerId, InsurerRef? Insurer, ProductLine Line);
}
