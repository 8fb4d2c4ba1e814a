using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Organizations;

namespace Samverkan.Plans;

internal sealed class CulturePlanConfiguration : IEntityTypeConfiguration<CulturePlan>
{
    public void Configure(EntityTypeBuilder<CulturePlan> b)
    {
        b.ToTable("CulturePlans");
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.Reference).HasMaxLength(50);
        b.Property(p => p.Summary).HasMaxLength(8000);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.DevelopmentAreas).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(p => p.IsPublic);
    }
}

internal sealed class DevelopmentAreaConfiguration : IEntityTypeConfiguration<DevelopmentArea>
{
    public void Configure(EntityTypeBuilder<DevelopmentArea> b)
    {
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.Description).HasMaxLength(4000);
    }
}

internal sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> b)
    {
        b.Property(g => g.Title).HasMaxLength(500);
        b.Property(g => g.Description).HasMaxLength(4000);
        b.HasOne<PlanGoal>().WithMany().HasForeignKey(g => g.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DevelopmentArea>().WithMany().HasForeignKey(g => g.DevelopmentAreaId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(g => g.Indicators).WithOne().HasForeignKey(i => i.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GoalIndicatorConfiguration : IEntityTypeConfiguration<GoalIndicator>
{
    public void Configure(EntityTypeBuilder<GoalIndicator> b)
    {
        b.Property(i => i.Name).HasMaxLength(300);
        b.Property(i => i.Unit).HasMaxLength(50);
        b.Property(i => i.Baseline).HasPrecision(18, 2);
        b.Property(i => i.Target).HasPrecision(18, 2);
    }
}

internal sealed class MunicipalGoalConfiguration : IEntityTypeConfiguration<MunicipalGoal>
{
    public void Configure(EntityTypeBuilder<MunicipalGoal> b)
    {
        b.Property(g => g.Text).HasMaxLength(1000);
        b.HasIndex(g => new { g.OrganizationId, g.StartYear });
        b.HasOne<Organization>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
