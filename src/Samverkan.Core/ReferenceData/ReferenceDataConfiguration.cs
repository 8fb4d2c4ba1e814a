using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Organizations;

namespace Samverkan.ReferenceData;

internal sealed class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> b)
    {
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(2);
        b.Property(c => c.Name).HasMaxLength(100);
    }
}

internal sealed class PopulationFigureConfiguration : IEntityTypeConfiguration<PopulationFigure>
{
    public void Configure(EntityTypeBuilder<PopulationFigure> b)
    {
        b.HasKey(p => new { p.MunicipalityCode, p.Year });
        b.Property(p => p.MunicipalityCode).HasMaxLength(4);
    }
}

internal sealed class ActivityAreaConfiguration : IEntityTypeConfiguration<ActivityArea>
{
    public void Configure(EntityTypeBuilder<ActivityArea> b)
    {
        b.HasIndex(a => a.Code).IsUnique();
        b.Property(a => a.Code).HasMaxLength(64);
        b.Property(a => a.Name).HasMaxLength(300);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OwnerOrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(a => a.IsStateArea);
    }
}

internal sealed class NationalGoalConfiguration : IEntityTypeConfiguration<NationalGoal>
{
    public void Configure(EntityTypeBuilder<NationalGoal> b)
    {
        b.HasKey(g => g.Number);
        b.Property(g => g.Number).ValueGeneratedNever();
        b.Property(g => g.Text).HasMaxLength(1000);
    }
}
