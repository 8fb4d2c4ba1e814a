using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Samverkan.Data;

namespace Samverkan.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the model for SQLite without starting a host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SamverkanDb>
{
    public SamverkanDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SamverkanDb>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
