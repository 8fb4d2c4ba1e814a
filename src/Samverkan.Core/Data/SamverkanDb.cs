using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Samverkan.Accounts;
using Samverkan.Audit;
using Samverkan.Organizations;
using Samverkan.Plans;
using Samverkan.ReferenceData;

namespace Samverkan.Data;

public sealed class SamverkanDb(DbContextOptions<SamverkanDb> options) : IdentityDbContext<User>(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<ContactPerson> ContactPeople => Set<ContactPerson>();
    public DbSet<County> Counties => Set<County>();
    public DbSet<PopulationFigure> Populations => Set<PopulationFigure>();
    public DbSet<ActivityArea> ActivityAreas => Set<ActivityArea>();
    public DbSet<NationalGoal> NationalGoals => Set<NationalGoal>();
    public DbSet<CulturePlan> Plans => Set<CulturePlan>();
    public DbSet<DevelopmentArea> DevelopmentAreas => Set<DevelopmentArea>();
    public DbSet<PlanGoal> PlanGoals => Set<PlanGoal>();
    public DbSet<GoalIndicator> GoalIndicators => Set<GoalIndicator>();
    public DbSet<MunicipalGoal> MunicipalGoals => Set<MunicipalGoal>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SamverkanDb).Assembly);

        // Ids are made by the application (Guid v7), never by the database. Saying so lets EF see a new child
        // added to a loaded parent's collection as an insert rather than an update of a missing row.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var key = entity.FindPrimaryKey();
            if (key is { Properties: [{ ClrType: var type } property] } && type == typeof(Guid))
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Instants are UTC everywhere; SQLite forgets the kind, so every DateTime is read back as UTC.
        conventions.Properties<DateTime>().HaveConversion<UtcConverter>();
        conventions.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
        // Enums are stored as their names so the data reads the same on both providers.
        conventions.Properties<OrganizationKind>().HaveConversion<string>().HaveMaxLength(32);
        conventions.Properties<PlanStatus>().HaveConversion<string>().HaveMaxLength(32);
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
