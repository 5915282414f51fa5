using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Tests.Claims;

/// <summary>Builds claims in a given state with intent-named helpers.</summary>
internal static class ClaimKit
{
    public static readonly WorkingCalendar Calendar = new(WorkingCalendar.StandardHours, ChinaHolidays2026.Days);
    public static readonly OrgNode Branch = OrgNode.Create(null, 1, OrgNodeKind.HeadOffice, "HO", "总公司");
    public static readonly Guid Handler = Guid.CreateVersion7();
    public static readonly Guid Supervisor = Guid.CreateVersion7();
    public static readonly Guid Manager = Guid.CreateVersion7();
    public static readonly Guid Reviewer = Guid.CreateVersion7();
    public static readonly BankCardNumber Card = BankCardNumber.Create("6222020200112233446").Value;
    public const string Claimant = "张三";

    public static readonly AuthorityProfile HandlerLimits = Profile("H", 10_000m, 50_000m);
    public static readonly AuthorityProfile SupervisorLimits = Profile("S", 50_000m, 200_000m);
    public static readonly AuthorityProfile ManagerLimits = Profile("M", 200_000m, 1_000_000m);

    public static readonly DocumentRequirement ClaimForm = new("ClaimForm", "索赔申请书");
    public static readonly DocumentRequirement Accident = new("AccidentCertificate", "事故认定书");
    public static readonly DocumentRequirement Estimate = new("LossEstimate", "定损单");
    public static readonly DocumentRequirement Medical = new("MedicalRecords", "病历");

    public static DateTimeOffset Local(int month, int day, int hour = 10, int minute = 0, int year = 2026) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static AuthorityProfile Profile(string code, decimal payment, decimal reserve)
    {
        var profile = AuthorityProfile.Create(code, code);
        foreach (var line in Enum.GetValues<ProductLine>())
        {
            profile.SetLimit(line, AuthorityKind.Payment, payment);
            profile.SetLimit(line, AuthorityKind.Reserve, reserve);
        }

        return profile;
    }

    public static ClaimIntake Intake(DateTimeOffset? claimedAt = null, ProductLine line = ProductLine.Motor) => new()
    {
        Number = "LP20261121000001",
        Line = line,
        ClaimantName = Claimant,
        ClaimantMobile = MobileNumber.Create("13812345678").Value,
        LossAt = (claimedAt ?? Local(11, 2)).AddHours(-3),
        ReportedAt = (claimedAt ?? Local(11, 2)).AddHours(-2),
        ClaimedAt = claimedAt ?? Local(11, 2),
        HandlerStaffId = Handler,
        InsuredObject = "粤B12345",
    };

    public static Claim Open(DateTimeOffset? claimedAt = null, ProductLine line = ProductLine.Motor) =>
        Claim.Open(Intake(claimedAt, line), Branch, (claimedAt ?? Local(11, 2)).AddMinutes(1), Calendar);

    public static IReadOnlyList<IReadOnlyList<ApproverCandidate>> Chain() =>
    [
        [new ApproverCandidate(Supervisor, SupervisorLimits)],
        [new ApproverCandidate(Manager, ManagerLimits)],
    ];

    public static ApprovalRoute Route(Claim claim, Guid acting, IAuthorityLimits authority, AuthorityKind kind, decimal amount) =>
        ApprovalRouting.Route(new ApprovalRequest(acting, authority, claim.HandlerStaffId, claim.Line, kind, amount, Chain()));

    /// <summary>Documents required and all handed in.</summary>
    public static Claim Complete(DateTimeOffset? claimedAt = null)
    {
        var claim = Open(claimedAt);
        var at = claim.ClaimedAt.AddMinutes(5);
        claim.RequireDocuments([ClaimForm, Accident], at);
        claim.ReceiveDocuments([new ReceivedDocument(ClaimForm.Code, ClaimForm.Name), new ReceivedDocument(Accident.Code, Accident.Name)], at);
        return claim;
    }

    public static Claim Accepted(decimal amount = 8_000m)
    {
        var claim = Complete();
        claim.Accept(amount, Handler, Local(11, 5));
        return claim;
    }

    /// <summary>Accepted and approved by the supervisor (the handler's request went one level up).</summary>
    public static Claim Approved(decimal amount = 8_000m, bool verified = true)
    {
        var claim = Accepted(amount);
        claim.SubmitForApproval(Route(claim, Handler, HandlerLimits, AuthorityKind.Payment, amount), Local(11, 5, 11));
        claim.Approve(Supervisor, SupervisorLimits, Local(11, 5, 14));
        if (verified)
        {
            claim.VerifyPolicy(Guid.CreateVersion7(), null, Handler, Local(11, 5, 15));
        }

        return claim;
    }

    public static Claim Agreed(decimal amount = 8_000m, bool verified = true)
    {
        var claim = Approved(amount, verified);
        claim.RecordAgreement(Local(11, 6));
        return claim;
    }

    public static ClaimPayee Payee(string name = Claimant) => new(name, PaymentMethod.BankTransfer, Card);

    public static Claim Paid()
    {
        var claim = Agreed();
        claim.Pay(Payee(), new DateOnly(2026, 11, 9), Handler, Local(11, 7));
        return claim;
    }

    public static Claim Closed()
    {
        var claim = Paid();
        claim.Close("JA2026-000123", Handler, Local(11, 10));
        return claim;
    }
}
