using System.Text.Json;

namespace Samverkan.IntegrationTests;

[Collection(AppCollection.Name)]
public sealed class ReferenceApiTests(AppFixture app)
{
    [Fact]
    public async Task Regions_ListsAll21()
    {
        var json = await (await app.Anonymous().GetAsync("/api/v1/regions")).JsonAsync();
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(21, items.Count);
        Assert.Contains(items, r => r.GetProperty("code").GetString() == "20" && r.GetProperty("name").GetString() == "Region Dalarna"
            && r.GetProperty("municipalities").GetInt32() == 15);
    }

    [Fact]
    public async Task Municipalities_OfCounty20_HaveCodeNameCountyAndPopulation()
    {
        var json = await (await app.Anonymous().GetAsync("/api/v1/municipalities?county=20")).JsonAsync();
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(15, items.Count);
        var smedjebacken = items.Single(m => m.GetProperty("code").GetString() == "2061");
        Assert.Equal("Smedjebacken", smedjebacken.GetProperty("name").GetString());
        Assert.Equal("20", smedjebacken.GetProperty("countyCode").GetString());
        Assert.Equal(10_823, smedjebacken.GetProperty("population").GetInt32());
        Assert.Equal("Älvdalen", items[^1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Municipalities_WithoutFilter_AreAll290()
    {
        var json = await (await app.Anonymous().GetAsync("/api/v1/municipalities")).JsonAsync();
        Assert.Equal(290, json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Municipalities_OfUnknownCounty_Is404WithCode()
    {
        await (await app.Anonymous().GetAsync("/api/v1/municipalities?county=99")).ProblemAsync(404, "county.not-found");
    }

    [Fact]
    public async Task Organizations_InstitutionsOfRegion20_AreListedWithActivityAreas()
    {
        var json = await (await app.Anonymous().GetAsync("/api/v1/organizations?kind=institution&region=20")).JsonAsync();
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("institution", i.GetProperty("kind").GetString()));
        Assert.All(items, i => Assert.Equal("20", i.GetProperty("countyCode").GetString()));
    }

    [Fact]
    public async Task Organizations_WithUnknownKind_Is400WithCode()
    {
        await (await app.Anonymous().GetAsync("/api/v1/organizations?kind=castle")).ProblemAsync(400, "organization.kind-invalid");
    }

    [Fact]
    public async Task Organization_ByCode_HasPopulationHistory()
    {
        var json = await (await app.Anonymous().GetAsync("/api/v1/organizations/2061")).JsonAsync();
        Assert.Equal("Smedjebackens kommun", json.GetProperty("officialName").GetString());
        var years = json.GetProperty("population").EnumerateArray().Select(p => p.GetProperty("year").GetInt32()).ToList();
        Assert.Equal([2023, 2024], years);
    }

    [Fact]
    public async Task ApiInfo_AndOpenApi_AndHealth_Answer()
    {
        var client = app.Anonymous();
        var info = await (await client.GetAsync("/api/v1/api-info")).JsonAsync();
        Assert.Equal("Samverkan API", info.GetProperty("apiName").GetString());
        var openapi = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = openapi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/municipalities", paths);
        Assert.Contains("/api/v1/plans/{id}", paths);
        Assert.All(paths.Where(p => p.StartsWith("/api/", StringComparison.Ordinal)),
            p => Assert.Matches("^(/[a-z0-9-]+|/\\{[a-zA-Z]+\\})+$", p));
        Assert.Equal("Healthy", (await (await client.GetAsync("/healthz")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("Healthy", (await (await client.GetAsync("/readyz")).JsonAsync()).GetProperty("status").GetString());
        var ui = await client.GetAsync("/api-docs/index.html");
        Assert.Equal(200, (int)ui.StatusCode);
    }

    [Fact]
    public async Task UnknownApiPath_IsProblemJson404()
    {
        var json = await (await app.Anonymous().GetAsync("/api/v1/castles")).ProblemAsync(404, "resource.not-found");
        Assert.False(string.IsNullOrEmpty(json.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task StartPage_IsSwedishAndShowsDalarna()
    {
        var response = await app.Anonymous().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("<html lang=\"sv\">", html);
        Assert.Contains("Region Dalarna", html);
        Assert.Contains("Smedjebacken", html);
        Assert.Contains("10\u00a0823", html.Replace("&#xA0;", "\u00a0"));
        Assert.True(response.Headers.Contains("Server-Timing"));
    }
}
