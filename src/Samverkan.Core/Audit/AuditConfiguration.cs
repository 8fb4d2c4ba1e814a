using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverkan.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.At);
        // Unique so two writers that somehow computed the same next position cannot both commit: the chain
        // stays linear even if the append lock were bypassed (see decision 0009).
        b.HasIndex(a => a.Sequence).IsUnique();
        b.Property(a => a.Hash).HasMaxLength(64);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.ActorName).HasMaxLength(300);
        b.Property(a => a.ActorUserId).HasMaxLength(64);
        b.Property(a => a.ActorOrganizationCode).HasMaxLength(64);
        b.Property(a => a.Channel).HasMaxLength(16);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(200);
        b.Property(a => a.Action).HasMaxLength(16);
    }
}
