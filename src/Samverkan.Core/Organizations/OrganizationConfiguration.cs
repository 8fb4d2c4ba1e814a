using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.ReferenceData;

namespace Samverkan.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.HasIndex(o => o.Code).IsUnique();
        b.HasIndex(o => new { o.Kind, o.CountyCode });
        b.Property(o => o.Code).HasMaxLength(64);
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.OfficialName).HasMaxLength(200);
        b.Ignore(o => o.DisplayName);
        b.Property(o => o.CountyCode).HasMaxLength(2);
        b.Property(o => o.MunicipalityCode).HasMaxLength(4);
        b.Property(o => o.LegalForm).HasMaxLength(100);
        b.Property(o => o.OrganizationNumber).HasMaxLength(20);
        b.Property(o => o.Description).HasMaxLength(4000);
        b.Property(o => o.PostalAddress).HasMaxLength(300);
        b.Property(o => o.VisitingAddress).HasMaxLength(300);
        b.Property(o => o.Phone).HasMaxLength(50);
        b.Property(o => o.Email).HasMaxLength(200);
        b.Property(o => o.Website).HasMaxLength(300);
        b.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.ActivityAreas).WithOne().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContactPersonConfiguration : IEntityTypeConfiguration<ContactPerson>
{
    public void Configure(EntityTypeBuilder<ContactPerson> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Phone).HasMaxLength(50);
        b.Property(c => c.Email).HasMaxLength(200);
    }
}

internal sealed class OrganizationActivityAreaConfiguration : IEntityTypeConfiguration<OrganizationActivityArea>
{
    public void Configure(EntityTypeBuilder<OrganizationActivityArea> b)
    {
        b.HasKey(a => new { a.OrganizationId, a.ActivityAreaId });
        b.HasOne<ActivityArea>().WithMany().HasForeignKey(a => a.ActivityAreaId).OnDelete(DeleteBehavior.Cascade);
    }
}
