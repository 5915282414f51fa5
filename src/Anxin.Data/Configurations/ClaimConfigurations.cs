using Anxin.Domain.Cases;
using Anxin.Domain.Claims;
using Anxin.Domain.Common;
using Anxin.Domain.Organisation;
using Anxin.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Anxin.Data.Configurations;

/// <summary>
/// The claim aggregate: the root row and its child rows in their own tables (documents, notices,
/// approvals, payments, reserve history, fraud flags), always loaded and saved with the claim.
/// </summary>
internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> b)
    {
        b.ToTable("Claims");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.ArchiveNumber).HasMaxLength(Claim.MaxArchiveNumberLength);
        b.HasIndex(x => x.ArchiveNumber).IsUnique();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Line).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.InvestigationMethod).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.InsuredObject).HasMaxLength(Claim.MaxInsuredObjectLength);
        b.Property(x => x.ClaimantName).HasMaxLength(Claim.MaxNameLength);
        b.Property(x => x.ClaimantMobile).HasMaxLength(20);
        b.Property(x => x.AuthorisedPayeeName).HasMaxLength(Claim.MaxNameLength);
        b.Property(x => x.InvestigationFindings).HasMaxLength(Claim.MaxFindingsLength);
        b.Property(x => x.RefusalReasons).HasMaxLength(Claim.MaxRefusalReasonsLength);
        b.Property(x => x.CloseReason).HasMaxLength(Claim.MaxReasonLength);
        b.Property(x => x.ReopenReason).HasMaxLength(Claim.MaxReasonLength);

        // The work queue: scope prefix, status and the claim time; the handler's own queue; fraud look-ups.
        b.HasIndex(x => new { x.OrgPath, x.Status, x.ClaimedAt, x.Id });
        b.HasIndex(x => new { x.HandlerStaffId, x.Status });
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => x.PolicyId);
        b.HasIndex(x => x.InsuredObject);
        b.HasIndex(x => new { x.InsurerId, x.ClaimedAt });

        b.HasOne<Insurer>().WithMany().HasForeignKey(x => x.InsurerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Policy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(x => x.OrgNodeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.HandlerStaffId).OnDelete(DeleteBehavior.Restrict);

        Children(b, x => x.ReserveChanges, "_reserveChanges");
        Children(b, x => x.FraudFlags, "_fraudFlags");
        Children(b, x => x.Documents, "_documents");
        Children(b, x => x.Notices, "_notices");
        Children(b, x => x.Approvals, "_approvals");
        Children(b, x => x.Payments, "_payments");
    }

    private static void Children<T>(EntityTypeBuilder<Claim> b, System.Linq.Expressions.Expression<Func<Claim, IEnumerable<T>?>> navigation, string field)
        where T : class
    {
        b.HasMany(navigation).WithOne().HasForeignKey("ClaimId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(navigation!).HasField(field).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReserveChangeConfiguration : IEntityTypeConfiguration<ReserveChange>
{
    public void Configure(EntityTypeBuilder<ReserveChange> b)
    {
        b.ToTable("ClaimReserveChanges");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Reason).HasMaxLength(Claim.MaxReasonLength);
        b.HasIndex(x => new { x.ClaimId, x.ChangedAt });
    }
}

internal sealed class FraudFlagConfiguration : IEntityTypeConfiguration<FraudFlag>
{
    public void Configure(EntityTypeBuilder<FraudFlag> b)
    {
        b.ToTable("ClaimFraudFlags");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.RuleCode).HasMaxLength(FraudFlag.MaxRuleCodeLength);
        b.Property(x => x.Detail).HasMaxLength(FraudFlag.MaxDetailLength);
        b.Property(x => x.ReviewNote).HasMaxLength(Claim.MaxReasonLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.ClaimId);
        b.HasIndex(x => new { x.Status, x.RaisedAt });
    }
}

internal sealed class ClaimDocumentConfiguration : IEntityTypeConfiguration<ClaimDocument>
{
    public void Configure(EntityTypeBuilder<ClaimDocument> b)
    {
        b.ToTable("ClaimDocuments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(ClaimDocument.MaxCodeLength);
        b.Property(x => x.Name).HasMaxLength(ClaimDocument.MaxNameLength);
        b.Property(x => x.RaisedByCode).HasMaxLength(ClaimDocument.MaxCodeLength);
        b.Property(x => x.WaiveReason).HasMaxLength(Claim.MaxReasonLength);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.ClaimId, x.Code }).IsUnique();
    }
}

internal sealed class DocumentNoticeConfiguration : IEntityTypeConfiguration<DocumentNotice>
{
    public void Configure(EntityTypeBuilder<DocumentNotice> b)
    {
        b.ToTable("ClaimDocumentNotices");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ItemCodes).HasMaxLength(4000);
        b.Property(x => x.EndReason).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.ClaimId, x.Round }).IsUnique();
    }
}

internal sealed class ClaimApprovalConfiguration : IEntityTypeConfiguration<ClaimApproval>
{
    public void Configure(EntityTypeBuilder<ClaimApproval> b)
    {
        b.ToTable("ClaimApprovals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(Claim.MaxReasonLength);
        b.Property(x => x.DecisionNote).HasMaxLength(ClaimApproval.MaxNoteLength);
        b.HasIndex(x => new { x.ClaimId, x.RequestedAt });

        // "Waiting for my approval".
        b.HasIndex(x => new { x.RoutedToStaffId, x.Decision });
    }
}

internal sealed class ClaimPaymentConfiguration : IEntityTypeConfiguration<ClaimPayment>
{
    public void Configure(EntityTypeBuilder<ClaimPayment> b)
    {
        b.ToTable("ClaimPayments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PayeeName).HasMaxLength(Claim.MaxNameLength);
        b.Property(x => x.BankCard).HasMaxLength(BankCardNumber.MaxLength);
        b.HasIndex(x => x.ClaimId);

        // One bank account across unrelated claimants (CLM-08).
        b.HasIndex(x => x.BankCard);
    }
}

internal sealed class ClaimAttachmentConfiguration : IEntityTypeConfiguration<ClaimAttachment>
{
    public void Configure(EntityTypeBuilder<ClaimAttachment> b)
    {
        b.ToTable("ClaimAttachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.ClaimId);
        b.Property(x => x.DocumentCode).HasMaxLength(ClaimDocument.MaxCodeLength);
        b.Property(x => x.FileName).HasMaxLength(ClaimAttachment.MaxFileNameLength);
        b.Property(x => x.ContentType).HasMaxLength(50);
        b.Property(x => x.Content).HasMaxLength(ClaimAttachment.MaxBytes);
        b.HasOne<Claim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvestigationTaskConfiguration : IEntityTypeConfiguration<InvestigationTask>
{
    public void Configure(EntityTypeBuilder<InvestigationTask> b)
    {
        b.ToTable("ClaimInvestigationTasks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Instructions).HasMaxLength(InvestigationTask.MaxInstructionsLength);
        b.Property(x => x.Findings).HasMaxLength(InvestigationTask.MaxFindingsLength);
        b.HasIndex(x => new { x.ClaimId, x.CreatedAt });
        b.HasIndex(x => new { x.AssigneeStaffId, x.Status, x.DueAt });
        b.HasOne<Claim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuthorityProfileConfiguration : IEntityTypeConfiguration<AuthorityProfile>
{
    public void Configure(EntityTypeBuilder<AuthorityProfile> b)
    {
        b.ToTable("AuthorityProfiles");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(AuthorityProfile.MaxCodeLength);
        b.Property(x => x.Name).HasMaxLength(AuthorityProfile.MaxNameLength);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasMany(x => x.Limits).WithOne().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Limits).HasField("_limits").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AuthorityLimitConfiguration : IEntityTypeConfiguration<AuthorityLimit>
{
    public void Configure(EntityTypeBuilder<AuthorityLimit> b)
    {
        b.ToTable("AuthorityLimits");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Line).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.ProfileId, x.Line, x.Kind }).IsUnique();
    }
}

internal sealed class AuthorityAssignmentConfiguration : IEntityTypeConfiguration<AuthorityAssignment>
{
    public void Configure(EntityTypeBuilder<AuthorityAssignment> b)
    {
        b.ToTable("AuthorityAssignments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.HolderKind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.RoleCode).HasMaxLength(50);
        b.Property(x => x.ScopeOrgPath).HasMaxLength(200);
        b.HasIndex(x => x.ProfileId);
        b.HasIndex(x => x.StaffId);
        b.HasIndex(x => x.RoleCode);
        b.HasOne<AuthorityProfile>().WithMany().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClaimCalculationConfiguration : IEntityTypeConfiguration<ClaimCalculation>
{
    public void Configure(EntityTypeBuilder<ClaimCalculation> b)
    {
        b.ToTable("ClaimCalculations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Inputs).HasMaxLength(ClaimCalculation.MaxJsonLength);
        b.Property(x => x.Result).HasMaxLength(ClaimCalculation.MaxJsonLength);
        b.HasIndex(x => new { x.ClaimId, x.CalculatedAt });
        b.HasOne<Claim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewSamplingRuleConfiguration : IEntityTypeConfiguration<ReviewSamplingRule>
{
    public void Configure(EntityTypeBuilder<ReviewSamplingRule> b)
    {
        b.ToTable("ClaimReviewRules");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ScopePath).HasMaxLength(400);
        b.Property(x => x.Line).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Percent).HasPrecision(5, 2);
        b.Property(x => x.ValueThreshold).HasPrecision(18, 2);
        b.HasIndex(x => new { x.ScopePath, x.Line }).IsUnique();
    }
}

internal sealed class BeneficiaryCheckConfiguration : IEntityTypeConfiguration<BeneficiaryCheck>
{
    public void Configure(EntityTypeBuilder<BeneficiaryCheck> b)
    {
        b.ToTable("ClaimBeneficiaryChecks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ClaimNumber).HasMaxLength(20);
        b.Property(x => x.Line).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OrgPath).HasMaxLength(400);
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PaidAmount).HasPrecision(18, 2);
        b.Property(x => x.AmountAskedFor).HasPrecision(18, 2);
        b.Property(x => x.BeneficiaryName).HasMaxLength(100);
        b.Property(x => x.BeneficiaryMobile).HasMaxLength(20);
        b.Property(x => x.Notes).HasMaxLength(BeneficiaryCheck.MaxNotesLength);
        b.HasIndex(x => x.ClaimId).IsUnique();
        b.HasIndex(x => new { x.OrgPath, x.Status, x.SampledAt });
        b.HasOne<Claim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> b)
    {
        b.ToTable("Vendors");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(Vendor.MaxNameLength);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.ContactName).HasMaxLength(Vendor.MaxContactLength);
        b.Property(x => x.ContactMobile).HasMaxLength(20);
        b.Property(x => x.Address).HasMaxLength(Vendor.MaxAddressLength);
        b.HasIndex(x => x.CreditCode).IsUnique();
        b.HasIndex(x => new { x.Kind, x.IsActive, x.Name });
    }
}

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> b)
    {
        b.ToTable("ClaimServiceRequests");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ClaimNumber).HasMaxLength(20);
        b.Property(x => x.VendorName).HasMaxLength(Vendor.MaxNameLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Description).HasMaxLength(ServiceRequest.MaxTextLength);
        b.Property(x => x.OrgPath).HasMaxLength(400);
        b.Property(x => x.QuotedAmount).HasPrecision(18, 2);
        b.Property(x => x.InvoicedAmount).HasPrecision(18, 2);
        b.Property(x => x.InvoiceNumber).HasMaxLength(ServiceRequest.MaxInvoiceNumberLength);
        b.HasIndex(x => new { x.ClaimId, x.RequestedAt });
        b.HasIndex(x => new { x.HandlerStaffId, x.AwaitingHandler });
        b.HasIndex(x => new { x.VendorId, x.Status });
        b.HasOne<Claim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Vendor>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ServiceRequestStepConfiguration : IEntityTypeConfiguration<ServiceRequestStep>
{
    public void Configure(EntityTypeBuilder<ServiceRequestStep> b)
    {
        b.ToTable("ClaimServiceRequestSteps");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Text).HasMaxLength(ServiceRequest.MaxTextLength);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.HasIndex(x => new { x.ServiceRequestId, x.At });
    }
}
