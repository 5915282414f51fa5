using Anxin.Domain.Common;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Policies;

/// <summary>
/// A policy in the register: our own, or one of a commissioning insurer whose cases we
/// handle. Loss reports are checked against it (CC-03).
/// </summary>
public sealed class Policy : IVersioned, IOrgOwned, IInsurerOwned, IAudited, IHasTimestamps
{
    private readonly List<Coverage> coverages = [];

    private Policy()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>保单号, unique within its insurer (or our own business).</summary>
    public string Number { get; private set; } = string.Empty;

    public Guid? InsurerId { get; private set; }

    public ProductLine Line { get; private set; }

    public PolicyStatus Status { get; private set; }

    public string HolderName { get; private set; } = string.Empty;

    [Sensitive(SensitiveKind.Mobile)]
    public string? HolderMobile { get; private set; }

    /// <summary>The policyholder in the customer register, when known.</summary>
    public Guid? CustomerId { get; private set; }

    public string InsuredName { get; private set; } = string.Empty;

    [Sensitive(SensitiveKind.IdNumber)]
    public string? InsuredIdNumber { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>When cover ended early (cancellation, surrender, lapse).</summary>
    public DateTimeOffset? TerminatedAt { get; private set; }

    public decimal Premium { get; private set; }

    public string? Plate { get; private set; }

    public string? Vin { get; private set; }

    [Sensitive(SensitiveKind.Address)]
    public string? ObjectAddress { get; private set; }

    public string? SerialNumber { get; private set; }

    public IReadOnlyList<Coverage> Coverages => coverages;

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Issues a policy from a draft that passed <see cref="PolicyDraft.Validate"/>; throws on the first problem otherwise.</summary>
    public static Policy Register(PolicyDraft draft, Guid? insurerId, Guid? customerId, OrgNode owner)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(owner);
        var errors = draft.Validate();
        if (errors.Count > 0)
        {
            throw new DomainException(errors[0].Code, errors[0].Field);
        }

        var policy = new Policy
        {
            Id = Guid.CreateVersion7(),
            Number = draft.Number!.Trim().ToUpperInvariant(),
            InsurerId = insurerId,
            Line = draft.Line!.Value,
            Status = PolicyStatus.InForce,
            HolderName = draft.HolderName!.Trim(),
            HolderMobile = string.IsNullOrWhiteSpace(draft.HolderMobile) ? null : MobileNumber.Create(draft.HolderMobile).Value.Value,
            CustomerId = customerId,
            InsuredName = draft.InsuredName!.Trim(),
            InsuredIdNumber = string.IsNullOrWhiteSpace(draft.InsuredIdNumber) ? null : draft.InsuredIdNumber.Trim().ToUpperInvariant(),
            // Stored in UTC: PostgreSQL's timestamptz refuses other offsets (drafts carry China time).
            StartsAt = draft.StartsAt!.Value.ToUniversalTime(),
            EndsAt = draft.EndsAt!.Value.ToUniversalTime(),
            Premium = draft.Premium!.Value,
            Plate = string.IsNullOrWhiteSpace(draft.Plate) ? null : PlateNumber.Create(draft.Plate).Value.Value,
            Vin = string.IsNullOrWhiteSpace(draft.Vin) ? null : draft.Vin.Trim(),
            ObjectAddress = string.IsNullOrWhiteSpace(draft.ObjectAddress) ? null : draft.ObjectAddress.Trim(),
            SerialNumber = string.IsNullOrWhiteSpace(draft.SerialNumber) ? null : draft.SerialNumber.Trim(),
            OrgNodeId = owner.Id,
            OrgPath = owner.Path,
        };
        policy.coverages.AddRange(draft.Coverages.Select(c =>
            Coverage.Create(c.Code, c.Name, c.SumInsured ?? 0m, c.Deductible ?? 0m, c.DeductibleRate, c.PerEventLimit)));
        return policy;
    }

    /// <summary>Ends cover early: cancellation or surrender by the policyholder, or lapse.</summary>
    public void Terminate(PolicyStatus status, DateTimeOffset at)
    {
        if (status == PolicyStatus.InForce)
        {
            throw new ArgumentOutOfRangeException(nameof(status));
        }

        if (Status != PolicyStatus.InForce)
        {
            throw new DomainException("Policy.NotInForce");
        }

        if (at < StartsAt || at > EndsAt)
        {
            throw new DomainException("Policy.TerminationOutsidePeriod", nameof(TerminatedAt));
        }

        Status = status;
        TerminatedAt = at.ToUniversalTime();
    }

    /// <summary>Whether cover runs at <paramref name="at"/>: inside the period and before any termination.</summary>
    public bool IsInForceAt(DateTimeOffset at) => at >= StartsAt && at < EndsAt && (TerminatedAt is null || at < TerminatedAt);

    public void LinkCustomer(Guid customerId) => CustomerId = customerId;

    public void BumpVersion() => Version++;
}
