using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Organizations;

namespace Samverkan.Dialogue;

internal sealed class DialogueMeetingConfiguration : IEntityTypeConfiguration<DialogueMeeting>
{
    public void Configure(EntityTypeBuilder<DialogueMeeting> b)
    {
        b.ToTable("DialogueMeetings");
        b.HasIndex(m => new { m.RegionId, m.Date });
        b.HasIndex(m => m.MunicipalityId);
        b.Property(m => m.Kind).HasMaxLength(32);
        b.Property(m => m.Title).HasMaxLength(DialogueLimits.Title);
        b.Property(m => m.Place).HasMaxLength(DialogueLimits.Place);
        b.Property(m => m.ContentJson).HasMaxLength(200_000);
        b.Property(m => m.Status).HasMaxLength(16);
        b.Property(m => m.CreatedByUserId).HasMaxLength(64);
        b.Property(m => m.CreatedByName).HasMaxLength(300);
        b.Property(m => m.UpdatedByUserId).HasMaxLength(64);
        b.Property(m => m.UpdatedByName).HasMaxLength(300);
        b.Property(m => m.ApprovedByName).HasMaxLength(300);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DialogueMeetingRevisionConfiguration : IEntityTypeConfiguration<DialogueMeetingRevision>
{
    public void Configure(EntityTypeBuilder<DialogueMeetingRevision> b)
    {
        b.ToTable("DialogueMeetingRevisions");
        // Two people changing approved minutes at once must not both write revision n + 1.
        b.HasIndex(r => new { r.MeetingId, r.Number }).IsUnique();
        b.Property(r => r.Kind).HasMaxLength(16);
        b.Property(r => r.UserId).HasMaxLength(64);
        b.Property(r => r.UserName).HasMaxLength(300);
        b.Property(r => r.OrganizationCode).HasMaxLength(64);
        b.Property(r => r.Note).HasMaxLength(DialogueLimits.ChangeNote);
        b.Property(r => r.Title).HasMaxLength(DialogueLimits.Title);
        b.Property(r => r.Place).HasMaxLength(DialogueLimits.Place);
        b.Property(r => r.ContentJson).HasMaxLength(200_000);
        b.HasOne<DialogueMeeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DialogueDecisionLinkConfiguration : IEntityTypeConfiguration<DialogueDecisionLink>
{
    public void Configure(EntityTypeBuilder<DialogueDecisionLink> b)
    {
        b.ToTable("DialogueDecisionLinks");
        b.HasKey(l => new { l.MeetingId, l.DecisionId, l.TargetKind, l.TargetId });
        b.HasIndex(l => l.TargetId);
        b.Property(l => l.TargetKind).HasMaxLength(16);
        b.HasOne<DialogueMeeting>().WithMany().HasForeignKey(l => l.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
