using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Plans;
using Samverkan.Seeding;
using Samverkan.Tests.Support;

namespace Samverkan.Tests.Seeding;

/// <summary>One demo-seeded database shared by the tests that only read it.</summary>
public sealed class SeededDemoDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(seedDemo: true);
        Services = Database.BuildServices();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class DemoSeederTests(SeededDemoDatabase seeded) : IClassFixture<SeededDemoDatabase>
{
    private static readonly Dictionary<string, string[]> InstitutionAreas = new()
    {
        ["dalateatern"] = ["dalarna-teater", "dalarna-dans"],
        ["musik-i-dalarna"] = ["dalarna-musik"],
        ["folkmusikens-hus"] = ["dalarna-musik", "dalarna-dans", "dalarna-bildning"],
        ["dalarnas-museum"] = ["dalarna-museer"],
        ["mentalvardsmuseet"] = ["dalarna-museer"],
        ["lansbibliotek-dalarna"] = ["dalarna-bibliotek", "dalarna-litteratur"],
        ["bild-och-form-dalarna"] = ["dalarna-bild-och-form"],
        ["avesta-art"] = ["dalarna-bild-och-form"],
        ["arkivcentrum-dalarna"] = ["dalarna-arkiv"],
        ["dalarnas-folkrorelsearkiv"] = ["dalarna-arkiv"],
        ["film-i-dalarna"] = ["dalarna-film"],
        ["dalarnas-hemslojdsforbund"] = ["dalarna-hemslojd"],
    };

    private SamverkanDb Db() => seeded.Services.CreateScope().ServiceProvider.GetRequiredService<SamverkanDb>();

    [Fact]
    public async Task Seed_KeepsTheFifteenDalarnaMunicipalitiesAndGivesFiveOfThemACultureContact()
    {
        var db = Db();
        var municipalities = await db.Organizations.Include(o => o.Contacts)
            .Where(o => o.Kind == OrganizationKind.Municipality && o.CountyCode == "20").ToListAsync();

        Assert.Equal(15, municipalities.Count);
        Assert.All(municipalities, m => Assert.NotNull(m.Website));
        foreach (var code in new[] { "2061", "2062", "2080", "2081", "2085" })
            Assert.Single(municipalities.Single(m => m.Code == code).Contacts);
        Assert.Equal(290, await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Municipality));
    }

    [Fact]
    public async Task Seed_EnrichesRegionDalarnaWithAddressesAndTwoContacts()
    {
        var region = await Db().Organizations.Include(o => o.Contacts).SingleAsync(o => o.Code == "20");

        Assert.Equal(OrganizationKind.Region, region.Kind);
        Assert.Equal("Region Dalarna", region.OfficialName);
        Assert.Equal("Box 712, 791 29 Falun", region.PostalAddress);
        Assert.Equal("Vasagatan 27, Falun", region.VisitingAddress);
        Assert.Equal("023-49 00 00", region.Phone);
        Assert.Equal("232100-0180", region.OrganizationNumber);
        Assert.Equal(2, region.Contacts.Count);
        Assert.All(region.Contacts, c => Assert.EndsWith(".example", c.Email));
    }

    [Fact]
    public async Task Seed_AddsElevenDalarnaActivityAreasOwnedByTheRegion()
    {
        var db = Db();
        var region = await db.Organizations.SingleAsync(o => o.Code == "20");
        var areas = await db.ActivityAreas.Where(a => a.OwnerOrganizationId == region.Id).OrderBy(a => a.SortOrder).ToListAsync();

        Assert.Equal(11, areas.Count);
        Assert.Equal(Enumerable.Range(1, 11), areas.Select(a => a.SortOrder));
        Assert.All(areas, a => Assert.StartsWith("dalarna-", a.Code));
        Assert.All(areas, a => Assert.Equal(new DateOnly(2019, 1, 1), a.ValidFrom));
        Assert.Equal(Enumerable.Range(1, 7), areas.Where(a => a.StateAreaNumber is not null).Select(a => a.StateAreaNumber!.Value).Distinct().Order());
    }

    [Fact]
    public async Task Seed_AddsTheRegionalInstitutionsWithTheirActivityAreas()
    {
        var db = Db();
        var areaCodes = await db.ActivityAreas.ToDictionaryAsync(a => a.Id, a => a.Code);
        var institutions = await db.Organizations.Include(o => o.ActivityAreas).Include(o => o.Contacts)
            .Where(o => o.Kind == OrganizationKind.Institution).ToDictionaryAsync(o => o.Code);

        foreach (var (code, expected) in InstitutionAreas)
        {
            var institution = Assert.Contains(code, (IReadOnlyDictionary<string, Organization>)institutions);
            Assert.Equal("20", institution.CountyCode);
            Assert.NotNull(institution.MunicipalityCode);
            Assert.NotNull(institution.LegalForm);
            Assert.NotNull(institution.Description);
            Assert.Single(institution.Contacts);
            Assert.Equal(expected.Order(), institution.ActivityAreas.Select(a => areaCodes[a.ActivityAreaId]).Order());
        }
        Assert.Equal("2031", institutions["folkmusikens-hus"].MunicipalityCode);
        Assert.Equal("Aktiebolag", institutions["film-i-dalarna"].LegalForm);
    }

    [Fact]
    public async Task Seed_AddsLocalOrganizersAndTwoStateBodies()
    {
        var db = Db();
        var organizers = await db.Organizations.Where(o => o.Kind == OrganizationKind.Organizer).ToListAsync();
        var stateBodies = await db.Organizations.Where(o => o.Kind == OrganizationKind.StateBody).ToListAsync();

        Assert.Contains(organizers, o => o.Code == "riksteatern-smedjebacken" && o.MunicipalityCode == "2061");
        Assert.Contains(organizers, o => o.Code == "konsthallen-meken" && o.MunicipalityCode == "2061");
        Assert.All(organizers, o => Assert.Equal("20", o.CountyCode));
        Assert.Equal(["kulturanalys", "kulturradet"], stateBodies.Select(o => o.Code).Order());
        Assert.All(stateBodies, o => Assert.Null(o.CountyCode));
    }

    [Fact]
    public async Task Seed_AddsBothPlansWithDevelopmentAreasAndAGoalTree()
    {
        var db = Db();
        var region = await db.Organizations.SingleAsync(o => o.Code == "20");
        var plans = await db.Plans.Include(p => p.DevelopmentAreas).Include(p => p.Goals).ThenInclude(g => g.Indicators)
            .AsSplitQuery().Where(p => p.RegionId == region.Id).OrderBy(p => p.StartYear).ToListAsync();

        Assert.Equal(2, plans.Count);
        var (older, current) = (plans[0], plans[1]);
        Assert.Equal((2019, 2022, "LD17/03997", new DateOnly(2018, 11, 20), PlanStatus.Archived),
            (older.StartYear, older.EndYear, older.Reference, older.AdoptedOn, older.Status));
        Assert.Equal((2023, 2026, PlanStatus.Adopted), (current.StartYear, current.EndYear, current.Status));
        foreach (var plan in plans)
        {
            Assert.InRange(plan.DevelopmentAreas.Count, 4, 6);
            Assert.False(string.IsNullOrWhiteSpace(plan.Summary));
            var topLevel = plan.Goals.Where(g => g.ParentId is null).ToList();
            Assert.All(plan.DevelopmentAreas, a => Assert.InRange(topLevel.Count(g => g.DevelopmentAreaId == a.Id), 2, 3));
            Assert.Contains(plan.Goals, g => g.ParentId is not null);
            Assert.All(plan.Goals.Where(g => g.ParentId is not null), g => Assert.Contains(plan.Goals, p => p.Id == g.ParentId));
            Assert.True(plan.Goals.Count(g => g.Indicators.Count > 0) >= 3);
        }
        var indicator = current.Goals.SelectMany(g => g.Indicators).Single(i => i.Name == "Andel kommuner med turnerande scenkonst för barn");
        Assert.Equal(("%", 80m, 2022, 100m, 2026), (indicator.Unit, indicator.Baseline, indicator.BaselineYear, indicator.Target, indicator.TargetYear));
    }

    [Fact]
    public async Task Seed_GivesSmedjebackenExactlySevenGoalsFor2019To2022()
    {
        var db = Db();
        var smedjebacken = await db.Organizations.SingleAsync(o => o.Code == "2061");
        var goals = await db.MunicipalGoals.Where(g => g.OrganizationId == smedjebacken.Id && g.StartYear == 2019)
            .OrderBy(g => g.Number).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 7), goals.Select(g => g.Number));
        Assert.All(goals, g => Assert.Equal(2022, g.EndYear));
        Assert.Contains("MEKEN", goals[4].Text);
    }

    [Fact]
    public async Task Seed_CreatesEveryDemoAccountWithItsRoleOrganizationAndPassword()
    {
        using var scope = seeded.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();

        Assert.Equal(Roles.All.Order(), DemoAccounts.All.Select(a => a.Role).Distinct().Order());
        foreach (var account in DemoAccounts.All)
        {
            var user = await users.FindByEmailAsync(account.Email);
            Assert.NotNull(user);
            var organization = await db.Organizations.SingleAsync(o => o.Id == user.OrganizationId);
            Assert.Equal((account.Role, account.OrganizationCode, account.Name, account.Email), (user.Role, organization.Code, user.DisplayName, user.UserName));
            Assert.True(user.EmailConfirmed);
            Assert.True(AddUser.RoleFits(user.Role, organization.Kind), $"{account.Email}: {user.Role} does not fit a {organization.Kind}");
            Assert.True(await users.CheckPasswordAsync(user, DemoAccounts.Password), account.Email);
        }
    }

    [Fact]
    public async Task SeedAsync_SecondTime_ReturnsFalseAndAddsNothing()
    {
        using var scope = seeded.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Current = Actor.Operator("test");
        var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();
        var before = await CountAsync(db);

        Assert.False(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());

        Assert.Equal(before, await CountAsync(db));
    }

    [Fact]
    public async Task SeedAsync_ByAnAnonymousActor_IsAuditedAsTheDemoSeedOperatorOnTheCli()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.BuildServices();
        using var scope = services.CreateScope();
        var actors = scope.ServiceProvider.GetRequiredService<ActorContext>();
        var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();

        Assert.True(await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());

        var entries = await db.AuditLog.Where(e => e.EntityType == nameof(CulturePlan) || e.EntityType == nameof(User)).ToListAsync();
        Assert.Equal(2 + DemoAccounts.All.Count, entries.Count);
        Assert.All(entries, e => Assert.Equal(("operatör:demo-seed", "cli"), (e.ActorName, e.Channel)));
        Assert.Same(Actor.Anonymous, actors.Current);
    }

    [Fact]
    public async Task SeedAsync_WhenAnAccountCannotBeCreated_LeavesNothingBehind()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.BuildServices();
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Current = Actor.Operator("test");
        var db = scope.ServiceProvider.GetRequiredService<SamverkanDb>();
        var region = await db.Organizations.SingleAsync(o => o.Code == "20");
        var taken = DemoAccounts.All[^1].Email;
        var existing = new User { UserName = taken, Email = taken, DisplayName = "Redan här", OrganizationId = region.Id, Role = Roles.Viewer };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<User>>().CreateAsync(existing)).Succeeded);
        var before = await CountAsync(db);

        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());

        Assert.Equal(before, await CountAsync(db));
        Assert.Null((await db.Organizations.AsNoTracking().SingleAsync(o => o.Code == "20")).PostalAddress);
    }

    private static async Task<(int, int, int, int, int, int, int)> CountAsync(SamverkanDb db) => (
        await db.Organizations.CountAsync(),
        await db.ContactPeople.CountAsync(),
        await db.ActivityAreas.CountAsync(),
        await db.Plans.CountAsync(),
        await db.PlanGoals.CountAsync(),
        await db.MunicipalGoals.CountAsync(),
        await db.Users.CountAsync() + await db.AuditLog.CountAsync());
}
