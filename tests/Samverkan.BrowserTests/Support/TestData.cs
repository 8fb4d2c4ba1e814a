using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Accounts;
using Samverkan.Common;
using Samverkan.Data;
using Samverkan.Organizations;
using Samverkan.Plans;
using Samverkan.Tests.Support;

namespace Samverkan.BrowserTests.Support;

public sealed record TestUser(string Email, string Password, string Name);

/// <summary>
/// What the browser tests rely on, made through the use cases on top of whatever the demo seed holds:
/// own accounts with unique e-mail addresses and an own plan for Region Dalarna, so the tests pass
/// both with and without the demo data and never collide with it.
/// </summary>
public sealed class TestData : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Actor _officer;

    private TestData(ServiceProvider services, Actor officer)
    {
        _services = services;
        _officer = officer;
    }

    public const string Password = "webbtest-losenord-2061";
    public const string RegionCode = "20";
    public const string MunicipalityCode = "2061";

    public required TestUser RegionOfficer { get; init; }
    public required TestUser MunicipalityOfficer { get; init; }
    public required Guid DalarnaPlanId { get; init; }
    public required string DalarnaPlanTitle { get; init; }
    public required string InstitutionCode { get; init; }
    public required string InstitutionName { get; init; }

    public static async Task<TestData> CreateAsync(TestDatabase database)
    {
        var services = database.BuildServices();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var operatorActor = Actor.Operator("test");

        var officer = new TestUser($"handlaggare-{suffix}@webbtest.example", Password, "Hanna Handläggare");
        var officerId = await AddUserAsync(services, operatorActor, officer, RegionCode, Roles.RegionOfficer);
        var municipal = new TestUser($"smedjebacken-{suffix}@webbtest.example", Password, "Sam Smedjebacken");
        await AddUserAsync(services, operatorActor, municipal, MunicipalityCode, Roles.MunicipalityOfficer);

        // Plans can only be written by the region's own staff, so the officer makes it, as on the page.
        var officerActor = await RunAsync(services, operatorActor, sp => sp.GetRequiredService<ResolveActor>().ForUserAsync(officerId));
        var year = DateTime.UtcNow.Year;
        var title = $"Kulturplan för webbtesterna {year - 1}–{year + 2}";
        var planId = Ok(await RunAsync(services, officerActor, sp => sp.GetRequiredService<CreatePlan>().ExecuteAsync(new CreatePlanCommand(
            RegionCode, title, year - 1, year + 2, Reference: $"RD {year - 2}/0042", AdoptedOn: new DateOnly(year - 2, 11, 20),
            Status: "adopted", Summary: "En plan som webbtesterna lägger in för att ha något att visa och skydda."))));

        // No use case creates institutions yet (they come from the demo seed and later an import), so the test
        // writes its own directly, as an operator would.
        var institution = new Organization
        {
            Code = $"provscenen-{suffix}",
            Name = "Provscenen Dalarna",
            OfficialName = "Stiftelsen Provscenen Dalarna",
            Kind = OrganizationKind.Institution,
            CountyCode = RegionCode,
            MunicipalityCode = "2080",
            LegalForm = "Stiftelse",
            Description = "En påhittad länsteater som bara finns i webbtesterna.",
            VisitingAddress = "Teatergatan 1, Falun",
            Contacts = [new ContactPerson { Name = "Tove Teaterchef", Title = "Teaterchef", Email = "tove@webbtest.example" }],
        };
        await RunAsync(services, operatorActor, async sp =>
        {
            var db = sp.GetRequiredService<SamverkanDb>();
            var stage = await db.ActivityAreas.FirstAsync(a => a.Code == "state-1");
            institution.ActivityAreas.Add(new OrganizationActivityArea { OrganizationId = institution.Id, ActivityAreaId = stage.Id });
            db.Organizations.Add(institution);
            return await db.SaveChangesAsync();
        });

        return new TestData(services, officerActor)
        {
            RegionOfficer = officer,
            MunicipalityOfficer = municipal,
            DalarnaPlanId = planId,
            DalarnaPlanTitle = title,
            InstitutionCode = institution.Code,
            InstitutionName = institution.OfficialName,
        };
    }

    /// <summary>A plan of Region Dalarna made by the test's region officer through the use case, for a test of its own.</summary>
    public async Task<Guid> CreatePlanAsync(string title, string status = "draft") =>
        Ok(await RunAsync(_services, _officer, sp => sp.GetRequiredService<CreatePlan>().ExecuteAsync(
            new CreatePlanCommand(RegionCode, title, 2027, 2030, Reference: "RD 2026/0200", Status: status))));

    /// <summary>Runs use cases as the test's region officer, for data a test needs but does not click together itself.</summary>
    public Task<T> AsRegionOfficerAsync<T>(Func<IServiceProvider, Task<T>> action) => RunAsync(_services, _officer, action);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>One scope per call, like one request per action in the web host: a fresh DbContext and actor each time.</summary>
    private static async Task<T> RunAsync<T>(ServiceProvider services, Actor actor, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        var actors = scope.ServiceProvider.GetRequiredService<ActorContext>();
        actors.Current = actor;
        actors.Channel = "cli";
        return await action(scope.ServiceProvider);
    }

    private static async Task<string> AddUserAsync(ServiceProvider services, Actor actor, TestUser user, string organizationCode, string role) =>
        Ok(await RunAsync(services, actor, sp => sp.GetRequiredService<AddUser>().ExecuteAsync(
            new AddUserCommand(user.Email, user.Name, organizationCode, role, user.Password)))).Id;

    private static T Ok<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Test setup failed: {result.Error!.Code} {result.Error.Message}");
}
