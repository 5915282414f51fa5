using Anxin.Domain.Clocks;
using Anxin.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anxin.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Recipient).HasMaxLength(200);
        b.Property(x => x.TemplateCode).HasMaxLength(60);
        b.Property(x => x.Parameters).HasMaxLength(4000);
        b.Property(x => x.Culture).HasMaxLength(10);
        b.Property(x => x.LockedBy).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(500);
        b.Property(x => x.RenderedText).HasMaxLength(2000);
        b.HasIndex(x => new { x.State, x.NextAttemptAt });
        b.HasIndex(x => new { x.OrgPath, x.CreatedAt });
    }
}

internal sealed class ServiceClockConfiguration : IEntityTypeConfiguration<ServiceClock>
{
    public void Configure(EntityTypeBuilder<ServiceClock> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.RuleCode).HasMaxLength(60);
        b.Property(x => x.SubjectType).HasMaxLength(40);
        b.Property(x => x.SubjectId).HasMaxLength(60);
        b.Property(x => x.PauseReason).HasMaxLength(200);
        b.Property(x => x.Unit).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(10);
        b.Ignore(x => x.Paused);
        b.HasIndex(x => new { x.SubjectType, x.SubjectId });
        b.HasIndex(x => x.NextCheckAt);
        b.HasIndex(x => new { x.OwnerStaffId, x.State, x.DeadlineAt });
        b.HasIndex(x => new { x.OrgPath, x.State, x.DeadlineAt });
    }
}
