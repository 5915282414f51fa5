using Anxin.Data;
using Anxin.Domain.Common;
using Anxin.Domain.Policies;
using Anxin.Web.Infrastructure.Auth;
using Anxin.Web.Infrastructure.Http;
using Anxin.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Anxin.Web.Features.Cases;

/// <summary>GET /api/v1/cases/coverage-preview?insurer=&amp;policyNumber=&amp;plate=&amp;lossAt=&amp;cause=</summary>
public sealed record CoveragePreviewRequest(string? Insurer, string? PolicyNumber, string? Plate, DateTimeOffset? LossAt, Peril? Cause);

/// <summary>The policy found, as far as the agent needs it on the phone; the holder's name masked.</summary>
public sealed record CoveragePreviewPolicy(string Number, ProductLine Line, string LineText, string? Plate, string HolderName,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, PolicyStatus Status, IReadOnlyList<string> Coverages);

/// <summary>
/// What the coverage check would say: <see cref="Outcome"/> is null while the cause is not chosen yet
/// (then only the period is judged).
/// </summary>
public sealed record CoveragePreview(bool PolicyFound, CoverageOutcome? Outcome, string? OutcomeText, string Tone,
    IReadOnlyList<CoverageReasonText> Reasons, CoveragePreviewPolicy? Policy);

/// <summary>
/// The intake's live "policy lookup" (CC-03): the same policy search and coverage check as the
/// report itself (<see cref="PolicyLookup"/>, <see cref="CoverageCheck"/>), saving nothing.
/// </summary>
public sealed class PreviewCoverageHandler(AnxinDbContext db, CurrentUser me, TimeProvider time,
    IStringLocalizer<CaseText> caseText, IStringLocalizer<SharedResource> sharedText)
{
    public async Task<Result<CoveragePreview>> HandleAsync(CoveragePreviewRequest request, CancellationToken ct)
    {
        var text = new CaseLocalizer(caseText, sharedText);
        var errors = new FieldErrors();
        var insurerId = await PolicyLookup.ResolveInsurerAsync(db, me.InsurerScope, request.Insurer, errors, nameof(request.Insurer), ct);
        string? plate = null;
        if (!string.IsNullOrWhiteSpace(request.Plate))
        {
            var parsed = PlateNumber.Create(request.Plate);
            if (parsed.IsValid)
            {
                plate = parsed.Value.Value;
            }
            else
            {
                errors.Add(nameof(request.Plate), parsed.ErrorCode);
            }
        }

        if (request.PolicyNumber is { Length: > PolicyDraft.MaxNumberLength })
        {
            errors.Add(nameof(request.PolicyNumber), "Validation.TooLong");
        }

        if (request.Cause is { } cause && !Enum.IsDefined(cause))
        {
            errors.Add(nameof(request.Cause), "Case.UnknownCause");
        }

        if (errors.Any)
        {
            return Result<CoveragePreview>.Invalid(errors.All);
        }

        var lossAt = request.LossAt ?? time.GetUtcNow();
        var policy = await PolicyLookup.FindAsync(db, insurerId, request.PolicyNumber, plate, lossAt, ct);
        var check = CoverageCheck.Check(policy, lossAt, request.Cause ?? Peril.Other);
        var outcome = request.Cause is null && check.Outcome == CoverageOutcome.PerilNotCovered ? (CoverageOutcome?)null : check.Outcome;
        var reasons = request.Cause is null ? check.Reasons.Where(r => r.Code is not ("Coverage.PerilCovered" or "Coverage.PerilNotCovered")) : check.Reasons;
        return new CoveragePreview(policy is not null, outcome, outcome is { } o ? CoverageText.Outcome(text, o) : null, CoverageText.Tone(outcome),
            CoverageText.Reasons(text, reasons),
            policy is null ? null : new CoveragePreviewPolicy(policy.Number, policy.Line, text["ProductLine." + policy.Line], policy.Plate,
                Masking.Name(policy.HolderName), policy.StartsAt, policy.EndsAt, policy.Status,
                [.. policy.Coverages.Select(c => $"{c.Code} {c.Name}")]));
    }
}
