using Anxin.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anxin.Data.Configurations;

internal sealed class OrgNodeConfiguration : IEntityTypeConfiguration<OrgNode>
{
    public void Configure(EntityTypeBuilder<OrgNode> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Path);
        b.HasIndex(x => x.ParentId);
        b.Property(x => x.Code).HasMaxLength(OrgNode.MaxCodeLength);
        b.Property(x => x.Name).HasMaxLength(OrgNode.MaxNameLength);
        b.Property(x => x.Path).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.WorkNumber).IsUnique();
        b.HasIndex(x => new { x.OrgPath, x.Name, x.Id });
        b.HasIndex(x => x.Mobile);
        b.HasIndex(x => x.UpdatedAt);

        // The few members of staff no longer active (left out of dispatch pools): a partial index, tiny and always current.
        b.HasIndex(x => x.Id, "IX_Staff_Inactive").HasFilter("NOT \"IsActive\"");
        b.Property(x => x.WorkNumber).HasMaxLength(Staff.MaxWorkNumberLength);
        b.Property(x => x.Name).HasMaxLength(Staff.MaxNameLength);
        b.Property(x => x.Position).HasMaxLength(50);
        b.Property(x => x.Mobile).HasMaxLength(20);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.Email).HasMaxLength(100);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InsurerConfiguration : IEntityTypeConfiguration<Insurer>
{
    public void Configure(EntityTypeBuilder<Insurer> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
    }
}
