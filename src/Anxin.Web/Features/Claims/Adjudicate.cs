using System.Globalization;
using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Domain.Messaging;
using Anxin.Web.Features.Cases;
using Anxin.Web.Infrastructure.Http;

namespace Anxin.Web.Features.Claims;

/// <summary>One coverage's assessed loss and terms (CLM-04); percentages are 0–100 (10 means 10%).</summary>
public sealed record CoverageInput(
    string? Coverage = null,
    decimal? AssessedLoss = null,
    decimal? DeductibleAmount = null,
    decimal? DeductiblePercent = null,
    DeductibleCombination? Combination = null,
    decimal? SumInsured = null,
    decimal? PaidBefore = null,
    decimal? PerEventLimit = null,
    decimal? InsuredValue = null,
    decimal? LiabilitySharePercent = null);

public sealed record ComputePayableRequest(IReadOnlyList<CoverageInput>? Coverages);

/// <summary>Accept liability: the amount is computed from <see cref="Coverages"/> when given, otherwise <see cref="Amount"/> is taken as decided.</summary>
public sealed record AcceptClaimRequest(IReadOnlyList<CoverageInput>? Coverages = null, decimal? Amount = null, long? Version = null);

public sealed record RefuseClaimRequest(IReadOnlyList<string>? Reasons, long? Version = null);

public sealed record ChangeReserveRequest(decimal? Amount, string? Reason, long? Version = null);

/// <summary>The payable amount step by step (CLM-04), without changing anything.</summary>
public sealed class ComputePayableHandler
{
    public Result<PayableResult> Handle(ComputePayableRequest request)
    {
        var errors = new FieldErrors();
        var losses = ToLosses(request.Coverages, errors);
        if (errors.Any)
        {
            return Result<PayableResult>.Invalid(errors.All);
        }

        try
        {
            return PayableAmount.Compute(losses);
        }
        catch (DomainException e)
        {
            return Result<PayableResult>.From(e);
        }
    }

    public static List<CoverageLoss> ToLosses(IReadOnlyList<CoverageInput>? coverages, FieldErrors errors)
    {
        var list = new List<CoverageLoss>();
        if (coverages is not { Count: > 0 })
        {
            errors.Add("Coverages", ValidationCodes.Required);
            return list;
        }

        for (var i = 0; i < coverages.Count; i++)
        {
            var c = coverages[i];
            if (string.IsNullOrWhiteSpace(c.Coverage))
            {
                errors.Add($"Coverages[{i}].Coverage", ValidationCodes.Required);
            }

            if (c.AssessedLoss is null)
            {
                errors.Add($"Coverages[{i}].AssessedLoss", ValidationCodes.Required);
            }

            if (c.Combination is { } combination && !Enum.IsDefined(combination))
            {
                errors.Add($"Coverages[{i}].Combination", ValidationCodes.Required);
            }

            list.Add(new CoverageLoss
            {
                Coverage = c.Coverage?.Trim() ?? string.Empty,
                AssessedLoss = c.AssessedLoss ?? 0m,
                Deductible = new Deductible(c.DeductibleAmount ?? 0m, c.DeductiblePercent ?? 0m, c.Combination ?? DeductibleCombination.GreaterOf),
                SumInsured = c.SumInsured,
                PaidBeforeOnCoverage = c.PaidBefore ?? 0m,
                PerEventLimit = c.PerEventLimit,
                InsuredValue = c.InsuredValue,
                LiabilitySharePercent = c.LiabilitySharePercent,
            });
        }

        return list;
    }
}

/// <summary>
/// Adjudication (核定, CLM-04): accepting liability for the computed (or decided) amount stops the
/// decision and advance-payment clocks and submits the amount for approval at once (CLM-05): the
/// handler never approves their own claim, so it goes to pending approval with the nearest approver
/// up the chain whose payment limit covers it, who is notified in the app.
/// </summary>
public sealed class AdjudicateClaimHandler(ChangeClaimHandler changes, GetClaimHandler details, RouteApprovalHandler routes, AnxinDbContext db)
{
    public async Task<Result<ClaimDetail>> AcceptAsync(Guid id, AcceptClaimRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        List<CoverageLoss>? losses = null;
        PayableResult? payable = null;
        if (request.Coverages is { Count: > 0 })
        {
            losses = ComputePayableHandler.ToLosses(request.Coverages, errors);
            if (!errors.Any)
            {
                try
                {
                    payable = PayableAmount.Compute(losses);
                }
                catch (DomainException e)
                {
                    return Result<ClaimDetail>.From(e);
                }
            }
        }
        else if (request.Amount is null)
        {
            errors.Add(nameof(request.Amount), ValidationCodes.Required);
        }

        if (errors.Any)
        {
            return Result<ClaimDetail>.Invalid(errors.All);
        }

        var amount = payable?.Total ?? request.Amount!.Value;
        var result = await changes.ApplyAsync(id, request.Version, async (claim, actor) =>
        {
            claim.Accept(amount, actor.StaffId, actor.Now);
            if (payable is not null)
            {
                db.ClaimCalculations.Add(ClaimCalculation.Record(claim.Id, losses!, payable, actor.StaffId, actor.Now));
            }

            var route = await routes.RouteAsync(claim, actor.StaffId, AuthorityKind.Payment, amount, ct);
            var step = claim.SubmitForApproval(route, actor.Now);
            await ClaimNotifications.ApprovalPendingAsync(db, claim, step, route, actor.Now, ct);
            return new ClaimEvent("ClaimAccepted", await ApprovalNoteAsync(step, ct));
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    /// <summary>Submits the accepted amount again after an approver sent it back.</summary>
    public async Task<Result<ClaimDetail>> SubmitAsync(Guid id, VersionRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, async (claim, actor) =>
        {
            var route = await routes.RouteAsync(claim, actor.StaffId, AuthorityKind.Payment, claim.AcceptedAmount ?? 0m, ct);
            var step = claim.SubmitForApproval(route, actor.Now);
            await ClaimNotifications.ApprovalPendingAsync(db, claim, step, route, actor.Now, ct);
            return new ClaimEvent("ClaimApprovalRequested", await ApprovalNoteAsync(step, ct));
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    /// <summary>"31500.00 → pending approval, level 2: 李广 (2001)", or "… approved".</summary>
    private async Task<string> ApprovalNoteAsync(ClaimApproval step, CancellationToken ct)
    {
        var amount = step.Amount.ToString("0.00", CultureInfo.InvariantCulture);
        if (!step.IsPending)
        {
            return amount + " → approved";
        }

        var to = step.RoutedToStaffId is { } s ? (await StaffNames.LoadAsync(db, [s], ct)).GetValueOrDefault(s) : null;
        return string.Create(CultureInfo.InvariantCulture, $"{amount} → pending approval, level {step.RoutedLevel}: {to}");
    }

    /// <summary>Refuses with reasons; the refusal notice is due within 3 days (art. 24) and its clock starts.</summary>
    public async Task<Result<ClaimDetail>> RefuseAsync(Guid id, RefuseClaimRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, (claim, actor) =>
        {
            claim.Refuse(request.Reasons ?? [], actor.StaffId, actor.Now);
            return new ClaimEvent("ClaimRefused", string.Join("; ", claim.RefusalReasonList()));
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    /// <summary>The written refusal notice went out (print it at <c>/claims/{id}/notices/refusal</c>); the claimant also gets an SMS.</summary>
    public async Task<Result<ClaimDetail>> RefusalNoticeSentAsync(Guid id, VersionRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, (claim, actor) =>
        {
            claim.RecordRefusalNoticeSent(actor.Now);
            db.Outbox.Add(OutboxMessage.Create(MessageChannel.Sms, claim.ClaimantMobile, "Claim.Refused", JsonSerializer.Serialize(new
            {
                claimNumber = claim.Number,
                reasons = string.Join("；", claim.RefusalReasonList()),
                hotline = "95500",
            }), claim.OrgNodeId, claim.OrgPath, actor.Now));
            return new ClaimEvent("RefusalNoticeSent", string.Join("; ", claim.RefusalReasonList()));
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    /// <summary>Changes the reserve: within the acting person's reserve limit at once, above it through an approver up the chain.</summary>
    public async Task<Result<ClaimDetail>> ChangeReserveAsync(Guid id, ChangeReserveRequest request, CancellationToken ct)
    {
        if (request.Amount is not { } amount)
        {
            return Result<ClaimDetail>.Invalid(nameof(request.Amount), ValidationCodes.Required);
        }

        var result = await changes.ApplyAsync(id, request.Version, async (claim, actor) =>
        {
            if (amount < 0m)
            {
                throw new DomainException("Claim.AmountInvalid", nameof(Claim.Reserve));
            }

            var route = await routes.RouteAsync(claim, actor.StaffId, AuthorityKind.Reserve, amount, ct);
            var step = claim.ChangeReserve(amount, request.Reason ?? string.Empty, route, actor.Now);
            await ClaimNotifications.ApprovalPendingAsync(db, claim, step, route, actor.Now, ct);
            return new ClaimEvent(step.IsPending ? "ReserveChangeRequested" : "ReserveChanged",
                amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + request.Reason);
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }
}
