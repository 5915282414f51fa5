using Anxin.Data;
using Anxin.Domain.Cases;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Cases;

/// <summary>The policy number found later for an unverified case, and the case version read.</summary>
public sealed record VerifyCasePolicyRequest(string? PolicyNumber, long? Version);

/// <summary>
/// Matches an unverified case to a policy in its insurer's register (CC-10) and re-runs the
/// coverage check; refuses to overwrite someone else's change (409). Audited with the new outcome.
/// </summary>
public sealed class VerifyCasePolicyHandler(AnxinDbContext db, TimeProvider time)
{
    public async Task<Result<CaseDetail>> HandleAsync(Guid id, VerifyCasePolicyRequest request, CancellationToken ct)
    {
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return Result<CaseDetail>.NotFound();
        }

        var errors = new FieldErrors();
        var number = request.PolicyNumber?.Trim();
        if (string.IsNullOrEmpty(number))
        {
            errors.Add(nameof(request.PolicyNumber), ValidationCodes.Required);
        }
        else if (number.Length > PolicyDraft.MaxNumberLength)
        {
            errors.Add(nameof(request.PolicyNumber), "Validation.TooLong");
        }

        if (request.Version is null)
        {
            errors.Add(nameof(request.Version), "Validation.Version");
        }

        if (errors.Any)
        {
            return Result<CaseDetail>.Invalid(errors.All);
        }

        if (!db.IsAtVersion(@case, request.Version!.Value))
        {
            return Result<CaseDetail>.Conflict();
        }

        var policy = await PolicyLookup.FindAsync(db, @case.InsurerId, number, null, @case.LossAt, ct);
        if (policy is null)
        {
            return Result<CaseDetail>.Invalid(nameof(request.PolicyNumber), "Case.PolicyNotInRegister");
        }

        try
        {
            var check = @case.VerifyPolicy(policy);
            db.AddAuditEvent("CasePolicyVerified", nameof(Case), @case.Id, $"{@case.Number} {policy.Number} {check.Outcome}", @case.OrgPath, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return Result<CaseDetail>.From(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<CaseDetail>.Conflict();
        }

        return await CaseDetail.LoadAsync(db, id, ct) is { } detail ? detail : Result<CaseDetail>.NotFound();
    }
}
