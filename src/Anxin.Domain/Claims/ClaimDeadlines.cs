using Anxin.Domain.Clocks;
using Anxin.Domain.Policies;

namespace Anxin.Domain.Claims;

/// <summary>The claim's statutory dates at a glance (null: not running, or paused while waiting for the claimant).</summary>
public sealed record ClaimDueDates(
    DateTimeOffset? Decision,
    DateTimeOffset? AdvancePayment,
    DateTimeOffset? RefusalNotice,
    DateTimeOffset? Payment,
    DateTimeOffset LimitationEnds);

/// <summary>
/// Statutory claim deadlines (Insurance Law arts. 21–26, RULES.md), counted by <see cref="DeadlineCalculator"/>
/// in calendar days: the start day is not counted, the period ends at 24:00 of its last day, and a last day
/// on a public holiday moves to the day after the holiday.
/// <para>
/// Decision (art. 23) and advance payment (art. 25) count from when the claim and its documents first
/// reached the insurer (<see cref="Claim.ClaimedAt"/>), less the days spent waiting for the claimant to
/// supplement documents after a missing-documents notice (SPC Interpretation II of the Insurance Law,
/// art. 15): each wait adds the number of calendar days from the notice's date to the date it ended.
/// </para>
/// </summary>
public static class ClaimDeadlines
{
    public const int NonLifeLimitationYears = 2;
    public const int LifeLimitationYears = 5;

    /// <summary>Decision (核定) due; null while a notice is still waiting for the claimant.</summary>
    public static DateTimeOffset? Decision(DateTimeOffset claimedAt, IEnumerable<WaitInterval> waits, WorkingCalendar calendar, ClockRule? rule = null) =>
        WithWaits(claimedAt, waits, calendar, rule ?? DefaultClockRules.ClaimDecision);

    /// <summary>Advance payment (先予支付) due when the amount is still not fixed; null while waiting for the claimant.</summary>
    public static DateTimeOffset? AdvancePayment(DateTimeOffset claimedAt, IEnumerable<WaitInterval> waits, WorkingCalendar calendar, ClockRule? rule = null) =>
        WithWaits(claimedAt, waits, calendar, rule ?? DefaultClockRules.AdvancePayment);

    /// <summary>Refusal notice with reasons due within 3 days of the refusal decision (art. 24).</summary>
    public static DateTimeOffset RefusalNotice(DateTimeOffset refusedAt, WorkingCalendar calendar, ClockRule? rule = null) =>
        Days(refusedAt, 0, calendar, rule ?? DefaultClockRules.RefusalNotice);

    /// <summary>Payment due within 10 days of agreeing the amount with the claimant (art. 23).</summary>
    public static DateTimeOffset Payment(DateTimeOffset agreedAt, WorkingCalendar calendar, ClockRule? rule = null) =>
        Days(agreedAt, 0, calendar, rule ?? DefaultClockRules.ClaimPayment);

    /// <summary>Whole calendar days spent waiting for the claimant; null while still waiting.</summary>
    public static int? WaitingDays(IEnumerable<WaitInterval> waits, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(waits);
        ArgumentNullException.ThrowIfNull(calendar);
        var days = 0;
        foreach (var wait in waits)
        {
            if (wait.To is not { } to)
            {
                return null;
            }

            days += LocalDate(to, calendar).DayNumber - LocalDate(wait.From, calendar).DayNumber;
        }

        return days;
    }

    /// <summary>A report more than <paramref name="lateReportDays"/> days after the loss is late (art. 21).</summary>
    public static bool IsLateReport(DateTimeOffset lossAt, DateTimeOffset reportedAt, int lateReportDays) =>
        reportedAt - lossAt > TimeSpan.FromDays(lateReportDays);

    /// <summary>Art. 26: five years for life insurance, two for every other line.</summary>
    public static int LimitationYears(ProductLine line) => line == ProductLine.Life ? LifeLimitationYears : NonLifeLimitationYears;

    /// <summary>
    /// The end of the limitation period counted from when the claimant knew of the loss: the same date
    /// <see cref="LimitationYears"/> later (28 February for 29 February), moved past a public holiday,
    /// ending at 24:00 (Civil Code arts. 201–203).
    /// </summary>
    public static DateTimeOffset LimitationEnds(ProductLine line, DateTimeOffset knewAt, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var last = LocalDate(knewAt, calendar).AddYears(LimitationYears(line));
        while (calendar.IsHoliday(last))
        {
            last = last.AddDays(1);
        }

        return calendar.EndOfDay(last);
    }

    /// <summary>Whether the claim was made after the limitation period (a warning, not a refusal).</summary>
    public static bool IsFiledAfterLimitation(ProductLine line, DateTimeOffset knewAt, DateTimeOffset claimedAt, WorkingCalendar calendar) =>
        claimedAt >= LimitationEnds(line, knewAt, calendar);

    /// <summary>Every date that applies to the claim now.</summary>
    public static ClaimDueDates For(Claim claim, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var waits = claim.DocumentWaits();
        return new ClaimDueDates(
            claim.DecisionClockRunning ? Decision(claim.ClaimedAt, waits, calendar) : null,
            claim.AdvancePaymentClockRunning ? AdvancePayment(claim.ClaimedAt, waits, calendar) : null,
            claim.Status == ClaimStatus.Refused && claim.RefusalNoticeSentAt is null && claim.AdjudicatedAt is { } refusedAt
                ? RefusalNotice(refusedAt, calendar)
                : null,
            claim.AgreedAt is { } agreedAt && claim.Status == ClaimStatus.Approved ? Payment(agreedAt, calendar) : null,
            LimitationEnds(claim.Line, claim.KnewOfLossAt, calendar));
    }

    private static DateTimeOffset? WithWaits(DateTimeOffset start, IEnumerable<WaitInterval> waits, WorkingCalendar calendar, ClockRule rule) =>
        WaitingDays(waits, calendar) is { } waited ? Days(start, waited, calendar, rule) : null;

    private static DateTimeOffset Days(DateTimeOffset start, int extraDays, WorkingCalendar calendar, ClockRule rule)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (rule.Unit != DeadlineUnit.CalendarDays)
        {
            throw new ArgumentException("Statutory claim deadlines count calendar days.", nameof(rule));
        }

        return DeadlineCalculator.Deadline(start, rule.Amount + extraDays, DeadlineUnit.CalendarDays, calendar);
    }

    private static DateOnly LocalDate(DateTimeOffset instant, WorkingCalendar calendar) => DateOnly.FromDateTime(calendar.ToLocal(instant).DateTime);
}
