using Anxin.Domain.Customers;
using Anxin.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anxin.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.IdNumber);
        b.HasIndex(x => x.Mobile);
        b.HasIndex(x => x.Phone2);
        b.HasIndex(x => x.CreditCode);
        b.HasIndex(x => new { x.OrgPath, x.Name, x.Id });
        b.Property(x => x.Number).HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Gender).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Name).HasMaxLength(Customer.MaxNameLength);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.Mobile).HasMaxLength(Customer.MaxPhoneLength);
        b.Property(x => x.Phone2).HasMaxLength(Customer.MaxPhoneLength);
        b.Property(x => x.Email).HasMaxLength(Customer.MaxEmailLength);
        b.Property(x => x.Address).HasMaxLength(Customer.MaxAddressLength);
        b.Ignore(x => x.Identifier);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
