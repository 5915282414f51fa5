using Anxin.Domain.Common;
using Anxin.Domain.Quality;
using Anxin.Domain.Requests;
using static Anxin.Domain.Tests.Requests.RequestTestData;

namespace Anxin.Domain.Tests.Requests;

/// <summary>CC-08: Open → Corrected (with a note) → Confirmed, in that order only.</summary>
public sealed class RegistrationErrorTests
{
    private static readonly RequestRef Subject = new(RequestKind.Case, Guid.CreateVersion7(), "BA20260302000001", Team.Id, Team.Path);

    private static RegistrationError Record(DateTimeOffset? at = null) => RegistrationError.Record(Subject, Guid.CreateVersion7(), Team.Id, Team.Path,
        RegistrationErrorCategory.WrongPlate, "车牌号 粤B12345 登记为 粤B12354", Guid.CreateVersion7(), at ?? Monday10);

    [Fact]
    public void A_recorded_error_is_open_against_the_agent_in_the_month_of_china_time()
    {
        var error = Record(new DateTimeOffset(2026, 3, 31, 17, 0, 0, TimeSpan.Zero)); // 1 April, 01:00 in Shanghai

        Assert.Equal((RegistrationErrorStatus.Open, 202604), (error.Status, error.Month));
        Assert.Equal(ValidationCodes.Required, Refused(() => RegistrationError.Record(Subject, Guid.CreateVersion7(), Team.Id, Team.Path,
            RegistrationErrorCategory.Other, "  ", null, Monday10)).Code);
    }

    [Fact]
    public void The_agent_corrects_it_with_a_note_and_qa_confirms_it()
    {
        var error = Record();
        var agent = Guid.CreateVersion7();
        var qa = Guid.CreateVersion7();

        Assert.Equal(ValidationCodes.Required, Refused(() => error.Correct(" ", agent, Monday10)).Code);
        Assert.Equal(RegistrationErrorStatus.Open, error.Status);
        error.Correct("已改为 粤B12345", agent, Monday10.AddHours(1));
        error.Confirm(qa, Monday10.AddHours(2));

        Assert.Equal(RegistrationErrorStatus.Confirmed, error.Status);
        Assert.Equal(("已改为 粤B12345", (Guid?)agent, (Guid?)qa), (error.CorrectionNote, error.CorrectedByStaffId, error.ConfirmedByStaffId));
    }

    [Fact]
    public void Qa_cannot_confirm_an_error_nobody_corrected_and_a_correction_is_made_once()
    {
        var error = Record();

        Assert.Equal("RegistrationError.NotCorrected", Refused(() => error.Confirm(null, Monday10)).Code);
        error.Correct("已更正", null, Monday10);
        Assert.Equal("RegistrationError.NotOpen", Refused(() => error.Correct("再改", null, Monday10)).Code);
        error.Confirm(null, Monday10);
        Assert.Equal("RegistrationError.NotCorrected", Refused(() => error.Confirm(null, Monday10)).Code);
    }
}
