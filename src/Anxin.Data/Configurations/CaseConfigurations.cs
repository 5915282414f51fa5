using Anxin.Domain.Cases;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anxin.Data.Configurations;

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(PolicyDraft.MaxNumberLength);
        b.HasIndex(x => new { x.InsurerId, x.Number }).IsUnique();
        b.HasIndex(x => x.Number);
        b.HasIndex(x => x.Plate);
        b.HasIndex(x => x.Vin);
        b.HasIndex(x => x.HolderMobile);
        b.HasIndex(x => new { x.OrgPath, x.Number, x.Id });
        b.Property(x => x.Line).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.HolderName).HasMaxLength(PolicyDraft.MaxNameLength);
        b.Property(x => x.InsuredName).HasMaxLength(PolicyDraft.MaxNameLength);
        b.Property(x => x.HolderMobile).HasMaxLength(20);
        b.Property(x => x.InsuredIdNumber).HasMaxLength(18);
        b.Property(x => x.Plate).HasMaxLength(10);
        b.Property(x => x.Vin).HasMaxLength(17);
        b.Property(x => x.ObjectAddress).HasMaxLength(PolicyDraft.MaxAddressLength);
        b.Property(x => x.SerialNumber).HasMaxLength(PolicyDraft.MaxSerialLength);
        b.OwnsMany(x => x.Coverages, c =>
        {
            c.ToTable("PolicyCoverages");
            c.WithOwner().HasForeignKey("PolicyId");
            c.Property<int>("Id");
            c.HasKey("Id");
            c.Property(x => x.Code).HasMaxLength(Coverage.MaxCodeLength);
            c.Property(x => x.Name).HasMaxLength(Coverage.MaxNameLength);
            c.Property(x => x.Perils).HasMaxLength(300);
            c.Property(x => x.DeductibleRate).HasPrecision(5, 2);
            c.Ignore(x => x.CoveredPerils);
        });
        b.Navigation(x => x.Coverages).HasField("coverages").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Insurer>().WithMany().HasForeignKey(x => x.InsurerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("Cases");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.Plate);
        b.HasIndex(x => x.ReporterMobile);
        b.HasIndex(x => x.ContactMobile);
        b.HasIndex(x => x.PolicyNumber);
        b.HasIndex(x => x.PolicyId);
        b.HasIndex(x => x.CustomerId);
        b.HasIndex(x => new { x.OrgPath, x.Status, x.ReportedAt, x.Id });

        // Newest-first pages over a large subtree: walk these backwards and filter the path on the way.
        // They carry the two data-scope columns, so the list's capped count never reads the table.
        b.HasIndex(x => new { x.Status, x.ReportedAt, x.Id, x.OrgPath, x.InsurerId });
        b.HasIndex(x => new { x.ReportedAt, x.Id, x.OrgPath, x.InsurerId });
        b.HasIndex(x => new { x.InsurerId, x.ReportedAt });
        b.Property(x => x.Line).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Cause).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.CoverageOutcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CoverageReasons).HasMaxLength(2000);
        b.Property(x => x.PolicyNumber).HasMaxLength(PolicyDraft.MaxNumberLength);
        b.Property(x => x.ReporterName).HasMaxLength(Case.MaxNameLength);
        b.Property(x => x.ReporterMobile).HasMaxLength(20);
        b.Property(x => x.ReporterIdNumber).HasMaxLength(18);
        b.Property(x => x.ContactName).HasMaxLength(Case.MaxNameLength);
        b.Property(x => x.ContactMobile).HasMaxLength(20);
        b.Property(x => x.Plate).HasMaxLength(10);
        b.Property(x => x.LossPlace).HasMaxLength(Case.MaxPlaceLength);
        b.Property(x => x.Description).HasMaxLength(Case.MaxDescriptionLength);
        b.Property(x => x.LossDescription).HasMaxLength(Case.MaxNoteLength);
        b.Property(x => x.InjuryDetails).HasMaxLength(Case.MaxNoteLength);
        b.Property(x => x.ThirdParties).HasMaxLength(Case.MaxNoteLength);
        b.Ignore(x => x.CoverageReasonList);
        b.Ignore(x => x.IsOpen);
        b.HasOne<Insurer>().WithMany().HasForeignKey(x => x.InsurerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Policy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseDayCountConfiguration : IEntityTypeConfiguration<CaseDayCount>
{
    public void Configure(EntityTypeBuilder<CaseDayCount> b)
    {
        // Written by the raw upsert in CaseDayCounts (Anxin.Data): keep the names in step.
        b.ToTable("CaseDayCounts");
        b.HasKey(x => new { x.Day, x.OrgNodeId, x.InsurerId });

        // The month dashboard reads this index alone, already in (day, insurer) order: no lookups, no sort.
        b.HasIndex(x => new { x.Day, x.InsurerId, x.OrgPath, x.Count });
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.FileName).HasMaxLength(CaseAttachment.MaxFileNameLength);
        b.Property(x => x.ContentType).HasMaxLength(50);
        b.Property(x => x.Content).HasMaxLength(CaseAttachment.MaxBytes);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequiredDocumentListConfiguration : IEntityTypeConfiguration<RequiredDocumentList>
{
    public void Configure(EntityTypeBuilder<RequiredDocumentList> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.InsurerId, x.Line }).IsUnique();
        b.Property(x => x.Line).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Items).HasMaxLength(4000);
        b.Property(x => x.ItemsEn).HasMaxLength(4000);
        b.HasOne<Insurer>().WithMany().HasForeignKey(x => x.InsurerId).OnDelete(DeleteBehavior.Cascade);

        // The default motor list (RULES.md) for our own business and insurers without their own list.
        var seeded = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        b.HasData(new
        {
            Id = new Guid("0199a000-0000-7000-8000-00000000d001"),
            InsurerId = (Guid?)null,
            Line = ProductLine.Motor,
            Items = string.Join('\n', RequiredDocumentList.MotorDefaults.Select(d => d.Zh)),
            ItemsEn = string.Join('\n', RequiredDocumentList.MotorDefaults.Select(d => d.En)),
            Version = 0L,
            CreatedAt = seeded,
            UpdatedAt = seeded,
        });
    }
}
