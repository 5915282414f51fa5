using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Policies;

/// <summary>
/// A policy as the form or an API client sends it. <see cref="InsurerCode"/> is a commissioning
/// insurer's code, <c>OWN</c> or blank for our own business (an insurer's users may leave it blank).
/// </summary>
public sealed record CreatePolicyRequest(
    string? InsurerCode = null,
    string? Number = null,
    ProductLine? Line = null,
    string? HolderName = null,
    string? HolderMobile = null,
    string? InsuredName = null,
    string? InsuredIdNumber = null,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? EndsAt = null,
    decimal? Premium = null,
    string? Plate = null,
    string? Vin = null,
    string? ObjectAddress = null,
    string? SerialNumber = null,
    IReadOnlyList<CoverageDraft?>? Coverages = null,
    Guid? CustomerId = null)
{
    public PolicyDraft ToDraft() => new(Number?.Trim().ToUpperInvariant(), Line, HolderName, HolderMobile, InsuredName, InsuredIdNumber,
        StartsAt, EndsAt, Premium, Plate, Vin?.Trim().ToUpperInvariant(), ObjectAddress, SerialNumber,
        [.. (Coverages ?? []).Select(c => c ?? new CoverageDraft(null, null, null))]);
}

/// <summary>
/// Registers a policy (issue 4 §2): every field checked at once (<see cref="PolicyDraft.Validate"/>),
/// the number unique within its insurer (or our own business), the insurer forced to the actor's
/// own for an insurer's users and keys, the holder linked to the customer register when
/// they can be matched (CUS-01), and a "PolicyRegistered" audit event.
/// </summary>
public sealed class RegisterPolicyHandler(AnxinDbContext db, CurrentUser me, TimeProvider time)
{
    public const string DuplicateNumber = "Policy.DuplicateNumber";
    public const string EventName = "PolicyRegistered";

    public async Task<Result<PolicyDetail>> HandleAsync(CreatePolicyRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var draft = request.ToDraft();
        foreach (var (field, code) in draft.Validate())
        {
            errors.Add(field, code);
        }

        var insurers = await InsurerDirectory.LoadAsync(db, ct);
        var insurerId = insurers.Resolve(request.InsurerCode, me.InsurerScope, nameof(request.InsurerCode), errors);
        if (request.CustomerId is { } wanted && !await db.Customers.AnyAsync(c => c.Id == wanted, ct))
        {
            errors.Add(nameof(request.CustomerId), "Case.UnknownCustomer");
        }

        if (errors.Any)
        {
            return Result<PolicyDetail>.Invalid(errors.All);
        }

        var node = me.OrgNodeId is { } nodeId ? await db.OrgNodes.IgnoreQueryFilters().SingleOrDefaultAsync(n => n.Id == nodeId, ct) : null;
        if (node is null)
        {
            return Result<PolicyDetail>.Forbidden();
        }

        var number = draft.Number!.Trim().ToUpperInvariant();
        if (await PolicyNumbers.ExistsAsync(db, insurerId, number, ct))
        {
            return Duplicate(number);
        }

        var customerId = request.CustomerId;
        if (customerId is null)
        {
            var key = PolicyCustomers.KeyOf(draft.HolderName, draft.HolderMobile, draft.InsuredName, draft.InsuredIdNumber);
            customerId = (await PolicyCustomers.MatchAsync(db, [key], ct)).TryGetValue(key, out var matched) ? matched : null;
        }

        Policy policy;
        try
        {
            policy = Policy.Register(draft, insurerId, customerId, node);
        }
        catch (DomainException e)
        {
            return Result<PolicyDetail>.From(e);
        }

        db.Policies.Add(policy);
        db.AddAuditEvent(EventName, nameof(Policy), policy.Id,
            $"{policy.Number} {insurers.ById(insurerId)?.Code ?? InsurerDirectory.Own} {policy.Line}", policy.OrgPath, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on (insurer, number) saw the same number saved just now.
            db.ChangeTracker.Clear();
            return Duplicate(number);
        }

        return await PolicyDetail.LoadAsync(db, policy.Id, ct) is { } detail ? detail : Result<PolicyDetail>.NotFound();
    }

    private static Result<PolicyDetail> Duplicate(string number) =>
        Result<PolicyDetail>.Invalid([new FieldError(nameof(CreatePolicyRequest.Number), DuplicateNumber, number)]);
}

/// <summary>Policy numbers are unique per insurer, and among our own policies (a NULL insurer is not unique in the index, so check).</summary>
public static class PolicyNumbers
{
    /// <summary>Whether the number is taken, across organisation scopes (the number is the insurer's, not the branch's).</summary>
    public static Task<bool> ExistsAsync(AnxinDbContext db, Guid? insurerId, string number, CancellationToken ct) =>
        db.Policies.IgnoreQueryFilters().AnyAsync(p => p.InsurerId == insurerId && p.Number == number, ct);
}
