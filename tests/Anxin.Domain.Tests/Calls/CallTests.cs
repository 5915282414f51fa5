using Anxin.Domain.Calls;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;

namespace Anxin.Domain.Tests.Calls;

public sealed class CallTests
{
    private static readonly OrgNode Head = OrgNode.Create(null, 1, OrgNodeKind.HeadOffice, "HO", "总公司");
    private static readonly OrgNode Team = OrgNode.Create(Head, 2, OrgNodeKind.Team, "T1", "坐席一组");
    private static readonly Staff Agent = Staff.Create("2102", "陈晓", Team);
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8));

    private static Call Ringing(string? number = "+86 139-0013-8001") =>
        Call.Open("CTI-1", CallDirection.Inbound, number, "95500", Agent, CallEvent.Ringing, T0);

    [Fact]
    public void A_ringing_call_belongs_to_the_agents_node_and_keeps_the_bare_mobile()
    {
        var call = Ringing();

        Assert.Equal(CallState.Ringing, call.State);
        Assert.Equal((Agent.Id, Team.Id, Team.Path), (call.AgentStaffId, call.OrgNodeId, call.OrgPath));
        Assert.Equal("13900138001", call.CallerNumber);
        Assert.Equal("13900138001", call.CustomerNumber);
        Assert.Equal(T0, call.StartedAt);
    }

    [Fact]
    public void Ringing_then_answered_then_ended_records_the_talk_time()
    {
        var call = Ringing();
        call.Answer(T0.AddSeconds(5));
        call.End(T0.AddSeconds(65));

        Assert.Equal(CallState.Ended, call.State);
        Assert.False(call.IsMissed);
        Assert.Equal(TimeSpan.FromSeconds(60), call.TalkTime);
    }

    [Fact]
    public void Ended_straight_from_ringing_is_a_missed_call()
    {
        var call = Ringing();
        call.End(T0.AddSeconds(30));

        Assert.True(call.IsMissed);
        Assert.Null(call.TalkTime);
    }

    [Fact]
    public void An_ended_call_cannot_be_answered_or_ended_again_and_an_answered_one_not_answered_again()
    {
        var ended = Ringing();
        ended.End(T0.AddSeconds(30));
        Assert.Equal("Call.InvalidTransition", Assert.Throws<DomainException>(() => ended.Answer(T0.AddSeconds(10))).Code);
        Assert.Equal("Call.InvalidTransition", Assert.Throws<DomainException>(() => ended.End(T0.AddSeconds(40))).Code);

        var answered = Ringing();
        answered.Answer(T0.AddSeconds(5));
        Assert.Equal("Call.InvalidTransition", Assert.Throws<DomainException>(() => answered.Answer(T0.AddSeconds(6))).Code);
    }

    [Fact]
    public void A_transition_before_the_previous_event_is_out_of_order()
    {
        var call = Ringing();

        var e = Assert.Throws<DomainException>(() => call.Answer(T0.AddSeconds(-1)));

        Assert.Equal(("Call.EventOutOfOrder", "At"), (e.Code, e.Field));
        Assert.Equal(CallState.Ringing, call.State);
    }

    [Fact]
    public void A_resent_event_is_a_duplicate_and_changes_nothing()
    {
        var call = Ringing();
        Assert.Equal(CallEventOutcome.Applied, call.Record(CallEvent.Answered, T0.AddSeconds(5)));

        Assert.Equal(CallEventOutcome.Duplicate, call.Record(CallEvent.Ringing, T0.AddSeconds(1)));
        Assert.Equal(CallEventOutcome.Duplicate, call.Record(CallEvent.Answered, T0.AddSeconds(9)));
        Assert.Equal(T0.AddSeconds(5), call.AnsweredAt);
        Assert.Equal(CallState.Answered, call.State);
    }

    [Fact]
    public void A_late_answered_event_turns_a_call_that_looked_missed_into_an_answered_one()
    {
        var call = Ringing();
        call.Record(CallEvent.Ended, T0.AddSeconds(60));
        Assert.True(call.IsMissed);

        Assert.Equal(CallEventOutcome.Applied, call.Record(CallEvent.Answered, T0.AddSeconds(4)));

        Assert.Equal(CallState.Ended, call.State);
        Assert.False(call.IsMissed);
        Assert.Equal(TimeSpan.FromSeconds(56), call.TalkTime);
    }

    [Fact]
    public void A_late_event_whose_time_contradicts_the_call_is_refused()
    {
        var call = Ringing();
        call.Record(CallEvent.Ended, T0.AddSeconds(60));

        Assert.Equal("Call.EventOutOfOrder", Assert.Throws<DomainException>(() => call.Record(CallEvent.Answered, T0.AddSeconds(61))).Code);
    }

    [Fact]
    public void A_call_first_heard_of_when_answered_takes_its_ringing_time_later_and_starts_then()
    {
        var call = Call.Open("CTI-2", CallDirection.Inbound, "13900138001", null, Agent, CallEvent.Answered, T0.AddSeconds(5));
        Assert.Equal(CallState.Answered, call.State);

        Assert.Equal(CallEventOutcome.Applied, call.Record(CallEvent.Ringing, T0));

        Assert.Equal(T0, call.RingingAt);
        Assert.Equal(T0, call.StartedAt);
        Assert.Equal(CallState.Answered, call.State);
        Assert.Equal("Call.EventOutOfOrder", Assert.Throws<DomainException>(() =>
            Call.Open("CTI-3", CallDirection.Inbound, null, null, Agent, CallEvent.Answered, T0).Record(CallEvent.Ringing, T0.AddSeconds(1))).Code);
    }

    [Fact]
    public void An_outbound_call_matches_the_customer_on_the_called_number()
    {
        var call = Call.Open("CTI-4", CallDirection.Outbound, "95500", "020-8888 1234", Agent, CallEvent.Ringing, T0);

        Assert.Equal("02088881234", call.CustomerNumber);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("abc123")]
    [InlineData("123456789012345678901")]
    public void A_malformed_number_is_a_field_error(string number)
    {
        var e = Assert.Throws<DomainException>(() => Ringing(number));

        Assert.Equal(("Validation.Phone.Format", nameof(Call.CallerNumber)), (e.Code, e.Field));
    }

    [Fact]
    public void A_withheld_number_is_null()
    {
        Assert.Null(Ringing("  ").CallerNumber);
    }

    [Fact]
    public void Classifying_sets_type_customer_and_trimmed_notes_and_refuses_long_notes()
    {
        var call = Ringing();
        var customer = Guid.CreateVersion7();

        call.Classify(CallType.Report, customer, "  追尾  ");

        Assert.Equal((CallType.Report, customer, "追尾"), (call.Type, call.CustomerId, call.Notes));
        Assert.Equal("Validation.TooLong", Assert.Throws<DomainException>(() =>
            call.Classify(CallType.Report, null, new string('字', Call.MaxNotesLength + 1))).Code);
        Assert.Equal(ValidationCodes.Required, Assert.Throws<DomainException>(() => call.Classify((CallType)99, null, null)).Code);
    }
}
