using System.Net.Http.Json;
using System.Text;

namespace Samverkan.IntegrationTests;

/// <summary>Bad input gets a clear problem+json with a stable code, and nothing is written.</summary>
[Collection(AppCollection.Name)]
public sealed class BadInputTests(AppFixture app)
{
    [Theory]
    [InlineData("", 2027, 2030, "20", 400, "plan.title-required")]
    [InlineData("   ", 2027, 2030, "20", 400, "plan.title-required")]
    [InlineData("Baklänges", 2030, 2027, "20", 400, "plan.period-invalid")]
    [InlineData("Orimligt år", 1850, 2030, "20", 400, "plan.period-invalid")]
    [InlineData("Okänd region", 2027, 2030, "99", 404, "region.not-found")]
    [InlineData("Kommun som region", 2027, 2030, "2061", 404, "region.not-found")]
    public async Task CreatePlan_WithBadInput_IsRefusedWithCode(string title, int from, int to, string region, int status, string code)
    {
        var before = await app.WrittenStateAsync();
        await (await app.As(AppFixture.RegionOfficer).PostAsJsonAsync("/api/v1/plans",
            new { regionCode = region, title, startYear = from, endYear = to })).ProblemAsync(status, code);
        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public async Task MalformedJson_Is400ProblemWithCode()
    {
        var before = await app.WrittenStateAsync();
        var content = new StringContent("{\"title\": ", Encoding.UTF8, "application/json");
        await (await app.As(AppFixture.RegionOfficer).PostAsync("/api/v1/plans", content)).ProblemAsync(400, "request.invalid");
        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public async Task GoalUnderAnotherRegionsPlan_IsRefused()
    {
        var dalarna = await (await app.As(AppFixture.RegionOfficer).PostAsJsonAsync("/api/v1/plans",
            new { regionCode = "20", title = "Dalarna", startYear = 2027, endYear = 2030 })).JsonAsync(201);
        var dalarnaGoal = await (await app.As(AppFixture.RegionOfficer).PostAsJsonAsync($"/api/v1/plans/{dalarna.GetProperty("id").GetString()}/goals",
            new { title = "Dalarnas mål" })).JsonAsync(201);
        var gavleborg = await (await app.As(AppFixture.Gavleborg).PostAsJsonAsync("/api/v1/plans",
            new { regionCode = "21", title = "Gävleborg", startYear = 2027, endYear = 2030 })).JsonAsync(201);

        var before = await app.WrittenStateAsync();
        // A sub-goal in Gävleborg's plan may not hang under Dalarna's goal.
        await (await app.As(AppFixture.Gavleborg).PostAsJsonAsync($"/api/v1/plans/{gavleborg.GetProperty("id").GetString()}/goals",
            new { title = "Felplacerat", parentId = dalarnaGoal.GetProperty("id").GetString() })).ProblemAsync(400, "goal.parent-invalid");
        // And Gävleborg's staff may not add to Dalarna's plan at all.
        await (await app.As(AppFixture.Gavleborg).PostAsJsonAsync($"/api/v1/plans/{dalarna.GetProperty("id").GetString()}/goals",
            new { title = "Intrång" })).ProblemAsync(404, "plan.not-found");
        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public async Task UnknownPlan_Is404()
    {
        await (await app.As(AppFixture.RegionOfficer).GetAsync($"/api/v1/plans/{Guid.NewGuid()}")).ProblemAsync(404, "plan.not-found");
        await (await app.As(AppFixture.RegionOfficer).PostAsJsonAsync($"/api/v1/plans/{Guid.NewGuid()}/goals", new { title = "x" }))
            .ProblemAsync(404, "plan.not-found");
    }

    [Fact]
    public async Task UpdateWithoutVersion_Is400()
    {
        var plan = await (await app.As(AppFixture.RegionOfficer).PostAsJsonAsync("/api/v1/plans",
            new { regionCode = "20", title = "Utan version", startYear = 2027, endYear = 2030 })).JsonAsync(201);
        await (await app.As(AppFixture.RegionOfficer).PutAsJsonAsync($"/api/v1/plans/{plan.GetProperty("id").GetString()}",
            new { title = "x", startYear = 2027, endYear = 2030, status = "draft" })).ProblemAsync(400, "request.version-required");
    }

    [Theory]
    [InlineData(2030, 2027, 1, "Mål", "municipal-goal.period-invalid")]
    [InlineData(2027, 2030, 0, "Mål", "municipal-goal.number-invalid")]
    [InlineData(2027, 2030, 1, "", "municipal-goal.text-required")]
    public async Task MunicipalGoal_WithBadInput_IsRefused(int from, int to, int number, string text, string code)
    {
        var before = await app.WrittenStateAsync();
        await (await app.As(AppFixture.Smedjebacken).PostAsJsonAsync("/api/v1/municipalities/2061/goals",
            new { startYear = from, endYear = to, number, text })).ProblemAsync(400, code);
        Assert.Equal(before, await app.WrittenStateAsync());
    }

    [Fact]
    public async Task MunicipalGoal_ForUnknownMunicipality_Is404()
    {
        await (await app.As(AppFixture.Smedjebacken).PostAsJsonAsync("/api/v1/municipalities/9999/goals",
            new { startYear = 2027, endYear = 2030, number = 1, text = "x" })).ProblemAsync(404, "municipality.not-found");
    }
}
