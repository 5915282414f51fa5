using Anxin.Domain.Clocks;
using Anxin.Domain.Common;
using Anxin.Domain.Consultations;
using static Anxin.Domain.Tests.Requests.RequestTestData;

namespace Anxin.Domain.Tests.Requests;

/// <summary>CC-06: answered at once, or registered with a promised reply (default one working day).</summary>
public sealed class ConsultationTests
{
    private static readonly WorkingCalendar Calendar = new(WorkingCalendar.StandardHours, ChinaHolidays2026.Days);

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static TheoryData<DateTimeOffset, DateTimeOffset> ReplyDefaults => new()
    {
        { Local(3, 2, 10), Local(3, 3, 17, 30) },     // Monday → Tuesday at the close of business
        { Local(3, 6, 16), Local(3, 9, 17, 30) },     // Friday → over the weekend to Monday
        { Local(9, 30, 11), Local(10, 8, 17, 30) },   // the day before National Day → after the golden week
        { Local(2, 13, 9), Local(2, 14, 17, 30) },    // Friday before Spring Festival → the make-up Saturday
        { Local(3, 2, 22), Local(3, 3, 17, 30) },     // a call in the evening still counts from that day
    };

    [Theory]
    [MemberData(nameof(ReplyDefaults))]
    public void The_default_promise_is_one_working_day_on_the_business_calendar(DateTimeOffset now, DateTimeOffset expected)
    {
        var replyBy = Consultation.DefaultReplyBy(now, DefaultClockRules.ConsultationReply, Calendar);

        Assert.Equal(expected.UtcDateTime, replyBy.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, replyBy.Offset);
    }

    [Fact]
    public void Registered_without_a_promise_it_takes_the_default()
    {
        var latest = Consultation.DefaultReplyBy(Monday10, DefaultClockRules.ConsultationReply, Calendar);

        var consultation = Consultation.RegisterForReply("ZX20260302000001", Draft(), null, latest, Guid.CreateVersion7(), Team, Monday10);

        Assert.Equal((ConsultationStatus.Pending, (DateTimeOffset?)latest), (consultation.Status, consultation.PromisedReplyAt));
        Assert.True(consultation.IsOpen);
    }

    [Fact]
    public void The_agent_may_promise_earlier_but_not_later_than_the_default_nor_in_the_past()
    {
        var latest = Local(3, 3, 17, 30);
        var earlier = Local(3, 2, 15);

        Assert.Equal(earlier, Consultation.RegisterForReply("ZX20260302000001", Draft(), earlier, latest, null, Team, Monday10).PromisedReplyAt);
        Assert.Equal("Consultation.PromiseTooLate",
            Refused(() => Consultation.RegisterForReply("ZX20260302000002", Draft(), latest.AddMinutes(1), latest, null, Team, Monday10)).Code);
        Assert.Equal("Consultation.PromiseInPast",
            Refused(() => Consultation.RegisterForReply("ZX20260302000003", Draft(), Monday10.AddMinutes(-1), latest, null, Team, Monday10)).Code);
    }

    [Fact]
    public void A_consultation_to_answer_later_needs_the_callers_mobile()
    {
        var e = Refused(() => Consultation.RegisterForReply("ZX20260302000001", Draft(mobile: null), null, Local(3, 3, 17, 30), null, Team, Monday10));

        Assert.Equal((ValidationCodes.Required, nameof(Consultation.CallerMobile)), (e.Code, e.Field));
    }

    [Fact]
    public void Answered_at_once_it_is_closed_with_its_answer_and_owned_by_the_agent()
    {
        var agent = Guid.CreateVersion7();

        var consultation = Consultation.AnsweredAtOnce("ZX20260302000001", Draft(mobile: null), " 一般 3 个工作日内定损 ", agent, Team, Monday10);

        Assert.Equal((ConsultationStatus.Answered, "一般 3 个工作日内定损", (DateTimeOffset?)Monday10), (consultation.Status, consultation.Answer, consultation.AnsweredAt));
        Assert.Equal((agent, Monday10), (consultation.OwnerStaffId!.Value, consultation.OwnerSince));
        Assert.Null(consultation.PromisedReplyAt);
        Assert.Equal(ValidationCodes.Required, Refused(() => Consultation.AnsweredAtOnce("ZX20260302000002", Draft(), "  ", agent, Team, Monday10)).Code);
    }

    [Fact]
    public void A_pending_consultation_is_answered_once()
    {
        var consultation = Pending(Person("2102"));

        consultation.AnswerWith("已核实，明天上午定损", null, Monday10.AddHours(3));

        Assert.Equal(ConsultationStatus.Answered, consultation.Status);
        Assert.Equal("Consultation.AlreadyAnswered", Refused(() => consultation.AnswerWith("再答一次", null, Monday10.AddHours(4))).Code);
    }

    [Fact]
    public void A_question_and_the_callers_name_are_required()
    {
        var draft = Draft() with { Question = " ", CallerName = "李四" };
        Assert.Equal(nameof(Consultation.Question), Refused(() => Consultation.AnsweredAtOnce("ZX20260302000001", draft, "答", null, Team, Monday10)).Field);
        Assert.Equal(nameof(Consultation.CallerName),
            Refused(() => Consultation.AnsweredAtOnce("ZX20260302000001", Draft() with { CallerName = "" }, "答", null, Team, Monday10)).Field);
    }
}
