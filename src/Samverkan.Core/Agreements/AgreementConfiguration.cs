using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.Agreements;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.Property(a => a.Kind).HasMaxLength(32);
        b.Property(a => a.Status).HasMaxLength(32);
        b.Property(a => a.Title).HasMaxLength(500);
        b.Property(a => a.Reference).HasMaxLength(50);
        // Two saves from the same base version: the second fails instead of overwriting the first.
        b.Property(a => a.CurrentVersion).IsConcurrencyToken();
        b.HasIndex(a => new { a.RegionId, a.PeriodFrom });
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CulturePlan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> b)
    {
        b.HasKey(p => new { p.AgreementId, p.OrganizationId });
        b.HasIndex(p => p.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> b)
    {
        b.HasIndex(v => new { v.AgreementId, v.Number }).IsUnique();
        b.Property(v => v.Hash).HasMaxLength(64);
        b.Property(v => v.CreatedByName).HasMaxLength(300);
        b.Property(v => v.CreatedByUserId).HasMaxLength(64);
        b.Property(v => v.CreatedByOrganizationCode).HasMaxLength(64);
        b.Property(v => v.Note).HasMaxLength(500);
        b.HasOne<Agreement>().WithMany().HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitmentRecordConfiguration : IEntityTypeConfiguration<CommitmentRecord>
{
    public void Configure(EntityTypeBuilder<CommitmentRecord> b)
    {
        b.ToTable("Commitments");
        b.HasKey(c => new { c.AgreementId, c.Version, c.Id });
        b.HasIndex(c => c.Id);
        b.Property(c => c.SectionHeading).HasMaxLength(500);
        b.Property(c => c.PartyCodes).HasMaxLength(500);
        b.Property(c => c.GoalIds).HasMaxLength(4000);
        b.Property(c => c.Indicator).HasMaxLength(500);
        b.Property(c => c.Target).HasMaxLength(500);
        b.HasOne<Agreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementApprovalConfiguration : IEntityTypeConfiguration<AgreementApproval>
{
    public void Configure(EntityTypeBuilder<AgreementApproval> b)
    {
        b.HasIndex(a => new { a.AgreementId, a.Version, a.OrganizationId }).IsUnique();
        b.Property(a => a.UserId).HasMaxLength(64);
        b.Property(a => a.UserName).HasMaxLength(300);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.Property(a => a.UserAgent).HasMaxLength(400);
        b.HasOne<Agreement>().WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementSignatureConfiguration : IEntityTypeConfiguration<AgreementSignature>
{
    public void Configure(EntityTypeBuilder<AgreementSignature> b)
    {
        // One signature per party and version, also under concurrent requests.
        b.HasIndex(s => new { s.AgreementId, s.Version, s.OrganizationId }).IsUnique();
        b.Property(s => s.Name).HasMaxLength(300);
        b.Property(s => s.Role).HasMaxLength(300);
        b.Property(s => s.Place).HasMaxLength(100);
        b.Property(s => s.Method).HasMaxLength(16);
        b.Property(s => s.Provider).HasMaxLength(64);
        b.Property(s => s.UserId).HasMaxLength(64);
        b.Property(s => s.UserName).HasMaxLength(300);
        b.Property(s => s.VersionHash).HasMaxLength(64);
        b.Property(s => s.IpAddress).HasMaxLength(64);
        b.Property(s => s.UserAgent).HasMaxLength(400);
        b.HasOne<Agreement>().WithMany().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementCommentConfiguration : IEntityTypeConfiguration<AgreementComment>
{
    public void Configure(EntityTypeBuilder<AgreementComment> b)
    {
        b.HasIndex(c => c.AgreementId);
        b.Property(c => c.Target).HasMaxLength(200);
        b.Property(c => c.UserId).HasMaxLength(64);
        b.Property(c => c.UserName).HasMaxLength(300);
        b.Property(c => c.Text).HasMaxLength(4000);
        b.HasOne<Agreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementProposalConfiguration : IEntityTypeConfiguration<AgreementProposal>
{
    public void Configure(EntityTypeBuilder<AgreementProposal> b)
    {
        b.HasIndex(p => p.AgreementId);
        b.Property(p => p.Target).HasMaxLength(200);
        b.Property(p => p.ProposedText).HasMaxLength(8000);
        b.Property(p => p.Reason).HasMaxLength(2000);
        b.Property(p => p.UserId).HasMaxLength(64);
        b.Property(p => p.UserName).HasMaxLength(300);
        b.Property(p => p.Status).HasMaxLength(16);
        b.Property(p => p.AnsweredByName).HasMaxLength(300);
        b.HasOne<Agreement>().WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}
