using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Agreements;
using Samverkan.Organizations;
using Samverkan.Plans;

namespace Samverkan.FollowUp;

internal sealed class FollowUpRoundConfiguration : IEntityTypeConfiguration<FollowUpRound>
{
    public void Configure(EntityTypeBuilder<FollowUpRound> b)
    {
        b.ToTable("FollowUpRounds");
        // One round per region, plan and year: two would split the answers.
        b.HasIndex(r => new { r.RegionId, r.PlanId, r.Year }).IsUnique();
        b.Property(r => r.Instructions).HasMaxLength(FollowUpLimits.Instructions);
        b.Property(r => r.Status).HasMaxLength(16);
        b.Property(r => r.CreatedByUserId).HasMaxLength(64);
        b.Property(r => r.CreatedByName).HasMaxLength(300);
        b.Property(r => r.ClosedByName).HasMaxLength(300);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CulturePlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpRoundAgreementConfiguration : IEntityTypeConfiguration<FollowUpRoundAgreement>
{
    public void Configure(EntityTypeBuilder<FollowUpRoundAgreement> b)
    {
        b.ToTable("FollowUpRoundAgreements");
        b.HasKey(r => new { r.RoundId, r.AgreementId });
        b.HasOne<FollowUpRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpEntryConfiguration : IEntityTypeConfiguration<FollowUpEntry>
{
    public void Configure(EntityTypeBuilder<FollowUpEntry> b)
    {
        b.ToTable("FollowUpEntries");
        // One answer per committing party and commitment in a round, also under concurrent first saves.
        b.HasIndex(e => new { e.RoundId, e.AgreementId, e.CommitmentId, e.OrganizationId }).IsUnique();
        b.HasIndex(e => e.CommitmentId);
        b.Property(e => e.Status).HasMaxLength(16);
        b.Property(e => e.Narrative).HasMaxLength(FollowUpLimits.Narrative);
        b.Property(e => e.UpdatedByUserId).HasMaxLength(64);
        b.Property(e => e.UpdatedByName).HasMaxLength(300);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasMany(e => e.Indicators).WithOne().HasForeignKey(i => i.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FollowUpRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agreement>().WithMany().HasForeignKey(e => e.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpIndicatorValueConfiguration : IEntityTypeConfiguration<FollowUpIndicatorValue>
{
    public void Configure(EntityTypeBuilder<FollowUpIndicatorValue> b)
    {
        b.ToTable("FollowUpIndicatorValues");
        b.HasIndex(i => i.EntryId);
        b.Property(i => i.Name).HasMaxLength(FollowUpLimits.IndicatorName);
        b.Property(i => i.Unit).HasMaxLength(FollowUpLimits.IndicatorUnit);
        b.Property(i => i.Value).HasPrecision(18, 4);
    }
}

internal sealed class FollowUpEntryRevisionConfiguration : IEntityTypeConfiguration<FollowUpEntryRevision>
{
    public void Configure(EntityTypeBuilder<FollowUpEntryRevision> b)
    {
        b.ToTable("FollowUpEntryRevisions");
        b.HasIndex(r => new { r.CommitmentId, r.At });
        b.HasIndex(r => r.EntryId);
        b.Property(r => r.Kind).HasMaxLength(32);
        b.Property(r => r.UserId).HasMaxLength(64);
        b.Property(r => r.UserName).HasMaxLength(300);
        b.Property(r => r.OrganizationCode).HasMaxLength(64);
        b.Property(r => r.Before).HasMaxLength(32000);
        b.Property(r => r.After).HasMaxLength(32000);
        b.HasOne<FollowUpEntry>().WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowUpSubmissionConfiguration : IEntityTypeConfiguration<FollowUpSubmission>
{
    public void Configure(EntityTypeBuilder<FollowUpSubmission> b)
    {
        b.ToTable("FollowUpSubmissions");
        b.HasIndex(s => new { s.RoundId, s.AgreementId, s.OrganizationId }).IsUnique();
        b.Property(s => s.Status).HasMaxLength(16);
        b.Property(s => s.SubmittedByUserId).HasMaxLength(64);
        b.Property(s => s.SubmittedByName).HasMaxLength(300);
        b.Property(s => s.ReviewedByUserId).HasMaxLength(64);
        b.Property(s => s.ReviewedByName).HasMaxLength(300);
        b.Property(s => s.ReviewComment).HasMaxLength(FollowUpLimits.ReviewComment);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<FollowUpRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agreement>().WithMany().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpSubmissionEventConfiguration : IEntityTypeConfiguration<FollowUpSubmissionEvent>
{
    public void Configure(EntityTypeBuilder<FollowUpSubmissionEvent> b)
    {
        b.ToTable("FollowUpSubmissionEvents");
        b.HasIndex(e => e.SubmissionId);
        b.Property(e => e.Kind).HasMaxLength(16);
        b.Property(e => e.UserId).HasMaxLength(64);
        b.Property(e => e.UserName).HasMaxLength(300);
        b.Property(e => e.OrganizationCode).HasMaxLength(64);
        b.Property(e => e.Comment).HasMaxLength(FollowUpLimits.ReviewComment);
        b.HasOne<FollowUpSubmission>().WithMany().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable("EvidenceFiles");
        b.HasIndex(f => f.EntryId);
        b.Property(f => f.FileName).HasMaxLength(FollowUpLimits.FileName);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.StorageKey).HasMaxLength(200);
        b.Property(f => f.UploadedByUserId).HasMaxLength(64);
        b.Property(f => f.UploadedByName).HasMaxLength(300);
        b.Property(f => f.RemovedByName).HasMaxLength(300);
        b.HasOne<FollowUpEntry>().WithMany().HasForeignKey(f => f.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Lengths the database and the validation share.</summary>
public static class FollowUpLimits
{
    public const int Instructions = 4000;

    /// <summary>A short narrative: a few sentences per commitment keep the yearly round quick to fill in and to read.</summary>
    public const int Narrative = 2000;

    public const int ReviewComment = 2000;
    public const int IndicatorName = 200;
    public const int IndicatorUnit = 50;
    public const int IndicatorsPerEntry = 20;
    public const int FileName = 200;

    /// <summary>
    /// An imported form: 600 commitments with full narratives are about 1.5 MB as CSV, so this leaves room while keeping a
    /// stray upload (and what an Excel file unpacks to) small.
    /// </summary>
    public const int ImportBytes = 5 * 1024 * 1024;
}
