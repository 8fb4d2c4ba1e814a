using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverkan.Notifications;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.HasIndex(m => new { m.SentAt, m.CreatedAt });
        b.Property(m => m.Kind).HasMaxLength(32);
        b.Property(m => m.To).HasMaxLength(200);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Body).HasMaxLength(16000);
        b.Property(m => m.RelatedId).HasMaxLength(64);
        b.Property(m => m.LastError).HasMaxLength(2000);
    }
}
