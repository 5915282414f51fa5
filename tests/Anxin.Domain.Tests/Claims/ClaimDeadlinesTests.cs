using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Domain.Policies;
using static Anxin.Domain.Tests.Claims.ClaimKit;

namespace Anxin.Domain.Tests.Claims;

/// <summary>Insurance Law arts. 21–26 as exact dates (calendar days, start day not counted, holiday end moved).</summary>
public sealed class ClaimDeadlinesTests
{
    private static DateTimeOffset Midnight(int month, int day, int year = 2026) => Local(month, day, 0, 0, year);

    [Fact]
    public void The_decision_is_due_thirty_days_after_the_claim_with_complete_documents()
    {
        var claim = Complete(Local(11, 2, 10));

        // 11-02 not counted; the 30th day is 12-02, ending at 24:00.
        Assert.Equal(Midnight(12, 3), ClaimDeadlines.For(claim, Calendar).Decision);
    }

    [Fact]
    public void Days_waiting_for_the_claimant_after_a_notice_do_not_count_and_a_holiday_end_moves()
    {
        var claim = Open(Local(8, 20, 10));
        claim.RequireDocuments([ClaimForm, Accident, Estimate], Local(8, 20, 10, 5));
        claim.ReceiveDocuments([new ReceivedDocument(ClaimForm.Code, ClaimForm.Name)], Local(8, 20, 10, 10));
        claim.SendMissingDocumentsNotice(Handler, Local(8, 22, 15));
        Assert.Null(ClaimDeadlines.For(claim, Calendar).Decision); // paused: no due date while waiting

        claim.ReceiveDocuments([new ReceivedDocument(Accident.Code, Accident.Name)], Local(8, 25));
        claim.ReceiveDocuments([new ReceivedDocument(Estimate.Code, Estimate.Name)], Local(8, 29, 9));

        // Waited 08-22 → 08-29: 7 days. 08-20 + 37 days = 09-26, inside Mid-Autumn (09-25…27) → 09-28, ending at 24:00.
        Assert.Equal(7, ClaimDeadlines.WaitingDays(claim.DocumentWaits(), Calendar));
        Assert.Equal(Midnight(9, 29), ClaimDeadlines.For(claim, Calendar).Decision);
        Assert.Equal(Midnight(9, 29), ClaimDeadlines.Decision(Local(8, 20, 10), [new WaitInterval(Local(8, 22, 15), Local(8, 29, 9))], Calendar));
    }

    [Fact]
    public void Successive_notice_rounds_add_up_without_gaps()
    {
        var claim = Open(Local(8, 20, 10));
        claim.RequireDocuments([Accident, Estimate], Local(8, 20, 10, 5));
        claim.SendMissingDocumentsNotice(Handler, Local(8, 22, 15));
        claim.ReceiveDocuments([new ReceivedDocument(Accident.Code, Accident.Name, [Medical])], Local(8, 25));
        claim.SendMissingDocumentsNotice(Handler, Local(8, 26));
        claim.ReceiveDocuments([new ReceivedDocument(Estimate.Code, Estimate.Name), new ReceivedDocument(Medical.Code, Medical.Name)], Local(9, 2));

        // 08-22 → 08-26 (4) + 08-26 → 09-02 (7) = 11 days; 08-20 + 41 = 09-30, ending at 24:00.
        Assert.Equal(11, ClaimDeadlines.WaitingDays(claim.DocumentWaits(), Calendar));
        Assert.Equal(Midnight(10, 1), ClaimDeadlines.For(claim, Calendar).Decision);
    }

    [Fact]
    public void The_refusal_notice_is_due_within_three_days_moved_past_national_day()
    {
        // 09-28 + 3 = 10-01, a holiday until 10-07 → 10-08, ending at 24:00.
        Assert.Equal(Midnight(10, 9), ClaimDeadlines.RefusalNotice(Local(9, 28, 16), Calendar));

        var claim = Complete(Local(9, 20));
        claim.Refuse(["不属于保险责任"], Handler, Local(9, 28, 16));
        Assert.Equal(Midnight(10, 9), ClaimDeadlines.For(claim, Calendar).RefusalNotice);
        Assert.Null(ClaimDeadlines.For(claim, Calendar).Decision);
    }

    [Fact]
    public void Payment_is_due_ten_days_after_the_agreement()
    {
        Assert.Equal(Midnight(12, 1), ClaimDeadlines.Payment(Local(11, 20, 15), Calendar));

        var claim = Agreed();
        Assert.Equal(Midnight(11, 17), ClaimDeadlines.For(claim, Calendar).Payment);
    }

    [Fact]
    public void The_advance_payment_is_due_sixty_days_after_the_claim_moved_past_labour_day()
    {
        // 03-03 + 60 = 05-02, inside Labour Day (05-01…05) → 05-06, ending at 24:00.
        Assert.Equal(Midnight(5, 7), ClaimDeadlines.AdvancePayment(Local(3, 3, 10), [], Calendar));
        Assert.Equal(Midnight(5, 7), ClaimDeadlines.For(Complete(Local(3, 3, 10)), Calendar).AdvancePayment);
    }

    [Fact]
    public void A_tightened_statutory_rule_is_honoured()
    {
        var rule = ClockRule.Create(DefaultClockRules.ClaimDecision.Code, 20, DeadlineUnit.CalendarDays, 80, statutory: true);

        Assert.Equal(Midnight(11, 23), ClaimDeadlines.Decision(Local(11, 2, 10), [], Calendar, rule));
    }

    [Fact]
    public void The_statutory_claim_rules_are_defaults_that_cannot_be_loosened()
    {
        Assert.Equal(
            [("Claim.Decision", 30), ("Claim.RefusalNotice", 3), ("Claim.AdvancePayment", 60), ("Claim.Payment", 10)],
            new[] { DefaultClockRules.ClaimDecision, DefaultClockRules.RefusalNotice, DefaultClockRules.AdvancePayment, DefaultClockRules.ClaimPayment }
                .Select(r => (r.Code, r.Amount)));
        Assert.All(DefaultClockRules.All.Where(r => r.Code.StartsWith("Claim.", StringComparison.Ordinal)),
            r => Assert.Equal((true, DeadlineUnit.CalendarDays), (r.Statutory, r.Unit)));
    }

    [Fact]
    public void Non_life_limitation_is_two_years_from_when_the_claimant_knew()
    {
        Assert.Equal(Midnight(3, 11), ClaimDeadlines.LimitationEnds(ProductLine.Motor, Local(3, 10, 9, 0, 2024), Calendar));
        Assert.True(ClaimDeadlines.IsFiledAfterLimitation(ProductLine.Motor, Local(3, 10, 9, 0, 2024), Local(3, 11, 10), Calendar));
        Assert.False(ClaimDeadlines.IsFiledAfterLimitation(ProductLine.Motor, Local(3, 10, 9, 0, 2024), Local(3, 10, 23), Calendar));
    }

    [Fact]
    public void Life_limitation_is_five_years()
    {
        Assert.Equal(Midnight(3, 11, 2029), ClaimDeadlines.LimitationEnds(ProductLine.Life, Local(3, 10, 9, 0, 2024), Calendar));
        Assert.False(ClaimDeadlines.IsFiledAfterLimitation(ProductLine.Life, Local(3, 10, 9, 0, 2024), Local(3, 11, 10), Calendar));
        Assert.Equal(2, ClaimDeadlines.LimitationYears(ProductLine.Health));
    }

    [Fact]
    public void A_limitation_ending_on_a_holiday_moves_past_it_and_a_leap_day_ends_on_the_28th()
    {
        Assert.Equal(Midnight(10, 9), ClaimDeadlines.LimitationEnds(ProductLine.Property, Local(10, 1, 9, 0, 2024), Calendar));
        Assert.Equal(Midnight(3, 1), ClaimDeadlines.LimitationEnds(ProductLine.Property, Local(2, 29, 9, 0, 2024), Calendar));
    }

    [Fact]
    public void A_claim_made_after_the_limitation_period_carries_a_warning()
    {
        var intake = Intake(Local(11, 2)) with { LossAt = Local(6, 1, 9, 0, 2024), ReportedAt = Local(6, 1, 10, 0, 2024) };

        var claim = Claim.Open(intake, Branch, Local(11, 2, 11), Calendar);

        Assert.True(claim.FiledAfterLimitation);
        Assert.False(Claim.Open(intake with { Line = ProductLine.Life }, Branch, Local(11, 2, 11), Calendar).FiledAfterLimitation);
    }

    [Theory]
    [InlineData(47, false)]
    [InlineData(49, true)]
    public void A_late_report_is_more_than_two_days_after_the_loss(int hours, bool late)
    {
        Assert.Equal(late, ClaimDeadlines.IsLateReport(Local(11, 1, 10), Local(11, 1, 10).AddHours(hours), 2));
    }
}
