using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

/// <summary>The documents to read out and send (CC-09), in Chinese and English, same order.</summary>
public sealed record RequiredDocumentItems(IReadOnlyList<string> Zh, IReadOnlyList<string> En);

/// <summary>
/// The required-documents list for an insurer and line: the insurer's own list, else the default
/// list for the line; injury cases add the injury documents (RULES.md).
/// </summary>
public sealed class GetRequiredDocumentsHandler(AnxinDbContext db, ShortCache cache)
{
    public const string CacheKey = "required-documents:";

    public async Task<RequiredDocumentItems> ForAsync(Guid? insurerId, ProductLine line, bool injuries, CancellationToken ct)
    {
        var list = await cache.GetAsync($"{CacheKey}{insurerId}:{line}", async c =>
        {
            var lists = await db.RequiredDocumentLists.AsNoTracking()
                .Where(l => l.Line == line && (l.InsurerId == insurerId || l.InsurerId == null))
                .ToListAsync(c);
            return lists.FirstOrDefault(l => l.InsurerId == insurerId && insurerId != null) ?? lists.FirstOrDefault(l => l.InsurerId == null);
        }, ct);
        if (list is null)
        {
            return new([], []);
        }

        var zh = list.ItemList().ToList();
        var en = list.ItemList(english: true).ToList();
        if (injuries)
        {
            zh.AddRange(RequiredDocumentList.InjuryAdditions.Select(a => a.Zh));
            en.AddRange(RequiredDocumentList.InjuryAdditions.Select(a => a.En));
        }

        return new(zh, en);
    }
}
