using Anxin.Domain.Common;
using Anxin.Domain.Dispatch;

namespace Anxin.Domain.Tests.Dispatch;

public sealed class AssignmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DispatchedCase Case = new(Guid.CreateVersion7(), "BA20260302000001", Guid.NewGuid(), Guid.NewGuid(), "/1/2/12/");

    [Fact]
    public void A_task_goes_assigned_acknowledged_arrived_assessed()
    {
        var assignment = NewAssignment();

        assignment.Acknowledge(Now.AddMinutes(3));
        assignment.Arrive(Now.AddMinutes(25));
        assignment.Assess(Money.Create(3250.50m).Value, "  前保险杠受损  ", Now.AddMinutes(60));

        Assert.Equal(AssignmentState.Assessed, assignment.State);
        Assert.Equal((Now.AddMinutes(3), Now.AddMinutes(25), Now.AddMinutes(60)), (assignment.AcknowledgedAt, assignment.ArrivedAt, assignment.AssessedAt));
        Assert.Equal(3250.50m, assignment.AssessedLossAmount);
        Assert.Equal("前保险杠受损", assignment.AssessmentNotes);
        Assert.False(assignment.IsOpen);
        Assert.Equal((Case.CaseNumber, Case.OrgPath, Case.InsurerId), (assignment.CaseNumber, assignment.OrgPath, assignment.InsurerId));
    }

    [Fact]
    public void Steps_cannot_be_skipped_or_repeated()
    {
        var assignment = NewAssignment();

        Assert.Equal("Dispatch.Assignment.AcknowledgeFirst", Assert.Throws<DomainException>(() => assignment.Arrive(Now)).Code);
        Assert.Equal("Dispatch.Assignment.ArriveFirst", Assert.Throws<DomainException>(() => assignment.Assess(Money.Zero, null, Now)).Code);
        assignment.Acknowledge(Now);
        Assert.Equal("Dispatch.Assignment.AlreadyAcknowledged", Assert.Throws<DomainException>(() => assignment.Acknowledge(Now)).Code);
        assignment.Arrive(Now);
        Assert.Equal("Dispatch.Assignment.AlreadyArrived", Assert.Throws<DomainException>(() => assignment.Arrive(Now)).Code);
    }

    [Fact]
    public void A_negative_loss_or_overlong_notes_are_field_errors()
    {
        var assignment = NewAssignment();
        assignment.Acknowledge(Now);
        assignment.Arrive(Now);

        var negative = Assert.Throws<DomainException>(() => assignment.Assess(Money.Create(-1m).Value, null, Now));
        Assert.Equal(("Dispatch.Assessment.AmountNegative", nameof(Assignment.AssessedLossAmount)), (negative.Code, negative.Field));
        var tooLong = Assert.Throws<DomainException>(() => assignment.Assess(Money.Zero, new string('字', Assignment.MaxNotesLength + 1), Now));
        Assert.Equal(nameof(Assignment.AssessmentNotes), tooLong.Field);
        Assert.Equal(AssignmentState.Arrived, assignment.State);
    }

    [Fact]
    public void Reassignment_needs_a_reason_ends_the_task_and_nothing_moves_afterwards()
    {
        var assignment = NewAssignment();
        assignment.Acknowledge(Now);

        Assert.Equal(ValidationCodes.Required, Assert.Throws<DomainException>(() => assignment.EndByReassignment(" ", Now)).Code);
        assignment.EndByReassignment("车辆故障，改派", Now.AddMinutes(5));

        Assert.Equal((AssignmentState.Reassigned, "车辆故障，改派", Now.AddMinutes(5)), (assignment.State, assignment.EndReason, assignment.EndedAt));
        Assert.Equal("Dispatch.Assignment.Closed", Assert.Throws<DomainException>(() => assignment.Arrive(Now)).Code);
        Assert.Equal("Dispatch.Assignment.Closed", Assert.Throws<DomainException>(() => assignment.Cancel("x", Now)).Code);
        Assert.Equal("Dispatch.Assignment.Closed", Assert.Throws<DomainException>(assignment.EnsureCanAddPhotos).Code);
    }

    [Fact]
    public void Photos_are_sniffed_by_their_bytes_and_limited_in_size()
    {
        var assignment = NewAssignment();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0];

        Assert.Equal("Dispatch.Assignment.ArriveFirst", Assert.Throws<DomainException>(() => AssignmentPhoto.Create(assignment, "a.jpg", jpeg, 100, null, Now)).Code);
        assignment.Acknowledge(Now);
        assignment.Arrive(Now);

        var photo = AssignmentPhoto.Create(assignment, "../../etc/现场.png", png, 100, null, Now);
        Assert.Equal(("image/png", "现场.png", png.Length), (photo.ContentType, photo.FileName, photo.SizeBytes));
        Assert.Equal("Dispatch.Photo.Type", Assert.Throws<DomainException>(() => AssignmentPhoto.Create(assignment, "x.jpg", "<svg/>"u8.ToArray(), 100, null, Now)).Code);
        Assert.Equal("Dispatch.Photo.TooLarge", Assert.Throws<DomainException>(() => AssignmentPhoto.Create(assignment, "a.jpg", jpeg, 4, null, Now)).Code);
        Assert.Equal("Dispatch.Photo.Empty", Assert.Throws<DomainException>(() => AssignmentPhoto.Create(assignment, "a.jpg", [], 4, null, Now)).Code);
    }

    private static Assignment NewAssignment() => Assignment.Create(Case, Guid.CreateVersion7(), Guid.CreateVersion7(), "赵调 (2105)", Now, recommendedRank: 1, etaMinutes: 12, distanceKm: 6.1);
}
