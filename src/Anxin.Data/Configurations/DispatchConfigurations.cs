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
        b.HasIndex(x => new { x.OrgPath, x.Presence });
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
        b.HasOne<SurveyorProfile>().WithOne().HasForeignKey<SurveyorPosition>(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}
