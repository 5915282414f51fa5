using Anxin.Domain.Common;
using Anxin.Domain.Requests;
using static Anxin.Domain.Tests.Requests.RequestTestData;

namespace Anxin.Domain.Tests.Requests;

/// <summary>CC-05: a hand-over names an active colleague other than the owner, with a note, and is recorded.</summary>
public sealed class HandoverTests
{
    private static readonly RequestRef Subject = new(RequestKind.Case, Guid.CreateVersion7(), "BA20260302000001", Team.Id, Team.Path);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_hand_over_needs_a_note(string? note)
    {
        var owner = Person("2102");
        var colleague = Person("2301", "罗赔");

        var e = Refused(() => Handover.Record(Subject, new Ownership(owner.Id, Monday10), colleague, owner.Id, note, HandoverKind.HandOver, Monday10));

        Assert.Equal((ValidationCodes.Required, "Note"), (e.Code, e.Field));
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused()
    {
        var owner = Person("2102");

        var e = Refused(() => Handover.Record(Subject, new Ownership(owner.Id, Monday10), Person("2301"), owner.Id,
            new string('注', Ownership.MaxNoteLength + 1), HandoverKind.HandOver, Monday10));

        Assert.Equal("Validation.TooLong", e.Code);
    }

    [Fact]
    public void An_inactive_colleague_cannot_receive_a_request()
    {
        var owner = Person("2102");
        var gone = Person("2301", "罗赔");
        gone.Deactivate();

        var e = Refused(() => Handover.Record(Subject, new Ownership(owner.Id, Monday10), gone, owner.Id, "理赔问题转理赔部", HandoverKind.HandOver, Monday10));

        Assert.Equal(("Ownership.TargetInactive", "ToStaffId"), (e.Code, e.Field));
    }

    [Fact]
    public void The_owner_cannot_hand_a_request_to_themselves()
    {
        var owner = Person("2102");

        var e = Refused(() => Handover.Record(Subject, new Ownership(owner.Id, Monday10), owner, owner.Id, "自己", HandoverKind.HandOver, Monday10));

        Assert.Equal("Ownership.SameOwner", e.Code);
    }

    [Fact]
    public void A_hand_over_records_who_from_whom_to_why_and_when_and_moves_the_ownership()
    {
        var owner = Person("2102");
        var supervisor = Person("2101", "王督");
        var colleague = Person("2301", "罗赔");
        var at = Monday10.AddHours(2);

        var (record, ownership) = Handover.Record(Subject, new Ownership(owner.Id, Monday10), colleague, supervisor.Id, "  需理赔部核定赔款  ",
            HandoverKind.HandOver, at);

        Assert.Equal((owner.Id, colleague.Id, (Guid?)supervisor.Id), (record.FromStaffId!.Value, record.ToStaffId, record.ByStaffId));
        Assert.Equal(("需理赔部核定赔款", at, Subject.Number, Subject.OrgPath), (record.Note, record.At, record.SubjectNumber, record.OrgPath));
        Assert.Equal(new Ownership(colleague.Id, at), ownership);
    }

    [Fact]
    public void A_supervisor_may_take_over_without_a_note()
    {
        var owner = Person("2102");
        var supervisor = Person("2101", "王督");

        var (record, ownership) = Handover.Record(Subject, new Ownership(owner.Id, Monday10), supervisor, supervisor.Id, null, HandoverKind.TakeOver, Monday10);

        Assert.Equal(HandoverKind.TakeOver, record.Kind);
        Assert.Equal(supervisor.Id, ownership.OwnerStaffId);
    }

    [Fact]
    public void An_answered_consultation_is_no_longer_handed_over()
    {
        var owner = Person("2102");
        var consultation = Pending(owner);
        consultation.AnswerWith("已答复", owner.Id, Monday10.AddHours(1));

        var e = Refused(() => consultation.HandOver(Person("2103"), owner.Id, "转交", HandoverKind.HandOver, Monday10.AddHours(2)));

        Assert.Equal("Consultation.AlreadyAnswered", e.Code);
    }

    [Fact]
    public void Handing_over_a_consultation_changes_its_owner_and_since()
    {
        var owner = Person("2102");
        var colleague = Person("2103", "林静");
        var consultation = Pending(owner);
        var at = Monday10.AddMinutes(30);

        var record = consultation.HandOver(colleague, owner.Id, "客户要求女性坐席回电", HandoverKind.HandOver, at);

        Assert.Equal((colleague.Id, at), (consultation.OwnerStaffId!.Value, consultation.OwnerSince));
        Assert.Equal((RequestKind.Consultation, consultation.Id), (record.SubjectType, record.SubjectId));
    }

    [Fact]
    public void An_escalation_needs_a_reason_and_closes_only_once()
    {
        var agent = Person("2102");
        Assert.Equal(ValidationCodes.Required, Refused(() => Escalation.Raise(Subject, " ", agent.Id, Team.Id, Team.Path, Monday10)).Code);

        var escalation = Escalation.Raise(Subject, "客户对定损金额有异议", agent.Id, Team.Id, Team.Path, Monday10);
        escalation.TakenOver(Guid.CreateVersion7(), Monday10.AddHours(1));

        Assert.Equal(EscalationStatus.TakenOver, escalation.Status);
        Assert.Equal("Escalation.NotOpen", Refused(() => escalation.Resolved(Monday10.AddHours(2))).Code);
    }
}
