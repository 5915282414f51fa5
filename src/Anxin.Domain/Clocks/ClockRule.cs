using Anxin.Domain.Common;

namespace Anxin.Domain.Clocks;

/// <summary>
/// A service-clock rule: how long, counted how, when to warn. Defaults come from RULES.md;
/// statutory rules cannot be loosened per organisation.
/// </summary>
public sealed record ClockRule(string Code, int Amount, DeadlineUnit Unit, int WarnPercent, bool Statutory)
{
    public static ClockRule Create(string code, int amount, DeadlineUnit unit, int warnPercent, bool statutory = false)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new DomainException(ValidationCodes.Required, nameof(Code));
        }

        if (amount <= 0)
        {
            throw new DomainException("Clock.AmountPositive", nameof(Amount));
        }

        if (warnPercent is < 1 or > 99)
        {
            throw new DomainException("Clock.WarnPercentRange", nameof(WarnPercent));
        }

        return new ClockRule(code.Trim(), amount, unit, warnPercent, statutory);
    }
}

/// <summary>The default rules (RULES.md): market practice is configurable, statute is not.</summary>
public static class DefaultClockRules
{
    public static readonly ClockRule DispatchSurveyor = new("Case.Dispatch", 2, DeadlineUnit.Minutes, 50, false);
    public static readonly ClockRule SurveyorContact = new("Case.SurveyorContact", 5, DeadlineUnit.Minutes, 60, false);

    /// <summary>Surveyor on site after acknowledging; each insurer's dispatch rule may set its own limit .</summary>
    public static readonly ClockRule SurveyorArrival = new("Case.Arrival", 30, DeadlineUnit.Minutes, 70, false);
    public static readonly ClockRule ConsultationReply = new("Consultation.Reply", 1, DeadlineUnit.WorkingDays, 75, false);

    /// <summary>The owner of a request handed over or taken over follows it up within a working day (CC-05, 首问负责制).</summary>
    public static readonly ClockRule RequestFollowUp = new("Request.FollowUp", 1, DeadlineUnit.WorkingDays, 75, false);
    public static readonly ClockRule ClaimDecision = new("Claim.Decision", 30, DeadlineUnit.CalendarDays, 80, true);
    public static readonly ClockRule RefusalNotice = new("Claim.RefusalNotice", 3, DeadlineUnit.CalendarDays, 60, true);
    public static readonly ClockRule AdvancePayment = new("Claim.AdvancePayment", 60, DeadlineUnit.CalendarDays, 80, true);
    public static readonly ClockRule ClaimPayment = new("Claim.Payment", 10, DeadlineUnit.CalendarDays, 70, true);
    public static readonly ClockRule ComplaintDecision = new("Complaint.Decision", 15, DeadlineUnit.CalendarDays, 70, true);

    public static IReadOnlyList<ClockRule> All { get; } =
        [DispatchSurveyor, SurveyorContact, SurveyorArrival, ConsultationReply, RequestFollowUp, ClaimDecision, RefusalNotice, AdvancePayment, ClaimPayment, ComplaintDecision];

    public static ClockRule? Find(string? code) => All.FirstOrDefault(r => string.Equals(r.Code, code?.Trim(), StringComparison.Ordinal));
}
