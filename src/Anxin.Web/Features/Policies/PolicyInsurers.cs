using Anxin.Data;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Policies;

public sealed record InsurerRef(Guid Id, string Code, string Name);

/// <summary>
/// The active commissioning insurers by code, and the rule that decides whose policy an actor
/// registers: <c>OWN</c> (or blank) is our own business; an insurer's own users and keys
/// register for their insurer only, whatever they send.
/// </summary>
public sealed class InsurerDirectory(IReadOnlyList<InsurerRef> insurers)
{
    /// <summary>The code that stands for our own business in filters, forms and files.</summary>
    public const string Own = "OWN";

    public const string UnknownCode = "Case.UnknownInsurer";
    public const string OtherInsurerCode = "Policy.OtherInsurer";

    public IReadOnlyList<InsurerRef> All { get; } = insurers;

    public static async Task<InsurerDirectory> LoadAsync(AnxinDbContext db, CancellationToken ct) =>
        new(await db.Insurers.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.Code)
            .Select(i => new InsurerRef(i.Id, i.Code, i.Name)).ToListAsync(ct));

    public InsurerRef? ById(Guid? id) => id is null ? null : All.FirstOrDefault(i => i.Id == id);

    public InsurerRef? ByCode(string? code) =>
        All.FirstOrDefault(i => string.Equals(i.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The insurer (null for our own business) a policy goes to, or the message code of why it cannot:
    /// an unknown code, or another insurer than the actor's own.
    /// </summary>
    public (Guid? InsurerId, string? Error) Resolve(string? code, Guid? actorInsurer)
    {
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        if (code is null)
        {
            return (actorInsurer, null);
        }

        Guid? wanted;
        if (string.Equals(code, Own, StringComparison.OrdinalIgnoreCase))
        {
            wanted = null;
        }
        else if (ByCode(code) is { } insurer)
        {
            wanted = insurer.Id;
        }
        else
        {
            return (null, UnknownCode);
        }

        return actorInsurer is { } own && wanted != own ? (null, OtherInsurerCode) : (wanted, null);
    }

    /// <summary><see cref="Resolve"/> with the error added to <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public Guid? Resolve(string? code, Guid? actorInsurer, string field, FieldErrors errors)
    {
        var (id, error) = Resolve(code, actorInsurer);
        if (error is not null)
        {
            errors.Add(field, error);
        }

        return id;
    }
}
