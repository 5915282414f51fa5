using Anxin.Domain.Common;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Claims;

public enum BeneficiaryCheckStatus
{
    /// <summary>Waiting for the callback.</summary>
    Open = 1,

    /// <summary>The beneficiary answered both questions.</summary>
    Answered = 2,

    /// <summary>Not reached after <see cref="BeneficiaryCheck.MaxAttempts"/> calls.</summary>
    Unreachable = 3,
}

/// <summary>
/// The beneficiary check of a claim picked for review (CLM-10, 理赔回访核实): the callback team
/// asks "was the repair done?" (维修是否已完成？) and "were you asked to pay anything?" (是否被要求支付费用？).
/// A repair not done or a payment asked of the beneficiary is a problem that flags the claim.
/// Owned by the callback team's node (their work list); the claim's insurer partition applies.
/// <para>Legal moves: Open → Answered; Open → (no answer) Open … → Unreachable after the last attempt.</para>
/// </summary>
public sealed class BeneficiaryCheck : IVersioned, IOrgOwned, IInsurerOwned, IAudited, IHasTimestamps
{
    public const int MaxAttempts = 3;
    public const int MaxNotesLength = 1000;

    private BeneficiaryCheck()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClaimId { get; private set; }

    public string ClaimNumber { get; private set; } = string.Empty;

    public ProductLine Line { get; private set; }

    public Guid? InsurerId { get; private set; }

    /// <summary>The claim's handler (told when the check finds a problem).</summary>
    public Guid HandlerStaffId { get; private set; }

    /// <summary>The callback team's node.</summary>
    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public SampleReason Reason { get; private set; }

    public decimal PaidAmount { get; private set; }

    [Sensitive(SensitiveKind.Name)]
    public string BeneficiaryName { get; private set; } = string.Empty;

    [Sensitive(SensitiveKind.Mobile)]
    public string BeneficiaryMobile { get; private set; } = string.Empty;

    public DateTimeOffset SampledAt { get; private set; }

    public BeneficiaryCheckStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>维修是否已完成？</summary>
    public bool? RepairDone { get; private set; }

    /// <summary>是否被要求支付费用？</summary>
    public bool? AskedToPay { get; private set; }

    /// <summary>What the beneficiary says they were asked to pay, when they know.</summary>
    public decimal? AmountAskedFor { get; private set; }

    public string? Notes { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The answer reveals a problem: the repair was not done, or the beneficiary was asked to pay.</summary>
    public bool ProblemFound { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => Status == BeneficiaryCheckStatus.Open;

    /// <summary>A check for a claim closed with a payment, for the callback team at <paramref name="teamNodeId"/>.</summary>
    public static BeneficiaryCheck Create(Claim claim, SampleReason reason, Guid teamNodeId, string teamPath, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Status != ClaimStatus.Closed)
        {
            throw new DomainException("Claim.NotClosed");
        }

        return new BeneficiaryCheck
        {
            Id = Guid.CreateVersion7(),
            ClaimId = claim.Id,
            ClaimNumber = claim.Number,
            Line = claim.Line,
            InsurerId = claim.InsurerId,
            HandlerStaffId = claim.HandlerStaffId,
            OrgNodeId = teamNodeId,
            OrgPath = DomainText.Required(teamPath, 400, nameof(OrgPath)),
            Reason = reason,
            PaidAmount = claim.PaidTotal,
            BeneficiaryName = claim.AuthorisedPayeeName ?? claim.ClaimantName,
            BeneficiaryMobile = claim.ClaimantMobile,
            SampledAt = at,
            Status = BeneficiaryCheckStatus.Open,
        };
    }

    /// <summary>Both answers are required; an amount is only taken when the beneficiary was asked to pay.</summary>
    public void RecordAnswer(bool? repairDone, bool? askedToPay, decimal? amountAskedFor, string? notes, Guid by, DateTimeOffset at)
    {
        EnsureOpen();
        if (repairDone is null)
        {
            throw new DomainException(ValidationCodes.Required, nameof(RepairDone));
        }

        if (askedToPay is null)
        {
            throw new DomainException(ValidationCodes.Required, nameof(AskedToPay));
        }

        if (amountAskedFor is { } amount && (askedToPay == false || amount <= 0m || decimal.Round(amount, 2) != amount))
        {
            throw new DomainException("Claim.Review.AmountAskedInvalid", nameof(AmountAskedFor));
        }

        Notes = DomainText.Optional(notes, MaxNotesLength, nameof(Notes));
        RepairDone = repairDone;
        AskedToPay = askedToPay;
        AmountAskedFor = amountAskedFor;
        ProblemFound = repairDone == false || askedToPay == true;
        AnsweredBy = by;
        AnsweredAt = at;
        Attempts++;
        LastAttemptAt = at;
        Status = BeneficiaryCheckStatus.Answered;
    }

    /// <summary>A call that did not reach the beneficiary; after the last attempt the check ends as unreachable.</summary>
    public void RecordNoAnswer(string? notes, Guid by, DateTimeOffset at)
    {
        EnsureOpen();
        Notes = DomainText.Optional(notes, MaxNotesLength, nameof(Notes)) ?? Notes;
        Attempts++;
        LastAttemptAt = at;
        if (Attempts >= MaxAttempts)
        {
            Status = BeneficiaryCheckStatus.Unreachable;
            AnsweredBy = by;
            AnsweredAt = at;
        }
    }

    public void BumpVersion() => Version++;

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("Claim.Review.CheckNotOpen");
        }
    }
}
