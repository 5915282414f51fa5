using System.Text.Json;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Cases;

/// <summary>
/// A case (案件): a loss report with its number, issued at once (CC-03), for our own policy or for
/// an insurer that commissioned us. A report on a policy that cannot be found is accepted
/// and stays unverified until a policy is matched (CC-10).
/// </summary>
public sealed class Case : IVersioned, IOrgOwned, IInsurerOwned, IAudited, IHasTimestamps
{
    public const string NumberPrefix = "BA";
    public const int MaxNameLength = 100;
    public const int MaxPlaceLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxNoteLength = 1000;

    private Case()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>报案号, e.g. <c>BA20261122000001</c>.</summary>
    public string Number { get; private set; } = string.Empty;

    public Guid? InsurerId { get; private set; }

    public ProductLine Line { get; private set; }

    public CaseStatus Status { get; private set; }

    public IntakeChannel Channel { get; private set; }

    public Guid? PolicyId { get; private set; }

    /// <summary>The policy number as reported (may not exist in the register).</summary>
    public string? PolicyNumber { get; private set; }

    /// <summary>False until the report is matched to a policy in the register; no payment before (CC-10).</summary>
    public bool PolicyVerified { get; private set; }

    public Guid? CustomerId { get; private set; }

    /// <summary>The call the report came in on.</summary>
    public Guid? CallId { get; private set; }

    [Sensitive(SensitiveKind.Name)]
    public string ReporterName { get; private set; } = string.Empty;

    [Sensitive(SensitiveKind.Mobile)]
    public string ReporterMobile { get; private set; } = string.Empty;

    /// <summary>The reporter's resident ID number, when given.</summary>
    [Sensitive(SensitiveKind.IdNumber)]
    public string? ReporterIdNumber { get; private set; }

    [Sensitive(SensitiveKind.Name)]
    public string? ContactName { get; private set; }

    [Sensitive(SensitiveKind.Mobile)]
    public string? ContactMobile { get; private set; }

    public string? Plate { get; private set; }

    public DateTimeOffset LossAt { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public string LossPlace { get; private set; } = string.Empty;

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public Peril Cause { get; private set; }

    /// <summary>出险经过.</summary>
    public string Description { get; private set; } = string.Empty;

    /// <summary>损失情况.</summary>
    public string? LossDescription { get; private set; }

    public bool Injuries { get; private set; }

    public string? InjuryDetails { get; private set; }

    public string? ThirdParties { get; private set; }

    public CoverageOutcome CoverageOutcome { get; private set; }

    /// <summary>The coverage check's reasons as JSON (<see cref="CoverageReason"/> list).</summary>
    public string CoverageReasons { get; private set; } = "[]";

    /// <summary>The staff member who took the report (null through the API).</summary>
    public Guid? ReportedByStaffId { get; private set; }

    /// <summary>首问负责人: who owns this case now (CC-05).</summary>
    public Guid? OwnerStaffId { get; private set; }

    public Guid OrgNodeId { get; private set; }

    public string OrgPath { get; private set; } = string.Empty;

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<CoverageReason> CoverageReasonList =>
        JsonSerializer.Deserialize<List<CoverageReason>>(CoverageReasons) ?? [];

    /// <summary>Registers a report and records the preliminary coverage check against <paramref name="policy"/>.</summary>
    public static Case Register(string number, LossReport report, Policy? policy, Guid? insurerId, Guid? customerId, Guid? callId,
        Guid? reportedBy, OrgNode owner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(owner);
        if (string.IsNullOrWhiteSpace(number) || !number.StartsWith(NumberPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("A case number starts with " + NumberPrefix, nameof(number));
        }

        if (report.LossAt > now.AddMinutes(5))
        {
            throw new DomainException("Case.LossInFuture", nameof(LossAt));
        }

        if (policy is not null && policy.InsurerId != insurerId)
        {
            throw new ArgumentException("The policy belongs to another insurer.", nameof(policy));
        }

        var check = CoverageCheck.Check(policy, report.LossAt, report.Cause);
        return new Case
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            InsurerId = insurerId,
            Line = policy?.Line ?? report.Line,
            Status = CaseStatus.Reported,
            Channel = report.Channel,
            PolicyId = policy?.Id,
            PolicyNumber = policy?.Number ?? DomainText.Clean(report.PolicyNumber),
            PolicyVerified = check.PolicyVerified,
            CustomerId = customerId ?? policy?.CustomerId,
            CallId = callId,
            ReporterName = report.ReporterName.Trim(),
            ReporterMobile = report.ReporterMobile,
            ReporterIdNumber = DomainText.Clean(report.ReporterIdNumber),
            ContactName = DomainText.Clean(report.ContactName),
            ContactMobile = DomainText.Clean(report.ContactMobile),
            Plate = DomainText.Clean(report.Plate) ?? policy?.Plate,
            // Stored in UTC: PostgreSQL's timestamptz refuses other offsets (the form sends China time).
            LossAt = report.LossAt.ToUniversalTime(),
            ReportedAt = now.ToUniversalTime(),
            LossPlace = report.LossPlace.Trim(),
            Latitude = report.Latitude,
            Longitude = report.Longitude,
            Cause = report.Cause,
            Description = report.Description.Trim(),
            LossDescription = DomainText.Clean(report.LossDescription),
            Injuries = report.Injuries,
            InjuryDetails = report.Injuries ? DomainText.Clean(report.InjuryDetails) : null,
            ThirdParties = DomainText.Clean(report.ThirdParties),
            CoverageOutcome = check.Outcome,
            CoverageReasons = JsonSerializer.Serialize(check.Reasons),
            ReportedByStaffId = reportedBy,
            OwnerStaffId = reportedBy,
            OrgNodeId = owner.Id,
            OrgPath = owner.Path,
        };
    }

    /// <summary>Matches an unverified report to a policy found later and re-runs the coverage check (CC-10).</summary>
    public CoverageCheckResult VerifyPolicy(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        EnsureOpen();
        if (PolicyVerified)
        {
            throw new DomainException("Case.AlreadyVerified", nameof(PolicyNumber));
        }

        if (policy.InsurerId != InsurerId)
        {
            throw new DomainException("Case.PolicyOfAnotherInsurer", nameof(PolicyId));
        }

        var check = CoverageCheck.Check(policy, LossAt, Cause);
        PolicyId = policy.Id;
        PolicyNumber = policy.Number;
        PolicyVerified = true;
        CustomerId ??= policy.CustomerId;
        Plate ??= policy.Plate;
        CoverageOutcome = check.Outcome;
        CoverageReasons = JsonSerializer.Serialize(check.Reasons);
        return check;
    }

    /// <summary>Hands the case to a named colleague (CC-05); the caller records the note.</summary>
    public void HandOver(Guid toStaffId)
    {
        EnsureOpen();
        if (toStaffId == OwnerStaffId)
        {
            throw new DomainException("Ownership.SameOwner", "ToStaffId");
        }

        OwnerStaffId = toStaffId;
    }

    public void Close()
    {
        EnsureOpen();
        Status = CaseStatus.Closed;
    }

    public void Cancel()
    {
        if (Status is not (CaseStatus.Reported or CaseStatus.Dispatched))
        {
            throw new DomainException("Case.CannotCancel");
        }

        Status = CaseStatus.Cancelled;
    }

    public bool IsOpen => Status is not (CaseStatus.Closed or CaseStatus.Cancelled);

    // ---------------------------------------------------------------------------------------------
    // Dispatch (CC-04). The dispatch feature (Features/Dispatch, Domain/Dispatch/Assignment) moves
    // the case through these states; its Assignment rows hold who, when and why.
    // Reported → Dispatched → Surveying (the surveyor has called the customer) → Assessed;
    // a reassignment takes a Dispatched or Surveying case back to Dispatched.
    // ---------------------------------------------------------------------------------------------

    /// <summary>Whether a surveyor may be assigned now (first time, or again by a reassignment).</summary>
    public bool IsDispatchable => Status is CaseStatus.Reported or CaseStatus.Dispatched or CaseStatus.Surveying;

    /// <summary>A surveyor is assigned (or reassigned).</summary>
    public void MarkDispatched()
    {
        if (!IsDispatchable)
        {
            throw new DomainException("Case.NotDispatchable");
        }

        Status = CaseStatus.Dispatched;
    }

    /// <summary>The assigned surveyor has contacted the customer.</summary>
    public void MarkSurveying()
    {
        if (Status != CaseStatus.Dispatched)
        {
            throw new DomainException("Case.NotDispatched");
        }

        Status = CaseStatus.Surveying;
    }

    /// <summary>The survey and loss assessment (查勘定损) are in.</summary>
    public void MarkAssessed()
    {
        if (Status != CaseStatus.Surveying)
        {
            throw new DomainException("Case.NotSurveying");
        }

        Status = CaseStatus.Assessed;
    }

    public void BumpVersion() => Version++;

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("Case.NotOpen");
        }
    }

}
