using Anxin.Domain.Calls;
using Anxin.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anxin.Data.Configurations;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ExternalId).HasMaxLength(Call.MaxExternalIdLength);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CallerNumber).HasMaxLength(Call.MaxNumberLength + 1);
        b.Property(x => x.CalleeNumber).HasMaxLength(Call.MaxNumberLength + 1);
        b.Property(x => x.RecordingRef).HasMaxLength(Call.MaxRecordingRefLength);
        b.Property(x => x.Notes).HasMaxLength(Call.MaxNotesLength);
        b.Ignore(x => x.CustomerNumber);
        b.Ignore(x => x.IsMissed);
        b.Ignore(x => x.TalkTime);

        // CTI events find the call by its external id; the log pages by time within a scope,
        // by agent (the desk's "my current call"), and by number or customer (the caller's history).
        b.HasIndex(x => x.ExternalId).IsUnique();
        b.HasIndex(x => new { x.StartedAt, x.Id });
        b.HasIndex(x => new { x.OrgPath, x.StartedAt });
        b.HasIndex(x => new { x.AgentStaffId, x.StartedAt });
        b.HasIndex(x => x.CallerNumber);
        b.HasIndex(x => x.CalleeNumber);
        b.HasIndex(x => x.CustomerId);
        b.HasIndex(x => x.CaseId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.AgentStaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Customers.Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CallScriptConfiguration : IEntityTypeConfiguration<CallScript>
{
    public void Configure(EntityTypeBuilder<CallScript> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Step).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Text).HasMaxLength(CallScript.MaxTextLength);
        b.HasIndex(x => new { x.OrgNodeId, x.Step }).IsUnique();
        b.HasIndex(x => x.OrgPath);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ForbiddenPhraseListConfiguration : IEntityTypeConfiguration<ForbiddenPhraseList>
{
    public void Configure(EntityTypeBuilder<ForbiddenPhraseList> b)
    {
        b.ToTable("ForbiddenPhraseLists");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Phrases).HasMaxLength(ForbiddenPhraseList.MaxPhrases * (ForbiddenPhraseList.MaxPhraseLength + 1));
        b.Ignore(x => x.Items);
        b.HasIndex(x => x.OrgNodeId).IsUnique();
        b.HasIndex(x => x.OrgPath);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
