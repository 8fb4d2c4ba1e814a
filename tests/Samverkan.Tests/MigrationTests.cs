using Microsoft.EntityFrameworkCore;
using Samverkan.Data;

namespace Samverkan.Tests;

/// <summary>The generated migrations match the model on both providers (run scripts/add-migration after a model change).</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_HasNoPendingModelChanges()
    {
        using var db = new Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite migrations are behind the model: run scripts/add-migration <Name>.");
    }

    [Fact]
    public void Postgres_HasNoPendingModelChanges()
    {
        using var db = new Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL migrations are behind the model: run scripts/add-migration <Name>.");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = new Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]);
        using var postgres = new Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(SamverkanDb db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
