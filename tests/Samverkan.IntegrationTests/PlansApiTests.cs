using System.Net.Http.Json;
using System.Text.Json;

namespace Samverkan.IntegrationTests;

[Collection(AppCollection.Name)]
public sealed class PlansApiTests(AppFixture app)
{
    private static object NewPlan(string title = "Testplan", int from = 2027, int to = 2030, string region = "20") =>
        new { regionCode = region, title, startYear = from, endYear = to, reference = "RD-TEST/1", status = "draft" };

    private async Task<(string Id, JsonElement Plan)> CreateAsync(string title = "Testplan")
    {
        var response = await app.As(AppFixture.RegionOfficer).PostAsJsonAsync("/api/v1/plans", NewPlan(title));
        var json = await response.JsonAsync(201);
        Assert.Equal($"/api/v1/plans/{json.GetProperty("id").GetString()}", response.Headers.Location?.ToString());
        return (json.GetProperty("id").GetString()!, json);
    }

    [Fact]
    public async Task RegionOfficer_CreatesPlan_AndReadsItBack()
    {
        var (id, plan) = await CreateAsync("Kulturplan för test 2027–2030");
        Assert.Equal("draft", plan.GetProperty("status").GetString());
        Assert.Equal(1, plan.GetProperty("version").GetInt32());
        var read = await (await app.As(AppFixture.RegionOfficer).GetAsync($"/api/v1/plans/{id}")).JsonAsync();
        Assert.Equal("Kulturplan för test 2027–2030", read.GetProperty("title").GetString());
        Assert.Equal("20", read.GetProperty("region").GetProperty("code").GetString());
    }

    [Fact]
    public async Task DraftPlan_IsHiddenFromTheAnonymousAndOtherOrganizations_ButAdoptedIsPublic()
    {
        var (id, _) = await CreateAsync();
        await (await app.Anonymous().GetAsync($"/api/v1/plans/{id}")).ProblemAsync(404, "plan.not-found");
        await (await app.As(AppFixture.Smedjebacken).GetAsync($"/api/v1/plans/{id}")).ProblemAsync(404, "plan.not-found");
        var list = await (await app.Anonymous().GetAsync("/api/v1/plans?region=20")).JsonAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetString() == id);

        var adopt = await app.As(AppFixture.RegionOfficer).PutAsJsonAsync($"/api/v1/plans/{id}",
            new { title = "Antagen testplan", startYear = 2027, endYear = 2030, status = "adopted", adoptedOn = "2026-11-20", version = 1 });
        await adopt.JsonAsync();
        var pub = await (await app.Anonymous().GetAsync($"/api/v1/plans/{id}")).JsonAsync();
        Assert.Equal("adopted", pub.GetProperty("status").GetString());
        Assert.Equal("2026-11-20", pub.GetProperty("adoptedOn").GetString());
    }

    [Fact]
    public async Task Update_WithCurrentVersion_IncrementsIt_AndStaleVersionIsConflictWithNothingLost()
    {
        var (id, _) = await CreateAsync();
        var officer = app.As(AppFixture.RegionOfficer);
        var first = await (await officer.PutAsJsonAsync($"/api/v1/plans/{id}",
            new { title = "Första ändringen", startYear = 2027, endYear = 2030, status = "draft", version = 1 })).JsonAsync();
        Assert.Equal(2, first.GetProperty("version").GetInt32());

        var stale = await officer.PutAsJsonAsync($"/api/v1/plans/{id}",
            new { title = "Gammal ändring", startYear = 2027, endYear = 2030, status = "draft", version = 1 });
        await stale.ProblemAsync(409, "plan.stale");
        var read = await (await officer.GetAsync($"/api/v1/plans/{id}")).JsonAsync();
        Assert.Equal("Första ändringen", read.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Update_AcceptsIfMatchHeader()
    {
        var (id, _) = await CreateAsync();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/{id}")
        {
            Content = JsonContent.Create(new { title = "Via If-Match", startYear = 2027, endYear = 2030, status = "draft" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var json = await (await app.As(AppFixture.RegionOfficer).SendAsync(request)).JsonAsync();
        Assert.Equal(2, json.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Goals_FormATree_WithIndicators()
    {
        var (id, _) = await CreateAsync();
        var officer = app.As(AppFixture.RegionOfficer);
        var area = await (await officer.PostAsJsonAsync($"/api/v1/plans/{id}/development-areas", new { title = "Barn och unga" })).JsonAsync(201);
        var parent = await (await officer.PostAsJsonAsync($"/api/v1/plans/{id}/goals", new
        {
            title = "Alla barn möter professionell scenkonst",
            developmentAreaId = area.GetProperty("id").GetString(),
            indicators = new[] { new { name = "Andel kommuner med turné", unit = "%", baseline = 80, baselineYear = 2026, target = 100, targetYear = 2030 } },
        })).JsonAsync(201);
        var child = await (await officer.PostAsJsonAsync($"/api/v1/plans/{id}/goals", new
        {
            title = "Minst en föreställning per skolår",
            parentId = parent.GetProperty("id").GetString(),
        })).JsonAsync(201);

        var plan = await (await officer.GetAsync($"/api/v1/plans/{id}")).JsonAsync();
        var top = plan.GetProperty("goals").EnumerateArray().Single();
        Assert.Equal("Alla barn möter professionell scenkonst", top.GetProperty("title").GetString());
        Assert.Equal(100m, top.GetProperty("indicators")[0].GetProperty("target").GetDecimal());
        Assert.Equal(child.GetProperty("id").GetString(), top.GetProperty("children")[0].GetProperty("id").GetString());
        Assert.Equal(4, plan.GetProperty("version").GetInt32());

        var edit = await officer.PutAsJsonAsync($"/api/v1/goals/{child.GetProperty("id").GetString()}",
            new { title = "Minst två föreställningar per skolår", parentId = parent.GetProperty("id").GetString() });
        Assert.Equal(204, (int)edit.StatusCode);
        await (await officer.DeleteAsync($"/api/v1/goals/{parent.GetProperty("id").GetString()}")).ProblemAsync(409, "goal.has-children");
        Assert.Equal(204, (int)(await officer.DeleteAsync($"/api/v1/goals/{child.GetProperty("id").GetString()}")).StatusCode);
    }

    [Fact]
    public async Task EveryWrite_LandsInTheAuditLog_WithWhoAndBeforeAfter()
    {
        var (id, _) = await CreateAsync("Före");
        await (await app.As(AppFixture.RegionOfficer).PutAsJsonAsync($"/api/v1/plans/{id}",
            new { title = "Efter", startYear = 2027, endYear = 2030, status = "draft", version = 1 })).JsonAsync();
        var log = await (await app.As(AppFixture.RegionOfficer).GetAsync($"/api/v1/audit-entries?entityType=CulturePlan&entityId={id}")).JsonAsync();
        var entries = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["updated", "created"], entries.Select(e => e.GetProperty("action").GetString()));
        var update = entries[0];
        Assert.Equal("20", update.GetProperty("actorOrganizationCode").GetString());
        Assert.Equal("api", update.GetProperty("channel").GetString());
        Assert.Contains("Före", update.GetProperty("before").GetString());
        Assert.Contains("Efter", update.GetProperty("after").GetString());
        await (await app.Anonymous().GetAsync($"/api/v1/audit-entries?entityType=CulturePlan&entityId={id}")).ProblemAsync(401);
    }

    [Fact]
    public async Task MunicipalityOfficer_ManagesOwnGoals()
    {
        var client = app.As(AppFixture.Smedjebacken);
        var created = await (await client.PostAsJsonAsync("/api/v1/municipalities/2061/goals",
            new { startYear = 2027, endYear = 2030, number = 1, text = "Fler unga läser på fritiden" })).JsonAsync(201);
        var id = created.GetProperty("id").GetString();
        Assert.Equal(204, (int)(await client.PutAsJsonAsync($"/api/v1/municipal-goals/{id}",
            new { startYear = 2027, endYear = 2030, number = 1, text = "Fler barn och unga läser på fritiden" })).StatusCode);
        var list = await (await app.Anonymous().GetAsync("/api/v1/municipalities/2061/goals?year=2028")).JsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), g => g.GetProperty("text").GetString() == "Fler barn och unga läser på fritiden");
    }
}
