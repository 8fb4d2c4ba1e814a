using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Samverkan.Data;

namespace Samverkan.Migrations.Postgres;

/// <summary>Lets dotnet-ef build the model for PostgreSQL without a server (no connection is opened).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SamverkanDb>
{
    public SamverkanDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SamverkanDb>()
            .UseNpgsql("Host=127.0.0.1;Database=design_time", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
