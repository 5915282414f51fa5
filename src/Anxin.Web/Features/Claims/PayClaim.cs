using System.Globalization;
using System.Text.Json;
using Anxin.Data;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Domain.Messaging;
using Anxin.Web.Features.Clocks;
using Anxin.Web.Infrastructure.Http;
using Microsoft.EntityFrameworkCore;

namespace Anxin.Web.Features.Claims;

/// <summary>
/// A payment (CLM-06): the settlement of the approved, agreed amount, or the approved advance
/// (<see cref="Advance"/>). The expected arrival date defaults to three working days from today.
/// </summary>
public sealed record PayClaimRequest(string? PayeeName, PaymentMethod? Method, string? BankCard = null, DateOnly? ExpectedArrivalDate = null,
    bool Advance = false, long? Version = null);

public sealed record AuthorisePayeeRequest(string? PayeeName, long? Version = null);

public sealed record VerifyClaimPolicyRequest(string? PolicyNumber, long? Version = null);

/// <summary>
/// Pays a claim: the payee must be the claimant or the authorised payee, a bank card must pass the
/// Luhn check, and an unverified policy or a fraud flag not cleared by a reviewer block the payment
/// (400 with the field at fault). A card already used by an unrelated claimant raises a fraud flag
/// first. The payment clock (10 days from agreement, art. 23) stops, and the claimant gets an SMS
/// with the amount and the expected arrival date.
/// </summary>
public sealed class PayClaimHandler(ChangeClaimHandler changes, GetClaimHandler details, AnxinDbContext db, ICalendarProvider calendars)
{
    public const int DefaultArrivalWorkingDays = 3;

    public async Task<Result<ClaimDetail>> PayAsync(Guid id, PayClaimRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Method is not { } method || !Enum.IsDefined(method))
        {
            errors.Add(nameof(request.Method), ValidationCodes.Required);
            method = default;
        }

        errors.Required(nameof(request.PayeeName), request.PayeeName);
        BankCardNumber? card = null;
        if (method == PaymentMethod.BankTransfer)
        {
            var parsed = BankCardNumber.Create(request.BankCard);
            if (parsed.IsValid)
            {
                card = parsed.Value;
            }
            else
            {
                errors.Add(nameof(request.BankCard), parsed.ErrorCode!);
            }
        }

        if (errors.Any)
        {
            return Result<ClaimDetail>.Invalid(errors.All);
        }

        if (card is not null && await SharedAccountAsync(id, card.Value, ct) is { } shared)
        {
            return shared;
        }

        var result = await changes.ApplyAsync(id, request.Version, async (claim, actor) =>
        {
            var arrival = request.ExpectedArrivalDate ?? await ArrivalAsync(claim.OrgPath, actor.Now, ct);
            var payee = new ClaimPayee(request.PayeeName!.Trim(), method, card);
            var payment = request.Advance ? claim.PayAdvance(payee, arrival, actor.StaffId, actor.Now) : claim.Pay(payee, arrival, actor.StaffId, actor.Now);
            db.Outbox.Add(OutboxMessage.Create(MessageChannel.Sms, claim.ClaimantMobile, "Claim.Paid", JsonSerializer.Serialize(new
            {
                claimNumber = claim.Number,
                amount = payment.Amount.ToString("N2", CultureInfo.InvariantCulture),
                account = card is null ? method.ToString() : Masking.BankCard(card.Value),
                arrivalDate = arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }), claim.OrgNodeId, claim.OrgPath, actor.Now));
            return new ClaimEvent(request.Advance ? "AdvancePaid" : "ClaimPaid", string.Create(CultureInfo.InvariantCulture,
                $"{payment.Amount:0.00} {method} {(card is null ? string.Empty : Masking.BankCard(card.Value))} arrival={arrival:yyyy-MM-dd}"));
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    /// <summary>The amount is agreed with the claimant (赔偿协议); payment is due within 10 days (art. 23).</summary>
    public async Task<Result<ClaimDetail>> RecordAgreementAsync(Guid id, VersionRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, (claim, actor) =>
        {
            claim.RecordAgreement(actor.Now);
            return new ClaimEvent("ClaimAgreementRecorded", string.Create(CultureInfo.InvariantCulture, $"{claim.AcceptedAmount:0.00}"));
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    /// <summary>A claim authorisation form (索赔授权书) names another payee; blank clears it.</summary>
    public async Task<Result<ClaimDetail>> AuthorisePayeeAsync(Guid id, AuthorisePayeeRequest request, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(id, request.Version, (claim, _) =>
        {
            claim.AuthorisePayee(request.PayeeName);
            return new ClaimEvent("ClaimPayeeAuthorised", claim.AuthorisedPayeeName is null ? "-" : Masking.Name(claim.AuthorisedPayeeName));
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    /// <summary>Matches the claim to a policy of its insurer in the register; no payment before (CC-10).</summary>
    public async Task<Result<ClaimDetail>> VerifyPolicyAsync(Guid id, VerifyClaimPolicyRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.PolicyNumber))
        {
            return Result<ClaimDetail>.Invalid(nameof(request.PolicyNumber), ValidationCodes.Required);
        }

        var number = request.PolicyNumber.Trim().ToUpperInvariant();
        var result = await changes.ApplyAsync(id, request.Version, async (claim, actor) =>
        {
            var insurerId = claim.InsurerId;
            var policy = await db.Policies.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]).AsNoTracking()
                .FirstOrDefaultAsync(p => p.InsurerId == insurerId && p.Number == number, ct);
            if (policy is null || policy.Line != claim.Line)
            {
                return Result<ClaimEvent>.Invalid(nameof(request.PolicyNumber), "Claim.PolicyNotFound");
            }

            claim.VerifyPolicy(policy.Id, policy.InsurerId, actor.StaffId, actor.Now);
            return new ClaimEvent("ClaimPolicyVerified", policy.Number);
        }, ct);
        return result.IsOk ? await details.DescribeAsync(result.Value!, ct) : Result<ClaimDetail>.Fail(result);
    }

    /// <summary>
    /// One bank account across unrelated claimants (CLM-08): raises (and saves) the flag, then refuses the payment
    /// until a reviewer clears it. Null when the account is not shared, or the flag is already on the claim.
    /// </summary>
    private async Task<Result<ClaimDetail>?> SharedAccountAsync(Guid id, string card, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Id, c.Number, c.ClaimantMobile, c.InsuredObject, c.LossAt })
            .FirstOrDefaultAsync(ct);
        if (claim is null)
        {
            return null;
        }

        var others = await (from p in db.ClaimPayments
                            join c in db.Claims.IgnoreQueryFilters([AnxinDbContext.OrgScopeFilterName]) on p.ClaimId equals c.Id
                            where p.BankCard == card && c.Id != id
                            select new { c.Id, c.Number, c.ClaimantMobile, c.InsuredObject, c.LossAt }).Take(50).ToListAsync(ct);
        var finding = FraudRules.CheckSharedBankAccount(
            new ClaimFacts(claim.Id, claim.Number, claim.ClaimantMobile, claim.InsuredObject, card, claim.LossAt, null),
            others.Select(o => new ClaimFacts(o.Id, o.Number, o.ClaimantMobile, o.InsuredObject, card, o.LossAt, null)));
        if (finding is null)
        {
            return null;
        }

        var known = await db.Claims.AsNoTracking().Where(c => c.Id == id)
            .SelectMany(c => c.FraudFlags.Where(f => f.RuleCode == finding.RuleCode && f.Detail == finding.Detail).Select(f => (FraudFlagStatus?)f.Status))
            .FirstOrDefaultAsync(ct);
        if (known is { } status)
        {
            return status == FraudFlagStatus.Cleared ? null : Result<ClaimDetail>.Invalid("FraudFlags", "Claim.FraudFlagOpen");
        }

        var raised = await changes.ApplyAsync(id, null, (c, actor) =>
        {
            var flag = c.RaiseFraudFlag(finding.RuleCode, finding.Detail, null, actor.Now);
            return new ClaimEvent("FraudFlagRaised", $"{flag.RuleCode} {flag.Detail}");
        }, ct);
        return raised.IsOk ? Result<ClaimDetail>.Invalid("FraudFlags", "Claim.FraudFlagOpen") : Result<ClaimDetail>.Fail(raised);
    }

    private async Task<DateOnly> ArrivalAsync(string orgPath, DateTimeOffset now, CancellationToken ct)
    {
        var calendar = await calendars.ForNodeAsync(orgPath, ct);
        var day = DateOnly.FromDateTime(calendar.ToLocal(now).DateTime);
        for (var added = 0; added < DefaultArrivalWorkingDays;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                added++;
            }
        }

        return day;
    }
}
