using Anxin.Domain.Consultations;
using Anxin.Domain.Organisation;
using Anxin.Domain.Quality;
using Anxin.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anxin.Data.Configurations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("Consultations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.CallerMobile);
        b.HasIndex(x => x.CustomerId);
        b.HasIndex(x => new { x.OrgPath, x.ReceivedAt, x.Id });
        b.HasIndex(x => new { x.OwnerStaffId, x.Status });
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.CallerName).HasMaxLength(Consultation.MaxNameLength);
        b.Property(x => x.CallerMobile).HasMaxLength(20);
        b.Property(x => x.Question).HasMaxLength(Consultation.MaxQuestionLength);
        b.Property(x => x.Answer).HasMaxLength(Consultation.MaxAnswerLength);
        b.Ignore(x => x.IsOpen);
        b.Ignore(x => x.Ownership);
        b.HasOne<Insurer>().WithMany().HasForeignKey(x => x.InsurerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> b)
    {
        b.ToTable("Handovers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.SubjectType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.SubjectNumber).HasMaxLength(32);
        b.Property(x => x.Note).HasMaxLength(Ownership.MaxNoteLength);
        b.HasIndex(x => new { x.SubjectType, x.SubjectId, x.At });
        b.HasIndex(x => new { x.ToStaffId, x.At });
    }
}

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.ToTable("Escalations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.SubjectType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.SubjectNumber).HasMaxLength(32);
        b.Property(x => x.Reason).HasMaxLength(Escalation.MaxReasonLength);
        b.HasIndex(x => new { x.SubjectType, x.SubjectId, x.Status });
        b.HasIndex(x => new { x.OrgPath, x.Status, x.RaisedAt });
    }
}

internal sealed class RegistrationErrorConfiguration : IEntityTypeConfiguration<RegistrationError>
{
    public void Configure(EntityTypeBuilder<RegistrationError> b)
    {
        b.ToTable("RegistrationErrors");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.SubjectType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.SubjectNumber).HasMaxLength(32);
        b.Property(x => x.Description).HasMaxLength(RegistrationError.MaxDescriptionLength);
        b.Property(x => x.CorrectionNote).HasMaxLength(RegistrationError.MaxNoteLength);
        b.HasIndex(x => new { x.OrgPath, x.RecordedAt, x.Id });
        b.HasIndex(x => new { x.ResponsibleStaffId, x.Status });
        b.HasIndex(x => new { x.Month, x.ResponsibleStaffId });
        b.HasIndex(x => new { x.SubjectType, x.SubjectId });
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.ResponsibleStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
