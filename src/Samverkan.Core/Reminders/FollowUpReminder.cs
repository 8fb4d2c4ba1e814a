using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.FollowUp;

namespace Samverkan.Reminders;

/// <summary>
/// That a party was reminded of a round's deadline, so many days before it. Written in the same transaction as the
/// outbox messages, and unique per round, agreement, party and day: a restart, or two servers at once, never remind twice.
/// </summary>
public sealed class FollowUpReminder
{
    public Guid RoundId { get; set; }
    public Guid AgreementId { get; set; }
    public Guid OrganizationId { get; set; }
    public int DaysBefore { get; set; }
    public DateTime SentAt { get; set; }
}

internal sealed class FollowUpReminderConfiguration : IEntityTypeConfiguration<FollowUpReminder>
{
    public void Configure(EntityTypeBuilder<FollowUpReminder> b)
    {
        b.ToTable("FollowUpReminders");
        b.HasKey(r => new { r.RoundId, r.AgreementId, r.OrganizationId, r.DaysBefore });
        b.HasOne<FollowUpRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
