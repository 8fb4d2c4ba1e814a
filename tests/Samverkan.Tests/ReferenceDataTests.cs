using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Tests.Support;

namespace Samverkan.Tests;

public sealed class ReferenceDataTests
{
    [Fact]
    public async Task Migrate_LoadsAllCountiesRegionsAndMunicipalities()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.BuildServices();
        var db = services.CreateScope().ServiceProvider.GetRequiredService<SamverkanDb>();

        Assert.Equal(21, await db.Counties.CountAsync());
        Assert.Equal(21, await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Region));
        Assert.Equal(290, await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Municipality));
        var smedjebacken = await db.Organizations.SingleAsync(o => o.Code == "2061");
        Assert.Equal("Smedjebackens kommun", smedjebacken.OfficialName);
        Assert.Equal("20", smedjebacken.CountyCode);
        Assert.Equal("0114", (await db.Organizations.SingleAsync(o => o.Name == "Upplands Väsby")).Code);
    }

    [Fact]
    public async Task Municipalities_OfDalarna_HaveTheirPopulationAndSortTheSwedishWay()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.BuildServices();
        var list = (await services.CreateScope().ServiceProvider.GetRequiredService<ListMunicipalities>().ExecuteAsync("20")).Value;

        Assert.Equal(15, list.Count);
        Assert.Equal(286_546, list.Sum(m => m.Population ?? 0));
        Assert.All(list, m => Assert.Equal(2024, m.PopulationYear));
        // Älvdalen sorts after every name that starts with A–Z.
        Assert.Equal("Älvdalen", list[^1].Name);
        Assert.Equal("Avesta", list[0].Name);
    }

    [Fact]
    public async Task Migrate_TwiceChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.BuildServices();
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Current = Actor.Operator("test");
        var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();
        var before = await db.AuditLog.CountAsync();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        Assert.Equal(before, await db.AuditLog.CountAsync());
    }

    [Fact]
    public void SwedishSorting_PutsAaBeforeAeBeforeOe()
    {
        var sorted = new[] { "Örebro", "Älvdalen", "Åre", "Vansbro", "Ystad" }.OrderBySwedish(x => x).ToList();
        Assert.Equal(["Vansbro", "Ystad", "Åre", "Älvdalen", "Örebro"], sorted);
    }
}
