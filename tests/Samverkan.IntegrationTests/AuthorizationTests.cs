using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Samverkan.IntegrationTests;

/// <summary>Who may write what: refusals answer 401/403 with problem+json and leave the database and audit log as they were.</summary>
[Collection(AppCollection.Name)]
public sealed class AuthorizationTests(AppFixture app)
{
    private async Task<string> DalarnaPlanIdAsync()
    {
        var created = await (await app.As(AppFixture.RegionOfficer).PostAsJsonAsync("/api/v1/plans",
            new { regionCode = "20", title = "Dalarnas plan", startYear = 2027, endYear = 2030, status = "adopted" })).JsonAsync(201);
        return created.GetProperty("id").GetString()!;
    }

    private async Task<string> MoraGoalIdAsync()
    {
        var created = await (await app.As(AppFixture.Mora).PostAsJsonAsync("/api/v1/municipalities/2062/goals",
            new { startYear = 2027, endYear = 2030, number = 3, text = "Moras eget mål" })).JsonAsync(201);
        return created.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task MunicipalityOfficer_ChangingTheRegionsPlan_Is403AndNothingChanges()
    {
        var planId = await DalarnaPlanIdAsync();
        var before = await app.WrittenStateAsync();
        var client = app.As(AppFixture.Smedjebacken);

        await (await client.PutAsJsonAsync($"/api/v1/plans/{planId}",
            new { title = "Kapad", startYear = 2027, endYear = 2030, status = "adopted", version = 1 })).ProblemAsync(403, "access.forbidden");
        await (await client.PostAsJsonAsync($"/api/v1/plans/{planId}/goals", new { title = "Smygmål" })).ProblemAsync(403, "access.forbidden");
        await (await client.PostAsJsonAsync($"/api/v1/plans/{planId}/development-areas", new { title = "Smygområde" })).ProblemAsync(403, "access.forbidden");
        await (await client.PostAsJsonAsync("/api/v1/plans", new { regionCode = "20", title = "Egen plan", startYear = 2027, endYear = 2030 }))
            .ProblemAsync(403, "access.forbidden");

        Assert.Equal(before, await app.WrittenStateAsync());
        Assert.Equal("Dalarnas plan", await app.QueryAsync(db => db.Plans.Where(p => p.Id == Guid.Parse(planId)).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task MunicipalityOfficer_ChangingAnotherMunicipalitysGoals_Is403AndNothingChanges()
    {
        var moraGoal = await MoraGoalIdAsync();
        var before = await app.WrittenStateAsync();
        var client = app.As(AppFixture.Smedjebacken);

        await (await client.PutAsJsonAsync($"/api/v1/municipal-goals/{moraGoal}",
            new { startYear = 2027, endYear = 2030, number = 3, text = "Ändrat av Smedjebacken" })).ProblemAsync(403, "access.forbidden");
        await (await client.PostAsJsonAsync("/api/v1/municipalities/2062/goals",
            new { startYear = 2027, endYear = 2030, number = 9, text = "Nytt mål åt Mora" })).ProblemAsync(403, "access.forbidden");

        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public async Task RegionStaff_CannotWriteAMunicipalitysOwnGoals()
    {
        var before = await app.WrittenStateAsync();
        await (await app.As(AppFixture.RegionOfficer).PostAsJsonAsync("/api/v1/municipalities/2061/goals",
            new { startYear = 2027, endYear = 2030, number = 8, text = "Regionens mål åt kommunen" })).ProblemAsync(403, "access.forbidden");
        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public async Task AnotherRegionsOfficer_AndViewer_AreRefused()
    {
        var planId = await DalarnaPlanIdAsync();
        var before = await app.WrittenStateAsync();
        await (await app.As(AppFixture.Gavleborg).PostAsJsonAsync($"/api/v1/plans/{planId}/goals", new { title = "Gävleborgs mål" }))
            .ProblemAsync(403, "access.forbidden");
        await (await app.As(AppFixture.Viewer).PostAsJsonAsync($"/api/v1/plans/{planId}/goals", new { title = "Läsarens mål" }))
            .ProblemAsync(403, "access.forbidden");
        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public async Task Anonymous_Writes_Are401AndNothingChanges()
    {
        var planId = await DalarnaPlanIdAsync();
        var moraGoal = await MoraGoalIdAsync();
        var before = await app.WrittenStateAsync();
        var client = app.Anonymous();

        await (await client.PostAsJsonAsync("/api/v1/plans", new { regionCode = "20", title = "x", startYear = 2027, endYear = 2030 })).ProblemAsync(401);
        await (await client.PutAsJsonAsync($"/api/v1/plans/{planId}", new { title = "x", startYear = 2027, endYear = 2030, status = "draft", version = 1 })).ProblemAsync(401);
        await (await client.PostAsJsonAsync($"/api/v1/plans/{planId}/goals", new { title = "x" })).ProblemAsync(401);
        await (await client.PutAsJsonAsync($"/api/v1/municipal-goals/{moraGoal}", new { startYear = 2027, endYear = 2030, number = 1, text = "x" })).ProblemAsync(401);
        await (await client.DeleteAsync($"/api/v1/goals/{Guid.NewGuid()}")).ProblemAsync(401);

        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public async Task RevokedOrUnknownToken_Is401()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "svk_not-a-real-token");
        await (await client.PostAsJsonAsync("/api/v1/plans", new { regionCode = "20", title = "x", startYear = 2027, endYear = 2030 })).ProblemAsync(401);
    }
}
