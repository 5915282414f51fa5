using Anxin.Domain.Claims;
using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using static Anxin.Domain.Tests.Claims.ClaimKit;

namespace Anxin.Domain.Tests.Claims;

/// <summary>Insurance Law art. 22: one complete missing-documents notice per round; the decision clock waits meanwhile.</summary>
public sealed class ClaimDocumentNoticeTests
{
    private static Claim AwaitingThreeDocuments()
    {
        var claim = Open(Local(8, 20));
        claim.RequireDocuments([ClaimForm, Accident, Estimate], Local(8, 20, 10, 5));
        claim.ReceiveDocuments([new ReceivedDocument(ClaimForm.Code, ClaimForm.Name)], Local(8, 20, 10, 10));
        claim.TakeClockActions();
        return claim;
    }

    private static ReceivedDocument Received(DocumentRequirement requirement, params DocumentRequirement[] raises) =>
        new(requirement.Code, requirement.Name, raises);

    [Fact]
    public void The_checklist_leaves_the_claim_awaiting_documents_until_everything_is_in()
    {
        var claim = AwaitingThreeDocuments();
        Assert.Equal(ClaimStatus.AwaitingDocuments, claim.Status);
        Assert.Equal([Accident.Code, Estimate.Code], claim.MissingDocuments().Select(d => d.Code));

        claim.ReceiveDocuments([Received(Accident), Received(Estimate)], Local(8, 21));

        Assert.Equal(ClaimStatus.DocumentsComplete, claim.Status);
        Assert.Empty(claim.MissingDocuments());
    }

    [Fact]
    public void The_notice_lists_everything_missing_and_pauses_the_decision_clocks()
    {
        var claim = AwaitingThreeDocuments();

        var notice = claim.SendMissingDocumentsNotice(Handler, Local(8, 22, 15));

        Assert.Equal([Accident.Code, Estimate.Code], notice.Items());
        Assert.Equal(1, notice.Round);
        Assert.True(claim.IsWaitingForClaimant);
        Assert.Equal(
            [(DefaultClockRules.ClaimDecision.Code, ClockActionKind.Pause), (DefaultClockRules.AdvancePayment.Code, ClockActionKind.Pause)],
            claim.TakeClockActions().Select(a => (a.RuleCode, a.Kind)));
    }

    [Fact]
    public void The_clocks_resume_when_everything_the_notice_listed_has_arrived()
    {
        var claim = AwaitingThreeDocuments();
        claim.SendMissingDocumentsNotice(Handler, Local(8, 22, 15));
        claim.TakeClockActions();

        claim.ReceiveDocuments([Received(Accident)], Local(8, 25));
        Assert.Empty(claim.TakeClockActions());
        claim.ReceiveDocuments([Received(Estimate)], Local(8, 29, 9));

        Assert.All(claim.TakeClockActions(), a => Assert.Equal((ClockActionKind.Resume, Local(8, 29, 9)), (a.Kind, a.At)));
        Assert.False(claim.IsWaitingForClaimant);
        Assert.Equal([new WaitInterval(Local(8, 22, 15), Local(8, 29, 9))], claim.DocumentWaits());
    }

    [Fact]
    public void A_second_notice_in_the_same_round_is_refused()
    {
        var claim = AwaitingThreeDocuments();
        claim.SendMissingDocumentsNotice(Handler, Local(8, 22, 15));

        var e = Assert.Throws<DomainException>(() => claim.SendMissingDocumentsNotice(Handler, Local(8, 23)));

        Assert.Equal("Claim.NoticeAlreadySent", e.Code);
    }

    [Fact]
    public void A_second_notice_asking_for_something_the_first_did_not_is_refused()
    {
        var claim = AwaitingThreeDocuments();
        claim.SendMissingDocumentsNotice(Handler, Local(8, 22, 15));
        claim.ReceiveDocuments([Received(Accident)], Local(8, 25));
        claim.RequireDocuments([Medical], Local(8, 25, 11));

        var e = Assert.Throws<DomainException>(() => claim.SendMissingDocumentsNotice(Handler, Local(8, 26)));

        Assert.Equal("Claim.NoticeNotOneTime", e.Code);
        Assert.Single(claim.Notices);
    }

    [Fact]
    public void A_second_notice_may_ask_for_what_the_claimants_new_submission_raised()
    {
        var claim = AwaitingThreeDocuments();
        claim.SendMissingDocumentsNotice(Handler, Local(8, 22, 15));
        claim.TakeClockActions();
        // Injury evidence in the accident certificate raises medical records.
        claim.ReceiveDocuments([Received(Accident, Medical)], Local(8, 25));

        var second = claim.SendMissingDocumentsNotice(Handler, Local(8, 26));

        Assert.Equal([Estimate.Code, Medical.Code], second.Items());
        Assert.Equal(2, second.Round);
        Assert.Equal(NoticeEnd.Superseded, claim.Notices[0].EndReason);
        Assert.Empty(claim.TakeClockActions()); // still paused: no second pause
        var raised = claim.Documents.Single(d => d.Code == Medical.Code);
        Assert.Equal((DocumentSource.Raised, Accident.Code), (raised.Source, raised.RaisedByCode));
    }

    [Fact]
    public void A_requirement_the_notice_may_not_ask_for_can_be_waived_and_the_claim_completes()
    {
        var claim = AwaitingThreeDocuments();
        claim.SendMissingDocumentsNotice(Handler, Local(8, 22, 15));
        claim.RequireDocuments([Medical], Local(8, 23));
        claim.ReceiveDocuments([Received(Accident), Received(Estimate)], Local(8, 25));
        Assert.Equal(ClaimStatus.AwaitingDocuments, claim.Status);

        claim.WaiveDocument(Medical.Code, "首次通知未列明，不得再要求", Local(8, 25, 11));

        Assert.Equal(ClaimStatus.DocumentsComplete, claim.Status);
    }

    [Fact]
    public void Nothing_missing_means_no_notice()
    {
        var claim = Complete();

        Assert.Equal("Claim.NothingMissing", Assert.Throws<DomainException>(() => claim.SendMissingDocumentsNotice(Handler, Local(11, 3))).Code);
    }

    [Fact]
    public void Documents_are_frozen_once_the_claim_is_adjudicated()
    {
        var claim = Accepted();

        Assert.Equal("Claim.DocumentsFrozen", Assert.Throws<DomainException>(() => claim.ReceiveDocuments([Received(Medical)], Local(11, 6))).Code);
    }

    [Fact]
    public void A_bad_document_in_a_submission_records_nothing()
    {
        var claim = AwaitingThreeDocuments();

        Assert.Throws<DomainException>(() => claim.ReceiveDocuments([Received(Accident), new ReceivedDocument(" ", "x")], Local(8, 21)));

        Assert.Equal(2, claim.MissingDocuments().Count);
    }
}
