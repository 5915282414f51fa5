using Anxin.Domain.Cases;
using Anxin.Domain.Dispatch;
using Anxin.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anxin.Data.Configurations;

internal sealed class SurveyorProfileConfiguration : IEntityTypeConfiguration<SurveyorProfile>
{
    public void Configure(EntityTypeBuilder<SurveyorProfile> b)
    {
        b.ToTable("SurveyorProfiles");
        b.HasKey(x => x.StaffId);
        b.Property(x => x.StaffId).ValueGeneratedNever();
        b.Property(x => x.Skills).HasConversion<int>();
        b.Property(x => x.Presence).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.InsurerIdList).HasMaxLength(800);
        b.Ignore(x => x.InsurerIds);
        b.Ignore(x => x.Base);
        b.Ignore(x => x.IsAtCapacity);
        // Lists by subtree and presence, and the dispatch pool's counts (which read this index alone);
        // the search around a scene starts from the base.
        b.HasIndex(x => new { x.OrgPath, x.Presence, x.Skills, x.ActiveLoad, x.LoadCap, x.StaffId, x.InsurerIdList });
        b.HasIndex(x => new { x.BaseLatitude, x.BaseLongitude });
        // The kept dispatch pools read what changed since their last read (as do positions and staff below).
        b.HasIndex(x => x.UpdatedAt);
        b.HasOne<Staff>().WithOne().HasForeignKey<SurveyorProfile>(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyorPositionConfiguration : IEntityTypeConfiguration<SurveyorPosition>
{
    public void Configure(EntityTypeBuilder<SurveyorPosition> b)
    {
        b.ToTable("SurveyorPositions");
        b.HasKey(x => x.StaffId);
        b.Property(x => x.StaffId).ValueGeneratedNever();
        b.Ignore(x => x.Point);
        b.HasIndex(x => new { x.Latitude, x.Longitude });
        b.HasIndex(x => x.ReportedAt);
        b.HasOne<SurveyorProfile>().WithOne().HasForeignKey<SurveyorPosition>(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InsurerDispatchRuleConfiguration : IEntityTypeConfiguration<InsurerDispatchRule>
{
    public void Configure(EntityTypeBuilder<InsurerDispatchRule> b)
    {
        b.ToTable("InsurerDispatchRules");
        b.HasKey(x => x.InsurerId);
        b.Property(x => x.InsurerId).ValueGeneratedNever();
        b.Property(x => x.SkillOverrides).HasMaxLength(400);
        b.Property(x => x.PreferredStaffIdList).HasMaxLength(2000);
        b.Property(x => x.ExcludedStaffIdList).HasMaxLength(2000);
        b.Ignore(x => x.PreferredStaffIds);
        b.Ignore(x => x.ExcludedStaffIds);
        b.Ignore(x => x.RequiredSkills);
        b.HasOne<Insurer>().WithOne().HasForeignKey<InsurerDispatchRule>(x => x.InsurerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("Assignments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.CaseNumber).HasMaxLength(32);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.AssignedByName).HasMaxLength(100);
        b.Property(x => x.AssessmentNotes).HasMaxLength(Assignment.MaxNotesLength);
        b.Property(x => x.EndReason).HasMaxLength(Assignment.MaxReasonLength);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => new { x.CaseId, x.AssignedAt });
        b.HasIndex(x => new { x.SurveyorStaffId, x.State, x.AssignedAt });
        b.HasIndex(x => new { x.OrgPath, x.State, x.AssignedAt });
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.SurveyorStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssignmentPhotoConfiguration : IEntityTypeConfiguration<AssignmentPhoto>
{
    public void Configure(EntityTypeBuilder<AssignmentPhoto> b)
    {
        b.ToTable("AssignmentPhotos");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FileName).HasMaxLength(AssignmentPhoto.MaxFileNameLength);
        b.Property(x => x.ContentType).HasMaxLength(40);
        b.HasIndex(x => new { x.AssignmentId, x.UploadedAt });
        b.HasOne<Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
