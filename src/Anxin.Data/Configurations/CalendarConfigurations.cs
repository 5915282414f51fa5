using Anxin.Domain.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anxin.Data.Configurations;

internal sealed class CalendarSettingsConfiguration : IEntityTypeConfiguration<CalendarSettings>
{
    public void Configure(EntityTypeBuilder<CalendarSettings> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Hours).HasMaxLength(200);
        b.HasIndex(x => x.OrgNodeId).IsUnique();
        b.HasOne<Domain.Organisation.OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(CalendarDay.MaxNameLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.OrgNodeId, x.Date }).IsUnique();
        b.HasIndex(x => x.Date);
        b.HasOne<Domain.Organisation.OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClockRuleSettingConfiguration : IEntityTypeConfiguration<ClockRuleSetting>
{
    public void Configure(EntityTypeBuilder<ClockRuleSetting> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Unit).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.OrgNodeId, x.Code }).IsUnique();
        b.HasOne<Domain.Organisation.OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
